import {
  type AuditEntry,
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  type OrgCaller,
  type PageRequest,
  requireRole,
  ruleBroken,
  type Stored,
  SYSTEM_ACTOR,
  staleVersion,
} from '../core';
import type { AttachmentPlanner } from '../documents/attachments';
import { isBiddable, type Need } from '../needs/need';
import type { NotificationRepository } from '../notifications/ports';
import type { CertificateRepository, MembershipRepository, OrgRepository } from '../orgs/ports';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { ReputationReader } from '../reputation/ports';
import {
  type AuctionMove,
  auctionMove,
  improvesRank,
  priceToLead,
  type Ranked,
  rank,
  rankOf,
  snipingExtension,
} from './auction.rules';
import type { AuctionStanding, Bid, BidComparison, BidInput, BidRevision, BidView, OwnerBids } from './bid';
import { auctionRulesOf, closedError, countsIn, effectiveStatus, isPastClose, outcomeOf } from './bid.rules';
import { bidderProfiles } from './bidder-profiles';
import { announceExtension } from './extension-notice';
import { billableTotal, lineTotal } from './money.rules';
import type { AuctionGuard, BiddingNeedRepository, BidRepository, CloseExtension } from './ports';
import { retrying } from './retry';
import { supplierStanding } from './supplier-gate';

export interface BiddingRules {
  snipingWindowS: number;
  maxSnipingExtensions: number;
}

export interface BidServiceDeps {
  needs: BiddingNeedRepository;
  bids: BidRepository;
  memberships: MembershipRepository;
  certificates: CertificateRepository;
  orgs: OrgRepository;
  reputation: ReputationReader;
  notifications: NotificationRepository;
  clock: Clock;
  rules: BiddingRules;
  files: AttachmentPlanner;
  /** Bids and revisions are counted per person and organisation (none when absent). */
  quotas?: QuotaPolicy;
}

type Intent = 'create' | 'revise' | 'reconfirm';

export interface BidResult {
  bid: Stored<Bid>;
  /** The need's new effective close when this bid extended it (anti-sniping). */
  extendedTo: string | null;
}

const toRanked = (b: Pick<Bid, 'supplierOrgId' | 'unitPrice' | 'pricedAt'>): Ranked => ({
  orgId: b.supplierOrgId,
  unitPriceMinor: b.unitPrice.amount,
  pricedAt: b.pricedAt,
});

/** What a bid's audit record keeps: its state, never its price (sealed bids stay sealed in the trail too). */
const sealedSummary = (b: Bid | null) =>
  b ? { bidId: b.bidId, status: b.status, revision: b.revision, amendmentSeen: b.amendmentSeen } : null;

/**
 * Bids: one live bid per supplier per need, revisions kept, sealed or reverse-auction rules. Every
 * rule about the need, the supplier's approval and certificates is re-checked by the write's own
 * conditions; reads only choose which conditions to send and give clear refusals early.
 */
export class BidService {
  constructor(private readonly d: BidServiceDeps) {}

  create(caller: Caller, needId: string, input: BidInput): Promise<BidResult> {
    return this.submit(requireRole(caller, 'supplier'), needId, 'create', input);
  }

  revise(caller: Caller, needId: string, input: BidInput, ifMatch?: number): Promise<BidResult> {
    return this.submit(requireRole(caller, 'supplier'), needId, 'revise', input, ifMatch);
  }

  reconfirm(caller: Caller, needId: string, ifMatch?: number): Promise<BidResult> {
    return this.submit(requireRole(caller, 'supplier'), needId, 'reconfirm', null, ifMatch);
  }

  async withdraw(caller: Caller, needId: string, ifMatch?: number): Promise<Stored<Bid>> {
    const supplier = requireRole(caller, 'supplier');
    return retrying(async () => {
      const need = await this.readNeed(needId);
      const prev = await this.d.bids.get(needId, supplier.orgId);
      if (!prev) throw notFound('bid');
      if (prev.status === 'withdrawn') throw conflict('bid.withdrawn', 'The bid is withdrawn already.');
      if (prev.status === 'awarded') throw conflict('bid.final', 'An awarded bid cannot change.');
      if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
      let auction: AuctionGuard | null = null;
      if (need.mode === 'auction') {
        const state = await this.d.bids.auctionState(needId, need.amendmentCount);
        const others = (await this.d.bids.listForNeed(needId)).filter(
          (b) => b.supplierOrgId !== supplier.orgId && countsIn(b, need.amendmentCount),
        );
        const best = rank(others.map(toRanked))[0];
        auction = {
          amendment: need.amendmentCount,
          orgId: supplier.orgId,
          priceMinor: prev.unitPrice.amount,
          move: {
            kind: 'recompute',
            best: best ? { orgId: best.orgId, priceMinor: best.unitPriceMinor } : null,
          },
          seenBidSeq: state.bidSeq,
          snipingSeen: null,
        };
      }
      const now = this.d.clock.now();
      if (!isBiddable(need, now)) throw closedError(need);
      const next: Bid = { ...prev, status: 'withdrawn', updatedAt: now.toISOString() };
      return this.d.bids.write({
        next,
        prev,
        intent: 'withdraw',
        revision: null,
        audit: this.bidAudit('bid.withdrawn', supplier, prev, next, need),
        gate: { need, now, membership: null, parkFirstOnNeed: false, certificates: [], extension: null },
        auction,
      });
    });
  }

