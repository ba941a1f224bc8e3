import { ruleBroken } from '../core/errors';

/** One live bid as the ranking sees it: price, when it was set, whose. */
export interface Ranked {
  orgId: string;
  unitPriceMinor: number;
  pricedAt: string;
}

/**
 * Which price wins: a need's reverse auction takes the lowest, a park offering's forward auction
 * the highest. Every rule below takes it, so both run on one engine.
 */
export type Direction = 'lowest_wins' | 'highest_wins';

/** How far a bid must beat the best to lead: a share in basis points (needs) or an amount (offerings). */
export type Step = { bps: number } | { minor: number };

const BPS = 10_000n;
const stepOf = (step: number | Step): Step => (typeof step === 'number' ? { bps: step } : step);

/** Whether price `a` is better than `b` in this direction. */
export const isBetter = (a: number, b: number, direction: Direction = 'lowest_wins'): boolean =>
  direction === 'lowest_wins' ? a < b : a > b;

/**
 * Best price first; an equal price ranks behind the one that was set earlier (it did not beat
 * it); the org id only breaks exact ties so every reader sees the same order.
 */
export function rank<T extends Ranked>(bids: readonly T[], direction: Direction = 'lowest_wins'): T[] {
  const sign = direction === 'lowest_wins' ? 1 : -1;
  return [...bids].sort(
    (a, b) =>
      sign * (a.unitPriceMinor - b.unitPriceMinor) ||
      a.pricedAt.localeCompare(b.pricedAt) ||
      a.orgId.localeCompare(b.orgId),
  );
}

/** 1-based position of `orgId` among `bids`; null when it has no live bid. */
export function rankOf(
  bids: readonly Ranked[],
  orgId: string,
  direction: Direction = 'lowest_wins',
): number | null {
  const i = rank(bids, direction).findIndex((b) => b.orgId === orgId);
  return i < 0 ? null : i + 1;
}

/**
 * The least good price that still beats `best` by the step (what it takes to lead): at most
 * best − step when the lowest wins, at least best + step when the highest wins. A number is a step
 * in basis points. Integer arithmetic throughout, rounding towards the best.
 */
export function priceToLead(
  bestMinor: number,
  step: number | Step,
  direction: Direction = 'lowest_wins',
): number {
  const s = stepOf(step);
  const best = BigInt(bestMinor);
  if ('minor' in s)
    return Number(direction === 'lowest_wins' ? best - BigInt(s.minor) : best + BigInt(s.minor));
  const bps = BigInt(s.bps);
  if (direction === 'lowest_wins') return Number((best * (BPS - bps)) / BPS);
  const num = best * (BPS + bps);
  return Number((num + BPS - 1n) / BPS);
}

/**
 * The worst best price that `priceMinor` still beats by the step: the auction state's condition
 * when a bid takes the lead, so a concurrent lead that moved the best past this fails the write.
 * When the lowest wins the best must stay at or above it; when the highest wins, at or below.
 */
export function leadThreshold(
  priceMinor: number,
  step: number | Step,
  direction: Direction = 'lowest_wins',
): number {
  const s = stepOf(step);
  const price = BigInt(priceMinor);
  if ('minor' in s)
    return Number(direction === 'lowest_wins' ? price + BigInt(s.minor) : price - BigInt(s.minor));
  const bps = BigInt(s.bps);
  if (direction === 'lowest_wins') {
    const den = BPS - bps;
    return Number((price * BPS + den - 1n) / den);
  }
  return Number((price * BPS) / (BPS + bps));
}

/** How an auction bid relates to the current best, which decides the condition on the auction state. */
export type AuctionMove =
  /** Takes the lead from another bidder (or opens the auction): must beat the best by the decrement. */
  | { kind: 'lead'; thresholdMinor: number | null }
  /** The leader lowers its own price: it only has to beat its own previous. */
  | { kind: 'improve_lead' }
  /** At or above the best: accepted, ranked behind it. */
  | { kind: 'follow' };

