import type { Bid } from '../bids/bid';
import { countsIn, isPastClose } from '../bids/bid.rules';
import { lineTotal } from '../bids/money.rules';
import type { BiddingNeedRepository, BidRepository } from '../bids/ports';
import { retrying } from '../bids/retry';
import {
  type AuditEntry,
  actorOf,
  type Caller,
  type Clock,
  conflict,
  forbidden,
  type Money,
  newId,
  notFound,
  type OrgCaller,
  type Page,
  type PageRequest,
  requireOrg,
  requirePersonRole,
  requireRole,
  ruleBroken,
  type Stored,
} from '../core';
import type { Need } from '../needs/need';
import type { NotificationDraft } from '../notifications/notification';
import type { NotificationRepository } from '../notifications/ports';
import type { OrgRepository } from '../orgs/ports';
import { type AwardRequest, type AwardRequestStatus, needsApproval } from './award-request';
import type { Deal } from './deal';
import type { AwardRequestRepository, DealRepository } from './ports';

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
  requests: AwardRequestRepository;
  orgs: Pick<OrgRepository, 'get'>;
  notifications: NotificationRepository;
  clock: Clock;
}

/** What an award call did: the deal, or (four eyes) the request now waiting for another admin. */
export type AwardOutcome =
  | { status: 'awarded'; deal: Stored<Deal> }
  | { status: 'pending_approval'; request: Stored<AwardRequest> };

/** The deal of an award that needed no approval (the seed's and tests' admins award directly). */
export function awardedDeal(outcome: AwardOutcome): Stored<Deal> {
  if (outcome.status !== 'awarded') throw new Error('The award waits for approval.');
  return outcome.deal;
}

/** The need and the bid an award is about, as read and checked against the close-to-award rules. */
interface Standing {
  need: Stored<Need>;
  bid: Stored<Bid>;
  bids: Stored<Bid>[];
  now: Date;
  total: Money;
}

/**
 * The award: only the owner, only after the effective close, only a bid that stands. One
 * transaction makes the need awarded, the bid awarded and the deal, and tells every bidder; two
 * awards racing from the same need version cannot both commit, so there is exactly one deal.
 *
 * Four eyes: when the owner's organisation sets `awardApprovalAbove`, a non-admin's award above it
 * becomes a pending request, which another admin approves (never the one who asked). Approval
 * checks the same rules again, at its own time.
 */
export class AwardService {
  constructor(private readonly d: AwardServiceDeps) {}

  async award(caller: Caller, needId: string, bidId: string): Promise<AwardOutcome> {
    const owner = requireRole(caller, 'tenant');
    return retrying(async () => {
      const standing = await this.standing(owner, needId, bidId);
      const org = await this.d.orgs.get(owner.orgId);
      const pending = await this.d.requests.pending(needId);
      if (needsApproval(org?.awardApprovalAbove, standing.total, owner)) {
        if (pending) throw approvalPending();
        return { status: 'pending_approval', request: await this.request(owner, standing) };
      }
      // An admin's own award settles whatever request was waiting.
      const settles = pending ? settle(pending, 'superseded', owner, standing.now, null) : undefined;
      return { status: 'awarded', deal: await this.write(owner, standing, settles) };
    });
  }

  /** Another admin of the owner completes a pending award: the close-to-award rules apply now. */
  async approve(caller: Caller, needId: string): Promise<Stored<Deal>> {
    const owner = requireRole(caller, 'tenant');
    return retrying(async () => {
      await this.ownNeed(owner, needId);
      const admin = requirePersonRole(owner, 'admin');
      const pending = await this.d.requests.pending(needId);
      if (!pending) throw noPendingRequest();
      if (pending.requestedBy === admin.userId) {
        throw forbidden(
          'award.own_request',
          'Another admin approves this award, not the one who asked for it.',
        );
      }
      const standing = await this.standing(admin, needId, pending.bidId);
      return this.write(admin, standing, settle(pending, 'approved', admin, standing.now, null));
    });
  }

  /** An admin turns a pending award down, or the person who asked withdraws it. */
  async decline(caller: Caller, needId: string): Promise<Stored<AwardRequest>> {
    const owner = requireRole(caller, 'tenant');
    await this.ownNeed(owner, needId);
    const pending = await this.d.requests.pending(needId);
    if (!pending) throw noPendingRequest();
    if (pending.requestedBy !== owner.userId) requirePersonRole(owner, 'admin');
    const change = settle(pending, 'declined', owner, this.d.clock.now(), null);
    return this.d.requests.settle(change.next, pending, change.audit);
  }

  /** The need's pending award request, for the owner's people. */
  async pendingFor(caller: Caller, needId: string): Promise<Stored<AwardRequest>> {
    const owner = requireRole(caller, 'tenant');
    await this.ownNeed(owner, needId);
    const pending = await this.d.requests.pending(needId);
    if (!pending) throw notFound('award_request');
    return pending;
  }

