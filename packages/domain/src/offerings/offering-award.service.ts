import { retrying } from '../bids/retry';
import { actorOf, type Caller, type Clock, conflict, newId, notFound, ruleBroken } from '../core';
import type { NotificationDraft } from '../notifications/notification';
import type { NotificationRepository } from '../notifications/ports';
import type { Membership } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';
import type { Allocation, Offering, OfferingBid } from './offering';
import { isPastClose } from './offering.rules';
import type { OfferingService } from './offering.service';
import type { OfferingRepository } from './ports';

export interface OfferingAwardDeps {
  offerings: OfferingRepository;
  memberships: MembershipRepository;
  offeringService: Pick<OfferingService, 'operated'>;
  notifications: NotificationRepository;
  clock: Clock;
}

/** Every bidder's notice of the outcome; keyed, so a retried award tells nobody twice. */
const outcomeNotice = (o: Offering, bid: OfferingBid, winnerBidId: string): NotificationDraft => ({
  orgId: bid.bidderOrgId,
  kind: bid.bidId === winnerBidId ? 'offering.won' : 'offering.lost',
  entityId: o.offeringId,
  data: { offeringId: o.offeringId, parkId: o.parkId, title: o.title },
  dedupeKey: `offering-outcome#${o.offeringId}`,
});

const alreadyAwarded = () => conflict('offering.already_awarded', 'The offering has been awarded already.');

/**
 * The award of park space: by the park's operator, after the effective close, to a bid that
 * stands. One transaction marks the offering awarded and the bid won, records the allocation, and
 * makes the winner an approved tenant of the park; two awards (or an award and a cancel) racing
 * from the same offering version cannot both commit, so there is one allocation.
 */
export class OfferingAwardService {
  constructor(private readonly d: OfferingAwardDeps) {}

  async award(caller: Caller, offeringId: string, bidId: string): Promise<Allocation> {
    const { allocation, unsent } = await retrying(async () => {
      const { op, offering } = await this.d.offeringService.operated(caller, offeringId);
      if (offering.status === 'awarded') throw alreadyAwarded();
      if (offering.status === 'cancelled')
        throw conflict('offering.cancelled', 'The offering was cancelled.');
      const now = this.d.clock.now();
      if (!isPastClose(offering, now)) {
        throw ruleBroken(
          'award.before_close',
          `An offering is awarded after its close (${offering.closesAt}).`,
        );
      }
      const { bids } = await this.d.offerings.book(offeringId);
      // A rival award may commit between the two reads: then the answer is the offering's (409).
      if (bids.some((b) => b.status === 'awarded')) throw alreadyAwarded();
      const bid = bids.find((b) => b.bidId === bidId);
      if (!bid) throw notFound('bid');
      if (bid.status !== 'submitted') {
        throw ruleBroken('award.bid_not_standing', 'Only a submitted bid can win.');
      }
      const at = now.toISOString();
      const allocation: Allocation = {
        allocationId: newId('allocation', now.getTime()),
        offeringId,
        parkId: offering.parkId,
        orgId: bid.bidderOrgId,
        bidId,
        kind: offering.kind,
        area: offering.area,
        price: bid.price,
        terms: {
          terms: offering.terms,
          ...(offering.leaseYears !== undefined ? { leaseYears: offering.leaseYears } : {}),
        },
        plan: bid.plan,
        allocatedAt: at,
      };
      const prevMembership = await this.d.memberships.get(offering.parkId, bid.bidderOrgId);
      const event = {
        at,
        byUserId: op.userId,
        action: 'approved' as const,
        reason: `allocation ${allocation.allocationId}`,
      };
      // The winner becomes an approved tenant, or keeps its own membership with tenant added.
      const membership: Membership = prevMembership
        ? {
            ...prevMembership,
            as: prevMembership.as.includes('tenant') ? prevMembership.as : [...prevMembership.as, 'tenant'],
            status: 'approved',
            decidedAt: prevMembership.status === 'approved' ? prevMembership.decidedAt : at,
            history: [...prevMembership.history, event],
          }
        : {
            parkId: offering.parkId,
            orgId: bid.bidderOrgId,
            as: ['tenant'],
            status: 'approved',
            suspended: false,
            reason: null,
            history: [event],
            appliedAt: at,
            decidedAt: at,
            version: 0,
          };
      const actor = actorOf(op);
      const parkId = offering.parkId;
      return this.d.offerings.award({
        offering,
        bid,
        allocation,
        membership: { prev: prevMembership, next: membership },
        now,
        audits: {
          offering: {
            action: 'offering.awarded',
            actor,
            before: { status: offering.status },
            after: { status: 'awarded', awardedBidId: bidId, allocationId: allocation.allocationId },
            parkId,
          },
          bid: {
            action: 'offering_bid.awarded',
            actor,
            before: { status: 'submitted' },
            after: { status: 'awarded' },
            parkId,
          },
          allocation: { action: 'allocation.created', actor, before: null, after: allocation, parkId },
          membership: {
            action: 'membership.approved',
            actor,
            before: prevMembership ? { status: prevMembership.status, as: prevMembership.as } : null,
            after: { status: 'approved', as: membership.as },
            parkId,
            reason: 'offering awarded',
          },
        },
        notifications: bids
          .filter((b) => b.status !== 'withdrawn')
          .map((b) => outcomeNotice(offering, b, bidId)),
      });
    });
    // Bidders beyond what one transaction holds are told right after it (idempotent by key).
    for (const draft of unsent) await this.d.notifications.notify(draft);
    return allocation;
  }
}