  async mine(caller: Caller, needId: string): Promise<Stored<BidView>> {
    const supplier = requireRole(caller, 'supplier');
    // The bid's key is the caller's own org: nobody reaches another's bid by this route.
    const { need, bid } = await this.d.bids.needAndBid(needId, supplier.orgId);
    if (!need || need.status === 'draft') throw notFound('need');
    if (!bid) throw notFound('bid');
    return { ...bid, status: effectiveStatus(bid, need), outcome: outcomeOf(bid, need) };
  }

  async revisions(caller: Caller, needId: string, page: PageRequest) {
    const supplier = requireRole(caller, 'supplier');
    await this.readNeed(needId);
    return this.d.bids.revisions(needId, supplier.orgId, page);
  }

  /** The owner's view: before the close only how many bids count; after it, every bid side by side. */
  async forOwner(caller: Caller, needId: string): Promise<OwnerBids> {
    const owner = requireRole(caller, 'tenant');
    const need = await this.readNeed(needId);
    if (need.ownerOrgId !== owner.orgId) throw notFound('need');
    const now = this.d.clock.now();
    if (!isPastClose(need, now)) {
      const count = await this.d.bids.countLive(needId, need.amendmentCount);
      if (need.mode !== 'auction') return { count, closed: false };
      const state = await this.d.bids.auctionState(needId, need.amendmentCount);
      const best = state.bestMinor === null ? null : { amount: state.bestMinor, currency: need.currency };
      return { count, closed: false, bestUnitPrice: best };
    }
    const shown = (await this.d.bids.listForNeed(needId)).filter((b) => b.status !== 'withdrawn');
    const counted = rank(
      shown
        .filter((b) => countsIn(b, need.amendmentCount) || b.status === 'awarded')
        .map((b) => ({ ...toRanked(b), bid: b })),
    );
    const pending = shown.filter((b) => !counted.some((c) => c.bid === b));
    const orgIds = shown.map((b) => b.supplierOrgId);
    const profiles = await bidderProfiles(this.d, orgIds, now);
    const compare = (b: Stored<Bid>, position: number | null): BidComparison => {
      return {
        bidId: b.bidId,
        rank: position ?? 0,
        supplier: { orgId: b.supplierOrgId, name: profiles.name(b.supplierOrgId) },
        status: effectiveStatus(b, need),
        unitPrice: b.unitPrice,
        total: lineTotal(b.unitPrice, b.quantity),
        quantity: b.quantity,
        leadTimeDays: b.leadTimeDays,
        validUntil: b.validUntil,
        ...(b.notes ? { notes: b.notes } : {}),
        ...(b.delivery ? { delivery: b.delivery } : {}),
        ...(b.paymentTerms ? { paymentTerms: b.paymentTerms } : {}),
        attachments: b.attachments ?? [],
        revision: b.revision,
        pricedAt: b.pricedAt,
        certificates: profiles.certificates(b.supplierOrgId),
        reputation: profiles.reputation(b.supplierOrgId),
      };
    };
    return {
      count: counted.length,
      closed: true,
      items: [...counted.map((c, i) => compare(c.bid, i + 1)), ...pending.map((b) => compare(b, null))],
    };
  }

