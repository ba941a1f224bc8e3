import { ruleBroken } from '../core/errors';

/** One live bid as the ranking sees it: price, when it was set, whose. */
export interface Ranked {
  orgId: string;
  unitPriceMinor: number;
  pricedAt: string;
}

const BPS = 10_000n;

/**
 * Lowest price first; an equal price ranks behind the one that was set earlier (it did not beat
 * it); the org id only breaks exact ties so every reader sees the same order.
 */
export function rank<T extends Ranked>(bids: readonly T[]): T[] {
  return [...bids].sort(
    (a, b) =>
      a.unitPriceMinor - b.unitPriceMinor ||
      a.pricedAt.localeCompare(b.pricedAt) ||
      a.orgId.localeCompare(b.orgId),
  );
}

/** 1-based position of `orgId` among `bids`; null when it has no live bid. */
export function rankOf(bids: readonly Ranked[], orgId: string): number | null {
  const i = rank(bids).findIndex((b) => b.orgId === orgId);
  return i < 0 ? null : i + 1;
}

/** The highest unit price that beats `best` by at least `bps` basis points (what it takes to lead). */
export function priceToLead(bestMinor: number, bps: number): number {
  return Number((BigInt(bestMinor) * (BPS - BigInt(bps))) / BPS);
}

/**
 * The lowest best price that `priceMinor` still beats by `bps`: the auction state's condition when
 * a bid takes the lead, so a concurrent lead that moved the best below this fails the write.
 */
export function leadThreshold(priceMinor: number, bps: number): number {
  const num = BigInt(priceMinor) * BPS;
  const den = BPS - BigInt(bps);
  return Number((num + den - 1n) / den);
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
 * Reverse-auction rules: a bid must beat the bidder's own previous price in this auction; a bid
 * below the best must beat it by the need's minimum decrement to take the lead; at or above the
 * best it is accepted and ranked behind. Throws the rule that refuses the bid.
 */
export function auctionMove(input: {
  priceMinor: number;
  ownPreviousMinor: number | null;
  orgId: string;
  state: AuctionState;
  minDecrementBps: number;
}): AuctionMove {
  const { priceMinor, ownPreviousMinor, orgId, state, minDecrementBps } = input;
  if (ownPreviousMinor !== null && priceMinor >= ownPreviousMinor) {
    throw ruleBroken(
      'bid.must_beat_own_previous',
      'In an auction a new price must be lower than your previous one.',
      [{ path: 'unitPrice.amount', message: `Bid below ${ownPreviousMinor}.` }],
    );
  }
  if (state.bestMinor === null) return { kind: 'lead', thresholdMinor: null };
  if (state.leaderOrgId === orgId) return { kind: 'improve_lead' };
  if (priceMinor >= state.bestMinor) return { kind: 'follow' };
  const limit = priceToLead(state.bestMinor, minDecrementBps);
  if (priceMinor > limit) {
    throw ruleBroken(
      'bid.decrement_too_small',
      `To take the lead a bid must beat the best price by at least ${minDecrementBps / 100} %.`,
      [{ path: 'unitPrice.amount', message: `Bid ${limit} or less to lead, or ${state.bestMinor} or more.` }],
    );
  }
  return { kind: 'lead', thresholdMinor: leadThreshold(priceMinor, minDecrementBps) };
}

/**
 * Whether the bid moved its bidder ahead of at least one other bidder. A bidder without a live bid
 * stands behind everyone, so a first bid improves only if it overtakes someone.
 */
export function improvesRank(before: readonly Ranked[], after: readonly Ranked[], orgId: string): boolean {
  const others = after.filter((b) => b.orgId !== orgId).length;
  const was = rankOf(before, orgId) ?? others + 1;
  const now = rankOf(after, orgId);
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
