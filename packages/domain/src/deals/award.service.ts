import type { Bid } from '../bids/bid';
import { countsIn, isPastClose } from '../bids/bid.rules';
import { lineTotal } from '../bids/money.rules';
import type { BiddingNeedRepository, BidRepository } from '../bids/ports';
import { retrying } from '../bids/retry';
import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  requireRole,
  ruleBroken,
  type Stored,
} from '../core';
import type { NotificationDraft } from '../notifications/notification';
import type { NotificationRepository } from '../notifications/ports';
import type { Deal } from './deal';
import type { DealRepository } from './ports';

const DAY_MS = 86_400_000;

const alreadyAwarded = () => conflict('need.already_awarded', 'The need has been awarded already.');

/** Every bidder's notification of the outcome; the same key whoever sends it (the award or the backstop job). */
export const outcomeNotice = (
  needId: string,
  bid: Pick<Bid, 'bidId' | 'supplierOrgId'>,
  winner: { bidId: string; dealId: string | null },
): NotificationDraft =>
  bid.bidId === winner.bidId
    ? {
        orgId: bid.supplierOrgId,
        kind: 'bid.won',
        entityId: needId,
        data: { needId, bidId: bid.bidId, dealId: winner.dealId },
        dedupeKey: `need-outcome#${needId}`,
      }
    : {
        orgId: bid.supplierOrgId,
        kind: 'bid.lost',
        entityId: needId,
        data: { needId, bidId: bid.bidId },
        dedupeKey: `need-outcome#${needId}`,
      };

export interface AwardServiceDeps {
  needs: BiddingNeedRepository;
  bids: BidRepository;
  deals: DealRepository;
  notifications: NotificationRepository;
  clock: Clock;
}

/**
 * The award: only the owner, only after the effective close, only a bid that stands. One
 * transaction makes the need awarded, the bid awarded and the deal, and tells every bidder; two
 * awards racing from the same need version cannot both commit, so there is exactly one deal.
 */
export class AwardService {
  constructor(private readonly d: AwardServiceDeps) {}

  async award(caller: Caller, needId: string, bidId: string): Promise<Stored<Deal>> {
    const owner = requireRole(caller, 'tenant');
    const { deal, unsent } = await retrying(async () => {
      const need = await this.d.needs.get(needId);
      if (!need || need.status === 'draft' || need.ownerOrgId !== owner.orgId) throw notFound('need');
      if (need.status === 'awarded') throw alreadyAwarded();
      if (need.status === 'cancelled') throw conflict('need.cancelled', 'The need was cancelled.');
      const now = this.d.clock.now();
      if (!isPastClose(need, now)) {
        throw ruleBroken(
          'award.before_close',
          `A need is awarded after its close (${need.closesAt}), not before.`,
        );
      }
      const bids = await this.d.bids.listForNeed(needId);
      // A rival award (of this very bid, say) may commit between reading the need and its bids:
      // a bid then reads as awarded, and the answer is the need's (409), not "bid not standing".
      if (bids.some((b) => b.status === 'awarded')) throw alreadyAwarded();
      const bid = bids.find((b) => b.bidId === bidId);
      if (!bid) throw notFound('bid');
      if (!countsIn(bid, need.amendmentCount)) {
        throw ruleBroken(
          'award.bid_not_standing',
          'Only a submitted bid that answers the need as it stands can win.',
        );
      }
      if (bid.validUntilMs <= now.getTime()) {
        throw ruleBroken('award.bid_expired', `The bid was valid until ${bid.validUntil}.`);
      }
      const at = now.toISOString();
      const deal: Deal = {
        dealId: newId('deal', now.getTime()),
        needId,
        bidId,
        buyerOrgId: need.ownerOrgId,
        sellerOrgId: bid.supplierOrgId,
        parkId: need.parkId,
        title: need.title,
        category: need.category,
        quantity: bid.quantity,
        unit: need.unit,
        unitPrice: bid.unitPrice,
        total: lineTotal(bid.unitPrice, bid.quantity),
        leadTimeDays: bid.leadTimeDays,
        status: 'awarded',
        awardedAt: at,
        dueBy: new Date(now.getTime() + bid.leadTimeDays * DAY_MS).toISOString(),
        confirmedAt: null,
        deliveredAt: null,
        acceptedAt: null,
        onTime: null,
        buyerRating: null,
        sellerRating: null,
        delivery: bid.delivery ?? need.delivery ?? null,
        paymentTerms: bid.paymentTerms ?? need.paymentTerms ?? null,
        version: 0,
      };
      const actor = actorOf(owner);
      const winner = { bidId, dealId: deal.dealId };
      return this.d.deals.award({
        need,
        bid,
        deal,
        now,
        needAudit: {
          action: 'need.awarded',
          actor,
          before: { status: need.status, awardedBidId: null },
          after: { status: 'awarded', awardedBidId: bidId, dealId: deal.dealId },
          parkId: need.parkId,
        },
        bidAudit: {
          action: 'bid.awarded',
          actor,
          before: { status: bid.status },
          after: { status: 'awarded', dealId: deal.dealId },
          parkId: need.parkId,
        },
        dealAudit: { action: 'deal.created', actor, before: null, after: deal, parkId: need.parkId },
        notifications: bids
          .filter((b) => b.status !== 'withdrawn')
          .map((b) => outcomeNotice(needId, b, winner)),
      });
    });
    // Bidders beyond what one transaction holds are told right after it (idempotent by key).
    for (const draft of unsent) await this.d.notifications.notify(draft);
    return deal;
  }

  /**
   * The backstop after an award (run by a stream consumer): makes sure every bidder was told,
   * however the award's process ended. Notifications are keyed, so nobody hears twice.
   */
  async notifyOutcome(needId: string): Promise<number> {
    const need = await this.d.needs.get(needId);
    if (need?.status !== 'awarded' || !need.awardedBidId) return 0;
    let told = 0;
    const winner = { bidId: need.awardedBidId, dealId: null };
    for (const bid of await this.d.bids.listForNeed(needId)) {
      if (bid.status === 'withdrawn') continue;
      if (await this.d.notifications.notify(outcomeNotice(needId, bid, winner))) told++;
    }
    return told;
  }
}
