import { z } from '@hono/zod-openapi';
import { Money, PageQuery } from '@parkbridge/domain/core';
import {
  Allocation,
  InvestmentPlan,
  Offering,
  OfferingBid,
  OfferingBidInput,
  OfferingInput,
  OfferingKind,
  OfferingStatus,
} from '@parkbridge/domain/offerings';
import { Text } from '@parkbridge/domain/shared';

export const OfferingParams = z.object({ offeringId: z.string().min(1).max(64) });
export const ParkOfferingParams = z.object({ parkId: z.string().min(1).max(64) });
export const OfferingListQuery = PageQuery.extend({
  status: OfferingStatus.optional(),
  kind: OfferingKind.optional(),
});

export const OfferingInputBody = OfferingInput.meta({ id: 'OfferingInput' });
export const OfferingSchema = Offering.meta({ id: 'Offering' });
export const OfferingCancelBody = z.strictObject({ reason: Text(1000) }).meta({ id: 'OfferingCancel' });

export const OfferingBidInputBody = OfferingBidInput.meta({ id: 'OfferingBidInput' });
export const OfferingBidSchema = OfferingBid.extend({ outcome: z.enum(['pending', 'won', 'lost']) }).meta({
  id: 'OfferingBid',
});
export const OfferingBidReceipt = OfferingBid.extend({
  /** Set when this bid moved the offering's close (anti-sniping): the new effective close. */
  extendedTo: z.string().nullable(),
}).meta({ id: 'OfferingBidReceipt' });
export const AwardBody = z.strictObject({ bidId: z.string().min(1).max(64) }).meta({ id: 'OfferingAward' });
export const AllocationSchema = Allocation.meta({ id: 'Allocation' });

const Reputation = z.object({
  averageRating: z.number().nullable(),
  ratingCount: z.int(),
  dealCount: z.int(),
  onTimeRate: z.number().nullable(),
});

/** The operator's view: before the close a count (and an auction's best price); after it every bid. */
export const OfferingBidsSchema = z
  .object({
    count: z.int(),
    closed: z.boolean(),
    bestPrice: Money.nullable().optional(),
    items: z
      .array(
        z.object({
          bidId: z.string(),
          rank: z.int(),
          investor: z.object({ orgId: z.string(), name: z.string() }),
          status: z.string(),
          price: Money,
          plan: InvestmentPlan,
          revision: z.int(),
          pricedAt: z.string(),
          certificates: z.array(z.object({ kind: z.string(), validUntil: z.string(), issuer: z.string() })),
          reputation: Reputation,
        }),
      )
      .optional(),
  })
  .meta({ id: 'OfferingBids' });

/** A bidder's view of a forward auction: own standing, never another bidder's identity. */
export const OfferingAuctionSchema = z
  .object({
    myRank: z.int().nullable(),
    bestPrice: Money.nullable(),
    myPrice: Money.nullable(),
    bidders: z.int(),
    /** The lowest price that would take the lead (best plus the minimum increment). */
    priceToLead: Money.nullable(),
    closesAt: z.string(),
    extensionsLeft: z.int(),
    status: z.string(),
  })
  .meta({ id: 'OfferingAuction' });
