import {
  type AuctionMove,
  auctionMove,
  improvesRank,
  priceToLead,
  rank,
  rankOf,
  snipingExtension,
} from '../bids/auction.rules';
import { bidderProfiles } from '../bids/bidder-profiles';
import type { AuctionGuard } from '../bids/ports';
import { retrying } from '../bids/retry';
import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  type OrgCaller,
  requireOrg,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import type { NotificationRepository } from '../notifications/ports';
import type { CertificateRepository, OrgRepository } from '../orgs/ports';
import type { ReputationReader } from '../reputation/ports';
import type { Offering, OfferingBid, OfferingBidInput } from './offering';
import {
  checkBid,
  effectiveStatus,
  isBiddable,
  isPastClose,
  OFFERING_DIRECTION,
  offeringClosed,
  stepOf,
  toRanked,
} from './offering.rules';
import type { OfferingRepository } from './ports';

export interface OfferingBidServiceDeps {
  offerings: OfferingRepository;
  orgs: OrgRepository;
  certificates: CertificateRepository;
  reputation: ReputationReader;
  notifications: NotificationRepository;
  clock: Clock;
  rules: { snipingWindowS: number; maxSnipingExtensions: number };
}

/** What a bid's audit record keeps: its state, never its price (a sealed tender stays sealed). */
const sealedSummary = (b: OfferingBid | null) =>
  b ? { bidId: b.bidId, status: b.status, revision: b.revision } : null;

const up = OFFERING_DIRECTION;

/**
 * Investors' bids on park space: one live bid per organisation per offering, the highest price
 * wins. Sealed: nobody but its bidder sees a bid before the close. Auction: the same engine as a
 * need's reverse auction, turned upward; every bid must beat the best by the increment, and a late
 * rank-improving bid extends the close. Every rule that a concurrent change could break is also a
 * condition of the bid's own write.
 */
export class OfferingBidService {
  constructor(private readonly d: OfferingBidServiceDeps) {}

  create(caller: Caller, offeringId: string, input: OfferingBidInput) {
    return this.submit(caller, offeringId, 'create', input);
  }

  revise(caller: Caller, offeringId: string, input: OfferingBidInput, ifMatch?: number) {
    return this.submit(caller, offeringId, 'revise', input, ifMatch);
  }

  async withdraw(caller: Caller, offeringId: string, ifMatch?: number): Promise<Stored<OfferingBid>> {
    return retrying(async () => {
      const offering = await this.visible(offeringId);
      const bidder = requireOrg(caller);
      const { state, bids } = await this.d.offerings.book(offeringId);
      const prev = bids.find((b) => b.bidderOrgId === bidder.orgId) ?? null;
      if (!prev) throw notFound('bid');
      if (prev.status !== 'submitted') throw conflict(`bid.${prev.status}`, `The bid is ${prev.status}.`);
      if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
      const now = this.d.clock.now();
      if (!isBiddable(offering, now)) throw offeringClosed(offering);
      let auction: AuctionGuard | null = null;
      if (offering.mode === 'auction') {
        const others = bids.filter((b) => b.bidderOrgId !== bidder.orgId && b.status === 'submitted');
        const best = rank(others.map(toRanked), up)[0];
        auction = {
          amendment: 0,
          orgId: bidder.orgId,
          priceMinor: prev.price.amount,
          move: {
            kind: 'recompute',
            best: best ? { orgId: best.orgId, priceMinor: best.unitPriceMinor } : null,
          },
          seenBidSeq: state.bidSeq,
          snipingSeen: null,
        };
      }
      const next: OfferingBid = { ...prev, status: 'withdrawn', updatedAt: now.toISOString() };
      return this.d.offerings.writeBid({
        next,
        prev,
        intent: 'withdraw',
        audit: this.audit('offering_bid.withdrawn', bidder, prev, next, offering),
        gate: { offering, now, extendTo: null },
        auction,
      });
    });
  }