  /** A bidder's standing in a reverse auction: own rank, the best price, how many bid; no identities. */
  async auction(caller: Caller, needId: string): Promise<AuctionStanding> {
    const supplier = requireRole(caller, 'supplier');
    // The need and its book (states and bids) are read at once; nothing of the book leaves this
    // method but the caller's own standing.
    const [need, book] = await Promise.all([this.readNeed(needId), this.d.bids.auctionBook(needId)]);
    if (need.mode !== 'auction') throw notFound('auction');
    const all = book.bids;
    const mine = all.find((b) => b.supplierOrgId === supplier.orgId);
    if (!mine || mine.status === 'withdrawn') throw notFound('bid');
    const state = book.states.get(need.amendmentCount) ?? {
      bestMinor: null,
      leaderOrgId: null,
      bidSeq: 0,
      snipingExtensions: 0,
    };
    const live = rank(
      all.filter((b) => countsIn(b, need.amendmentCount) || b.status === 'awarded').map(toRanked),
    );
    const rules = auctionRulesOf(need, this.d.rules.maxSnipingExtensions);
    const best = live[0]?.unitPriceMinor ?? null;
    const myRank = rankOf(live, supplier.orgId);
    const money = (amount: number | null) => (amount === null ? null : { amount, currency: need.currency });
    return {
      myRank,
      bestUnitPrice: money(best),
      myUnitPrice: myRank === null ? null : money(mine.unitPrice.amount),
      bidders: live.length,
      priceToLead: best === null || myRank === 1 ? null : money(priceToLead(best, rules.minDecrementBps)),
      closesAt: need.closesAt,
      extensionsLeft: Math.max(0, rules.maxExtensions - state.snipingExtensions),
      status: isPastClose(need, this.d.clock.now()) && need.status === 'open' ? 'closed' : need.status,
    };
  }

  /**
   * After the market context amends a need: every bid written under the old terms moves to
   * `needs_reconfirmation` and its bidder is told. Idempotent (a redelivered call changes nothing
   * and notifies no one twice); readers treat such bids as unconfirmed even before this runs.
   */
  async markBidsForReconfirmation(needId: string): Promise<number> {
    const need = await this.d.needs.get(needId);
    if (!need) return 0;
    let marked = 0;
    for (const bid of await this.d.bids.listForNeed(needId)) {
      if (bid.status === 'withdrawn' || bid.status === 'awarded' || bid.amendmentSeen >= need.amendmentCount)
        continue;
      if (bid.status === 'submitted' && (await this.markOne(needId, bid.supplierOrgId, need))) marked++;
      await this.d.notifications.notify({
        orgId: bid.supplierOrgId,
        kind: 'bid.needs_reconfirmation',
        entityId: needId,
        data: { needId, amendment: need.amendmentCount },
        dedupeKey: `need-amended#${needId}#${need.amendmentCount}`,
      });
    }
    return marked;
  }

  /** After the market context cancels a need: every bidder is told, with the reason. Idempotent. */
  async notifyCancelled(needId: string): Promise<number> {
    const need = await this.d.needs.get(needId);
    if (need?.status !== 'cancelled') return 0;
    let told = 0;
    for (const bid of await this.d.bids.listForNeed(needId)) {
      if (bid.status === 'withdrawn') continue;
      const fresh = await this.d.notifications.notify({
        orgId: bid.supplierOrgId,
        kind: 'need.cancelled',
        entityId: needId,
        data: { needId, reason: need.cancelReason },
        dedupeKey: `need-cancelled#${needId}`,
      });
      if (fresh) told++;
    }
    return told;
  }

  private async markOne(needId: string, orgId: string, need: Stored<Need>): Promise<boolean> {
    return retrying(async () => {
      const bid = await this.d.bids.get(needId, orgId);
      if (bid?.status !== 'submitted' || bid.amendmentSeen >= need.amendmentCount) return false;
      const next: Bid = {
        ...bid,
        status: 'needs_reconfirmation',
        updatedAt: this.d.clock.now().toISOString(),
      };
      await this.d.bids.write({
        next,
        prev: bid,
        intent: 'reconfirmation_required',
        revision: null,
        audit: {
          ...this.bidAudit('bid.needs_reconfirmation', null, bid, next, need),
          reason: 'need amended',
        },
        gate: null,
        auction: null,
      });
      return true;
    });
  }

