import { z } from 'zod';
import { Money } from '../core/money';
import { Attachment, AttachmentIds } from '../documents/upload';
import { IsoDateTime, Text } from '../shared/locale';
import { DeliveryTerms, PaymentTerms } from '../shared/terms';
import { Quantity } from '../shared/units';

/**
 * A bid's life: `submitted` counts; `needs_reconfirmation` (the need was amended after it was
 * written) does not count until its bidder reconfirms it; `withdrawn` is out; `awarded` won.
 * A losing bid keeps its status: the outcome is the need's (its `awardedBidId`).
 */
export const BidStatus = z.enum(['submitted', 'needs_reconfirmation', 'withdrawn', 'awarded']);
export type BidStatus = z.infer<typeof BidStatus>;

export const BidInput = z.strictObject({
  unitPrice: Money,
  quantity: Quantity,
  leadTimeDays: z.int().min(0).max(3650),
  validUntil: IsoDateTime,
  notes: Text(2000).optional(),
  /** The bidder's own terms, where they differ from the need's. */
  delivery: DeliveryTerms.optional(),
  paymentTerms: PaymentTerms.optional(),
  /**
   * Completed uploads (purpose `bid`): the quotation sheet. On a revision, absent keeps the files;
   * a list replaces them. Sealed with the bid: only its bidder fetches them before the close.
   */
  attachments: AttachmentIds.optional(),
});
export type BidInput = z.infer<typeof BidInput>;

export const Bid = BidInput.extend({
  attachments: z.array(Attachment).optional(),
  bidId: z.string(),
  needId: z.string(),
  supplierOrgId: z.string(),
  status: BidStatus,
  /** 1 for the first price, +1 for every revision; each one is kept as its own item. */
  revision: z.int(),
  /** The need's `amendmentCount` the bid answers; an older one means it needs reconfirmation. */
  amendmentSeen: z.int(),
  /** When the current price was set: the tie-breaker between equal prices (earlier ranks first). */
  pricedAt: z.string(),
  validUntilMs: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Bid = z.infer<typeof Bid>;

/** One kept revision of a bid: what the supplier quoted, and when. */
export const BidRevision = BidInput.extend({
  bidId: z.string(),
  needId: z.string(),
  revision: z.int(),
  at: z.string(),
});
export type BidRevision = z.infer<typeof BidRevision>;

/** A bid as its own bidder sees it, with the outcome once the need is awarded. */
export const BidView = Bid.extend({
  outcome: z.enum(['pending', 'won', 'lost']),
});
export type BidView = z.infer<typeof BidView>;

export const ReputationSummary = z
  .object({
    averageRating: z.number().nullable(),
    ratingCount: z.int(),
    dealCount: z.int(),
    onTimeRate: z.number().nullable(),
  })
  .meta({ id: 'ReputationSummary' });

/** A bid side by side with the others, for the need's owner after the close. */
export const BidComparison = z.object({
  bidId: z.string(),
  rank: z.int(),
  supplier: z.object({ orgId: z.string(), name: z.string() }),
  status: BidStatus,
  unitPrice: Money,
  total: Money,
  quantity: z.number(),
  leadTimeDays: z.int(),
  validUntil: z.string(),
  notes: z.string().optional(),
  delivery: DeliveryTerms.optional(),
  paymentTerms: PaymentTerms.optional(),
  attachments: z.array(Attachment),
  revision: z.int(),
  pricedAt: z.string(),
  certificates: z.array(z.object({ kind: z.string(), validUntil: z.string(), issuer: z.string() })),
  reputation: ReputationSummary,
});
export type BidComparison = z.infer<typeof BidComparison>;

/** What the owner gets: before the close only the count; after it, every bid. */
export const OwnerBids = z.object({
  count: z.int(),
  closed: z.boolean(),
  bestUnitPrice: Money.nullable().optional(),
  items: z.array(BidComparison).optional(),
});
export type OwnerBids = z.infer<typeof OwnerBids>;

/** A bidder's view of a reverse auction: its own standing, never another bidder's identity. */
export const AuctionStanding = z.object({
  myRank: z.int().nullable(),
  bestUnitPrice: Money.nullable(),
  myUnitPrice: Money.nullable(),
  bidders: z.int(),
  /** The highest unit price that would take the lead (best minus the minimum decrement). */
  priceToLead: Money.nullable(),
  closesAt: z.string(),
  extensionsLeft: z.int(),
  status: z.string(),
});
export type AuctionStanding = z.infer<typeof AuctionStanding>;