  async mine(caller: Caller, offeringId: string) {
    const bidder = requireOrg(caller);
    // The bid's key is the caller's own org: nobody reaches another's bid by this route.
    const { offering, bid } = await this.d.offerings.offeringAndBid(offeringId, bidder.orgId);
    if (!offering || offering.status === 'draft') throw notFound('offering');
    if (!bid) throw notFound('bid');
    const outcome: 'pending' | 'won' | 'lost' =
      offering.status !== 'awarded' ? 'pending' : offering.awardedBidId === bid.bidId ? 'won' : 'lost';
    return { ...bid, outcome };
  }

  /** A bidder's standing in a forward auction: own rank, the best price, how many bid; never who. */
  async standing(caller: Caller, offeringId: string) {
    const offering = await this.visible(offeringId);
    const bidder = requireOrg(caller);
    if (offering.mode !== 'auction') throw notFound('auction');
    const { state, bids } = await this.d.offerings.book(offeringId);
    const mine = bids.find((b) => b.bidderOrgId === bidder.orgId);
    if (!mine || mine.status === 'withdrawn') throw notFound('bid');
    const live = rank(bids.filter((b) => b.status !== 'withdrawn').map(toRanked), up);
    const best = live[0]?.unitPriceMinor ?? null;
    const myRank = rankOf(live, bidder.orgId, up);
    const currency = offering.reservePrice.currency;
    const money = (amount: number | null) => (amount === null ? null : { amount, currency });
    return {
      myRank,
      bestPrice: money(best),
      myPrice: money(mine.price.amount),
      bidders: live.length,
      priceToLead: best === null || myRank === 1 ? null : money(priceToLead(best, stepOf(offering), up)),
      closesAt: offering.closesAt,
      extensionsLeft: Math.max(0, this.d.rules.maxSnipingExtensions - state.snipingExtensions),
      status: effectiveStatus(offering, this.d.clock.now()),
    };
  }

  /**
   * The operator's view: before the close only how many bid (and in an auction the best price,
   * which every bidder sees too); after it, every bid side by side with the plan, the investor's
   * verified certificates and reputation.
   */
  async forOperator(offering: Stored<Offering>) {
    const now = this.d.clock.now();
    if (!isPastClose(offering, now) && offering.status !== 'awarded') {
      const count = await this.d.offerings.countLive(offering.offeringId);
      if (offering.mode !== 'auction') return { count, closed: false };
      const { state } = await this.d.offerings.book(offering.offeringId);
      const best =
        state.bestMinor === null
          ? null
          : { amount: state.bestMinor, currency: offering.reservePrice.currency };
      return { count, closed: false, bestPrice: best };
    }
    const { bids } = await this.d.offerings.book(offering.offeringId);
    const standing = rank(
      bids.filter((b) => b.status !== 'withdrawn').map((b) => ({ ...toRanked(b), bid: b })),
      up,
    );
    const orgIds = standing.map((s) => s.orgId);
    const profiles = await bidderProfiles(this.d, orgIds, now);
    return {
      count: standing.length,
      closed: true,
      items: standing.map(({ bid }, i) => ({
        bidId: bid.bidId,
        rank: i + 1,
        investor: { orgId: bid.bidderOrgId, name: profiles.name(bid.bidderOrgId) },
        status: bid.status,
        price: bid.price,
        plan: bid.plan,
        revision: bid.revision,
        pricedAt: bid.pricedAt,
        certificates: profiles.certificates(bid.bidderOrgId),
        reputation: profiles.reputation(bid.bidderOrgId),
      })),
    };
  }

