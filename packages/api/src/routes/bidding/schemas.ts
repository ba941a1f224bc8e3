import { z } from '@hono/zod-openapi';
import { AuctionStanding, BidInput, BidRevision, BidView, OwnerBids } from '@parkbridge/domain/bids';
import { AwardRequest } from '@parkbridge/domain/deals';

export const NeedParams = z.object({ needId: z.string().min(1).max(64) });

export const BidInputBody = BidInput.meta({ id: 'BidInput' });
export const BidViewSchema = BidView.omit({ validUntilMs: true }).meta({ id: 'Bid' });
export const BidReceipt = BidView.omit({ validUntilMs: true })
  .extend({
    /** Set when this bid moved the need's close (anti-sniping): the new effective close. */
    extendedTo: z.string().nullable(),
  })
  .meta({ id: 'BidReceipt' });
export const BidRevisionSchema = BidRevision.meta({ id: 'BidRevision' });
export const OwnerBidsSchema = OwnerBids.meta({ id: 'OwnerBids' });
export const AuctionStandingSchema = AuctionStanding.meta({ id: 'AuctionStanding' });

export const AwardRequestSchema = AwardRequest.meta({ id: 'AwardRequest' });
export const PendingAwardSchema = z
  .object({ status: z.literal('pending_approval'), request: AwardRequestSchema })
  .meta({ id: 'PendingAward' });