  private async submit(
    supplier: OrgCaller,
    needId: string,
    intent: Intent,
    input: BidInput | null,
    ifMatch?: number,
  ): Promise<BidResult> {
    const orgId = supplier.orgId;
    let extended: { need: Need; closesAtMs: number; bidders: string[] } | null = null;
    const bid = await retrying(async () => {
      extended = null;
      const need = await this.readNeed(needId);
      if (need.ownerOrgId === orgId) {
        throw ruleBroken('bid.own_need', 'An organisation cannot bid on its own need.');
      }
      if (!isBiddable(need, this.d.clock.now())) throw closedError(need);
      // The other reads depend only on the need: one round trip's worth of latency, not three.
      const [prev, standing, plan] = await Promise.all([
        this.d.bids.get(needId, orgId),
        supplierStanding(this.d.memberships, orgId, need, this.d.clock.now()),
        need.mode === 'auction' ? this.readAuction(needId, need) : null,
      ]);
      checkIntent(intent, prev, need, ifMatch);
      const content = intent === 'reconfirm' ? contentOf(prev as Bid) : (input as BidInput);
      checkAgainstNeed(content, need);
      const files = await this.d.files.plan(
        orgId,
        { kind: 'bid', needId, supplierOrgId: orgId },
        intent === 'create' ? (content.attachments ?? []) : content.attachments,
        prev?.attachments ?? [],
      );

      // Decisions use one "now", taken after every read and just before the write.
      const now = this.d.clock.now();
      if (!isBiddable(need, now)) throw closedError(need);
      const at = now.toISOString();
      const samePrice =
        !!prev &&
        prev.amendmentSeen === need.amendmentCount &&
        prev.unitPrice.amount === content.unitPrice.amount;
      const next: Bid = {
        ...content,
        attachments: files.attachments,
        bidId: prev?.bidId ?? newId('bid', now.getTime()),
        needId,
        supplierOrgId: orgId,
        status: 'submitted',
        revision: intent === 'reconfirm' ? (prev as Bid).revision : (prev?.revision ?? 0) + 1,
        amendmentSeen: need.amendmentCount,
        pricedAt: intent === 'reconfirm' || (samePrice && prev) ? (prev as Bid).pricedAt : at,
        validUntilMs: Date.parse(content.validUntil),
        createdAt: prev?.createdAt ?? at,
        updatedAt: at,
        version: prev?.version ?? 0,
      };
      if (!next.notes) delete next.notes;
      for (const field of ['delivery', 'paymentTerms'] as const) if (!next[field]) delete next[field];
      let auction: AuctionGuard | null = null;
      let extension: CloseExtension | null = null;
      if (plan) {
        const decided = this.decideAuction(intent, next, prev, need, plan, now);
        auction = decided.guard;
        if (decided.closesAtMs !== null) {
          extension = {
            closesAtMs: decided.closesAtMs,
            audit: {
              action: 'need.extended',
              actor: SYSTEM_ACTOR,
              before: { closesAt: need.closesAt, extensionCount: need.extensionCount },
              after: {
                closesAt: new Date(decided.closesAtMs).toISOString(),
                extensionCount: need.extensionCount + 1,
              },
              parkId: need.parkId,
              reason: 'anti_sniping',
            },
          };
        }
      }
      const revision: BidRevision | null =
        intent === 'reconfirm'
          ? null
          : {
              ...content,
              attachments: files.attachments.map((a) => a.attachmentId),
              bidId: next.bidId,
              needId,
              revision: next.revision,
              at,
            };
      const action = { create: 'bid.submitted', revise: 'bid.revised', reconfirm: 'bid.reconfirmed' }[intent];
      const saved = await this.d.bids.write({
        next,
        prev,
        intent,
        revision,
        audit: this.bidAudit(action, supplier, prev, next, need),
        gate: {
          need,
          now,
          membership: standing.membership,
          parkFirstOnNeed: standing.parkFirstOnNeed,
          certificates: need.requiredCertificates ?? [],
          extension,
        },
        auction,
        files: files.change,
        // A reconfirmation changes nothing anyone is told of: only bids and revisions count.
        charges: intent === 'reconfirm' ? [] : (this.d.quotas ?? NO_QUOTAS).charges(supplier, 'bid.place'),
      });
      if (extension && plan) {
        extended = {
          need,
          closesAtMs: extension.closesAtMs,
          bidders: [...new Set([...plan.live.map((b) => b.supplierOrgId), orgId])],
        };
      }
      return saved;
    });
    const ext = extended as { need: Need; closesAtMs: number; bidders: string[] } | null;
    if (ext)
      await announceExtension(this.d.notifications, ext.need, ext.closesAtMs, ext.bidders, 'anti_sniping');
    return { bid, extendedTo: ext ? new Date(ext.closesAtMs).toISOString() : null };
  }

  private async readAuction(needId: string, need: Need) {
    // The state is read before the bids: any bid committed after this read bumps its bidSeq.
    const state = await this.d.bids.auctionState(needId, need.amendmentCount);
    const live = (await this.d.bids.listForNeed(needId)).filter((b) => countsIn(b, need.amendmentCount));
    return { state, live };
  }