  private async submit(
    caller: Caller,
    offeringId: string,
    intent: 'create' | 'revise',
    input: OfferingBidInput,
    ifMatch?: number,
  ): Promise<{ bid: Stored<OfferingBid>; extendedTo: string | null }> {
    let extendedTo: number | null = null;
    const bid = await retrying(async () => {
      extendedTo = null;
      const offering = await this.visible(offeringId);
      const bidder = requireOrg(caller);
      const { state, bids } = await this.d.offerings.book(offeringId);
      const prev = bids.find((b) => b.bidderOrgId === bidder.orgId) ?? null;
      if (intent === 'revise') {
        if (!prev) throw notFound('bid');
        if (prev.status !== 'submitted') throw conflict(`bid.${prev.status}`, `The bid is ${prev.status}.`);
        if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
      }
      if (offering.operatorOrgId === bidder.orgId) {
        throw ruleBroken('bid.own_offering', 'The park’s operator cannot bid on its own offering.');
      }
      if (!isBiddable(offering, this.d.clock.now())) throw offeringClosed(offering);
      if (intent === 'create' && prev && prev.status !== 'withdrawn') {
        throw conflict('bid.exists', 'You have a bid on this offering already: revise it (PUT …/bids/mine).');
      }
      checkBid(input, offering);
      // One "now" for every decision, taken after the reads and just before the write.
      const now = this.d.clock.now();
      if (!isBiddable(offering, now)) throw offeringClosed(offering);
      const at = now.toISOString();
      const live = prev?.status === 'submitted' ? prev : null;
      const next: OfferingBid = {
        ...input,
        bidId: prev?.bidId ?? newId('bid', now.getTime()),
        offeringId,
        bidderOrgId: bidder.orgId,
        status: 'submitted',
        revision: (prev?.revision ?? 0) + 1,
        pricedAt: live && live.price.amount === input.price.amount ? live.pricedAt : at,
        createdAt: prev?.createdAt ?? at,
        updatedAt: at,
        version: prev?.version ?? 0,
      };
      let auction: AuctionGuard | null = null;
      if (offering.mode === 'auction') {
        const move: AuctionMove = auctionMove({
          priceMinor: input.price.amount,
          ownPreviousMinor: live?.price.amount ?? null,
          orgId: bidder.orgId,
          state,
          step: stepOf(offering),
          direction: up,
          mustLead: true,
          pricePath: 'price.amount',
        });
        const submitted = bids.filter((b) => b.status === 'submitted');
        const before = submitted.map(toRanked);
        const after = [
          ...submitted.filter((b) => b.bidderOrgId !== bidder.orgId).map(toRanked),
          toRanked(next),
        ];
        extendedTo = snipingExtension({
          nowMs: now.getTime(),
          closesAtMs: offering.closesAtMs,
          windowMs: this.d.rules.snipingWindowS * 1000,
          extensionsUsed: state.snipingExtensions,
          maxExtensions: this.d.rules.maxSnipingExtensions,
          improvesRank: improvesRank(before, after, bidder.orgId, up),
        });
        auction = {
          amendment: 0,
          orgId: bidder.orgId,
          priceMinor: input.price.amount,
          move,
          seenBidSeq: extendedTo === null ? null : state.bidSeq,
          snipingSeen: extendedTo === null ? null : state.snipingExtensions,
        };
      }
      const action = intent === 'create' ? 'offering_bid.submitted' : 'offering_bid.revised';
      return this.d.offerings.writeBid({
        next,
        prev,
        intent,
        audit: this.audit(action, bidder, prev, next, offering),
        gate: { offering, now, extendTo: extendedTo },
        auction,
      });
    });
    const ext = extendedTo as number | null;
    return { bid, extendedTo: ext === null ? null : new Date(ext).toISOString() };
  }

  /** A draft does not exist for bidders. */
  private async visible(offeringId: string): Promise<Stored<Offering>> {
    const offering = await this.d.offerings.get(offeringId);
    if (!offering || offering.status === 'draft') throw notFound('offering');
    return offering;
  }

  private audit(action: string, actor: OrgCaller, prev: OfferingBid | null, next: OfferingBid, o: Offering) {
    return {
      action,
      actor: actorOf(actor),
      before: sealedSummary(prev),
      after: sealedSummary(next),
      parkId: o.parkId,
    };
  }
}
