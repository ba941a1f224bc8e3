import type { Allocation, Offering } from '@parkbridge/domain/offerings';
import { pad } from '../core/keys';

/**
 * An offering's partition holds the offering, its auction state, one bid per investor and, once
 * awarded, its allocation: the award's transaction and a bidder's book read stay in one partition.
 */
export const offeringKey = (offeringId: string) => ({ pk: `OFFERING#${offeringId}`, sk: 'OFFERING' });

/**
 * gsi1 `PARK#<parkId>#OFFERINGS` / `<offeringId>`: one park's offerings, newest last (ids are
 * time-ordered). The key never changes after creation, so an anti-sniping extension, which
 * updates the offering inside a bid's transaction, has no index key to keep in step.
 */
export const offeringIndexKeys = (o: Pick<Offering, 'offeringId' | 'parkId'>) => ({
  gsi1pk: `PARK#${o.parkId}#OFFERINGS`,
  gsi1sk: o.offeringId,
});

/** One live bid per organisation per offering: the key is the bidder's org. */
export const offeringBidKey = (offeringId: string, orgId: string) => ({
  pk: offeringKey(offeringId).pk,
  sk: `BID#${orgId}`,
});
export const OFFERING_BID_PREFIX = 'BID#';

/** The forward auction's state: best price, leader, bid sequence, anti-sniping extensions used. */
export const OFFERING_AUCTION_PREFIX = 'AUCTION#';
export const offeringAuctionKey = (offeringId: string) => ({
  pk: offeringKey(offeringId).pk,
  sk: `${OFFERING_AUCTION_PREFIX}${pad(0, 4)}`,
});

/**
 * At most one allocation per offering is its key (created only if absent). gsi1
 * `PARK#<parkId>#ALLOCATIONS` lists a park's allocations (occupancy); gsi2
 * `ORG#<orgId>#ALLOCATIONS` an investor's.
 */
export const allocationKeys = (a: Pick<Allocation, 'offeringId' | 'parkId' | 'orgId' | 'allocationId'>) => ({
  pk: offeringKey(a.offeringId).pk,
  sk: 'ALLOCATION',
  gsi1pk: `PARK#${a.parkId}#ALLOCATIONS`,
  gsi1sk: a.allocationId,
  gsi2pk: `ORG#${a.orgId}#ALLOCATIONS`,
  gsi2sk: a.allocationId,
});