  /** The organisation's awards waiting for approval: its admins' list. */
  listPending(caller: Caller, orgId: string, page: PageRequest): Promise<Page<Stored<AwardRequest>>> {
    const member = requireOrg(caller);
    if (member.orgId !== orgId) throw notFound('organisation');
    requirePersonRole(member, 'admin');
    return this.d.requests.listPending(orgId, page);
  }

  private async ownNeed(owner: OrgCaller, needId: string): Promise<Stored<Need>> {
    const need = await this.d.needs.get(needId);
    if (!need || need.status === 'draft' || need.ownerOrgId !== owner.orgId) throw notFound('need');
    return need;
  }

  /** Reads the need and the bid and checks every close-to-award rule. */
  private async standing(owner: OrgCaller, needId: string, bidId: string): Promise<Standing> {
    const need = await this.ownNeed(owner, needId);
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
    return { need, bid, bids, now, total: lineTotal(bid.unitPrice, bid.quantity) };
  }

  private async request(owner: OrgCaller, s: Standing): Promise<Stored<AwardRequest>> {
    const request: AwardRequest = {
      requestId: newId('awardRequest', s.now.getTime()),
      needId: s.need.needId,
      needTitle: s.need.title,
      orgId: owner.orgId,
      bidId: s.bid.bidId,
      total: s.total,
      requestedBy: owner.userId,
      requestedAt: s.now.toISOString(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      dealId: null,
      version: 0,
    };
    return this.d.requests.create(
      request,
      {
        action: 'award.requested',
        actor: actorOf(owner),
        before: null,
        after: { needId: request.needId, bidId: request.bidId, total: request.total },
        parkId: s.need.parkId,
      },
      {
        orgId: owner.orgId,
        kind: 'award.approval_requested',
        entityId: s.need.needId,
        data: { needId: s.need.needId, bidId: s.bid.bidId, total: s.total, requestId: request.requestId },
        dedupeKey: `award-request#${request.requestId}`,
      },
    );
  }

  private async write(
    actorCaller: OrgCaller,
    s: Standing,
    settles: ReturnType<typeof settle> | undefined,
  ): Promise<Stored<Deal>> {
    const { need, bid, bids, now } = s;
    const at = now.toISOString();
    const deal: Deal = {
      dealId: newId('deal', now.getTime()),
      needId: need.needId,
      bidId: bid.bidId,
      buyerOrgId: need.ownerOrgId,
      sellerOrgId: bid.supplierOrgId,
      parkId: need.parkId,
      title: need.title,
      category: need.category,
      quantity: bid.quantity,
      unit: need.unit,
      unitPrice: bid.unitPrice,
      total: s.total,
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
    const actor = actorOf(actorCaller);
    const winner = { bidId: bid.bidId, dealId: deal.dealId };
    const approval =
      settles?.next.status === 'approved'
        ? {
            requestId: settles.prev.requestId,
            requestedBy: settles.prev.requestedBy,
            approvedBy: actor.userId,
          }
        : {};
    const { deal: saved, unsent } = await this.d.deals.award({
      need,
      bid,
      deal,
      now,
      needAudit: {
        action: 'need.awarded',
        actor,
        before: { status: need.status, awardedBidId: null },
        after: { status: 'awarded', awardedBidId: bid.bidId, dealId: deal.dealId, ...approval },
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
        .map((b) => outcomeNotice(need.needId, b, winner)),
      settles: settles && {
        ...settles,
        next: { ...settles.next, dealId: settles.next.status === 'approved' ? deal.dealId : null },
        audit: { ...settles.audit, parkId: need.parkId },
      },
    });
    // Bidders beyond what one transaction holds are told right after it (idempotent by key).
    for (const draft of unsent) await this.d.notifications.notify(draft);
    return saved;
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

/** A pending request's settlement: its next state and audit record. */
function settle(
  prev: Stored<AwardRequest>,
  status: Exclude<AwardRequestStatus, 'pending'>,
  by: OrgCaller,
  at: Date,
  dealId: string | null,
): { prev: Stored<AwardRequest>; next: AwardRequest; audit: Omit<AuditEntry, 'entityId'> } {
  return {
    prev,
    next: { ...prev, status, decidedBy: by.userId, decidedAt: at.toISOString(), dealId },
    audit: {
      action: `award.${status}`,
      actor: actorOf(by),
      before: { status: 'pending' },
      after: { status, needId: prev.needId, bidId: prev.bidId },
    },
  };
}

const approvalPending = () =>
  conflict('award.approval_pending', 'An award of this need is waiting for an admin’s approval already.');
const noPendingRequest = () =>
  conflict('award.no_pending_request', 'No award of this need is waiting for approval.');