  private decideAuction(
    intent: Intent,
    next: Bid,
    prev: Bid | null,
    need: Need,
    plan: Awaited<ReturnType<BidService['readAuction']>>,
    now: Date,
  ): { guard: AuctionGuard; closesAtMs: number | null } {
    const { state, live } = plan;
    const rules = auctionRulesOf(need, this.d.rules.maxSnipingExtensions);
    const price = next.unitPrice.amount;
    let move: AuctionMove;
    if (intent === 'reconfirm') {
      // Re-entering under new terms: no decrement to beat, only the order of prices.
      move =
        state.bestMinor === null
          ? { kind: 'lead', thresholdMinor: null }
          : price < state.bestMinor
            ? { kind: 'lead', thresholdMinor: price + 1 }
            : { kind: 'follow' };
    } else {
      const ownPrevious = prev && prev.amendmentSeen === need.amendmentCount ? prev.unitPrice.amount : null;
      move = auctionMove({
        priceMinor: price,
        ownPreviousMinor: ownPrevious,
        orgId: next.supplierOrgId,
        state,
        minDecrementBps: rules.minDecrementBps,
      });
    }
    const before = live.map(toRanked);
    const after = [
      ...live.filter((b) => b.supplierOrgId !== next.supplierOrgId).map(toRanked),
      toRanked(next),
    ];
    const closesAtMs = snipingExtension({
      nowMs: now.getTime(),
      closesAtMs: need.closesAtMs,
      windowMs: this.d.rules.snipingWindowS * 1000,
      extensionsUsed: state.snipingExtensions,
      maxExtensions: rules.maxExtensions,
      improvesRank: improvesRank(before, after, next.supplierOrgId),
    });
    return {
      guard: {
        amendment: need.amendmentCount,
        orgId: next.supplierOrgId,
        priceMinor: price,
        move,
        seenBidSeq: closesAtMs === null ? null : state.bidSeq,
        snipingSeen: closesAtMs === null ? null : state.snipingExtensions,
      },
      closesAtMs,
    };
  }

  private async readNeed(needId: string): Promise<Stored<Need>> {
    const need = await this.d.needs.get(needId);
    // A draft is its owner's private thing: to anyone bidding it does not exist.
    if (!need || need.status === 'draft') throw notFound('need');
    return need;
  }

  private bidAudit(action: string, actor: OrgCaller | null, prev: Bid | null, next: Bid, need: Need) {
    return {
      action,
      actor: actor ? actorOf(actor) : SYSTEM_ACTOR,
      before: sealedSummary(prev),
      after: sealedSummary(next),
      parkId: need.parkId,
    } satisfies Omit<AuditEntry, 'entityId'>;
  }
}

function checkIntent(intent: Intent, prev: Stored<Bid> | null, need: Need, ifMatch: number | undefined) {
  if (intent === 'create') {
    if (prev && prev.status !== 'withdrawn') {
      throw conflict(
        'bid.exists',
        'You have a bid on this need already: revise it (PUT /v1/needs/{needId}/bids/mine).',
      );
    }
    return;
  }
  if (!prev) throw notFound('bid');
  if (prev.status === 'withdrawn')
    throw conflict('bid.withdrawn', 'The bid was withdrawn: submit a new one.');
  if (prev.status === 'awarded') throw conflict('bid.final', 'An awarded bid cannot change.');
  if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
  if (intent === 'reconfirm' && effectiveStatus(prev, need) !== 'needs_reconfirmation') {
    throw conflict('bid.confirmed', 'The bid answers the need as it stands; there is nothing to reconfirm.');
  }
}

function contentOf(b: Bid): BidInput {
  return {
    unitPrice: b.unitPrice,
    quantity: b.quantity,
    leadTimeDays: b.leadTimeDays,
    validUntil: b.validUntil,
    ...(b.notes ? { notes: b.notes } : {}),
    ...(b.delivery ? { delivery: b.delivery } : {}),
    ...(b.paymentTerms ? { paymentTerms: b.paymentTerms } : {}),
  };
}

function checkAgainstNeed(content: BidInput, need: Need) {
  if (content.unitPrice.currency !== need.currency) {
    throw ruleBroken('bid.currency_mismatch', `A bid is in its need's currency, ${need.currency}.`, [
      { path: 'unitPrice.currency', message: `Use ${need.currency}.` },
    ]);
  }
  if (content.quantity > need.quantity) {
    throw ruleBroken('bid.quantity_too_large', 'A bid cannot offer more than the need asks for.', [
      { path: 'quantity', message: `At most ${need.quantity} ${need.unit}.` },
    ]);
  }
  if (Date.parse(content.validUntil) <= need.closesAtMs) {
    throw ruleBroken('bid.validity_too_short', 'A bid must stay valid past the need’s close.', [
      { path: 'validUntil', message: `Later than ${need.closesAt}.` },
    ]);
  }
  billableTotal(content.unitPrice, content.quantity);
}