export interface AuctionState {
  bestMinor: number | null;
  leaderOrgId: string | null;
}

/**
 * Auction rules in either direction: a bid must beat the bidder's own previous price in this
 * auction; a bid better than the best must beat it by the step to take the lead; one no better
 * than the best is accepted and ranked behind (a need's reverse auction), or refused when every
 * bid must lead (`mustLead`, a park offering's forward auction). Throws the rule that refuses it.
 * Without `step`, `minDecrementBps` is the step (the need contract's name for it).
 */
export function auctionMove(input: {
  priceMinor: number;
  ownPreviousMinor: number | null;
  orgId: string;
  state: AuctionState;
  minDecrementBps?: number;
  step?: Step;
  direction?: Direction;
  mustLead?: boolean;
  /** Where the price sits in the request, for the refusal's field. */
  pricePath?: string;
}): AuctionMove {
  const { priceMinor, ownPreviousMinor, orgId, state } = input;
  const direction = input.direction ?? 'lowest_wins';
  const step = input.step ?? { bps: input.minDecrementBps ?? 50 };
  const path = input.pricePath ?? 'unitPrice.amount';
  const lowest = direction === 'lowest_wins';
  if (ownPreviousMinor !== null && !isBetter(priceMinor, ownPreviousMinor, direction)) {
    throw ruleBroken(
      'bid.must_beat_own_previous',
      `In an auction a new price must be ${lowest ? 'lower' : 'higher'} than your previous one.`,
      [{ path, message: `Bid ${lowest ? 'below' : 'above'} ${ownPreviousMinor}.` }],
    );
  }
  if (state.bestMinor === null) return { kind: 'lead', thresholdMinor: null };
  if (state.leaderOrgId === orgId) return { kind: 'improve_lead' };
  const limit = priceToLead(state.bestMinor, step, direction);
  if (!isBetter(priceMinor, state.bestMinor, direction) && !input.mustLead) return { kind: 'follow' };
  if (isBetter(limit, priceMinor, direction)) {
    const by = 'bps' in step ? `${step.bps / 100} %` : `${step.minor}`;
    throw ruleBroken(
      lowest ? 'bid.decrement_too_small' : 'bid.increment_too_small',
      `To take the lead a bid must beat the best price by at least ${by}.`,
      [
        {
          path,
          message: input.mustLead
            ? `Bid ${limit} or more.`
            : `Bid ${limit} or ${lowest ? 'less' : 'more'} to lead, or ${state.bestMinor} or ${lowest ? 'more' : 'less'}.`,
        },
      ],
    );
  }
  return { kind: 'lead', thresholdMinor: leadThreshold(priceMinor, step, direction) };
}

/**
 * Whether the bid moved its bidder ahead of at least one other bidder. A bidder without a live bid
 * stands behind everyone, so a first bid improves only if it overtakes someone.
 */
export function improvesRank(
  before: readonly Ranked[],
  after: readonly Ranked[],
  orgId: string,
  direction: Direction = 'lowest_wins',
): boolean {
  const others = after.filter((b) => b.orgId !== orgId).length;
  const was = rankOf(before, orgId, direction) ?? others + 1;
  const now = rankOf(after, orgId, direction);
  return now !== null && now < was;
}

/** The new effective close if an accepted, rank-improving bid at `nowMs` lands inside the sniping window. */
export function snipingExtension(input: {
  nowMs: number;
  closesAtMs: number;
  windowMs: number;
  extensionsUsed: number;
  maxExtensions: number;
  improvesRank: boolean;
}): number | null {
  const { nowMs, closesAtMs, windowMs, extensionsUsed, maxExtensions } = input;
  if (!input.improvesRank || windowMs <= 0) return null;
  if (extensionsUsed >= maxExtensions) return null;
  if (nowMs >= closesAtMs || closesAtMs - nowMs > windowMs) return null;
  const next = nowMs + windowMs;
  return next > closesAtMs ? next : null;
}
