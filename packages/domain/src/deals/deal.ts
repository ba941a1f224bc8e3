import { z } from 'zod';
import { Money } from '../core/money';
import { Text } from '../shared/locale';
import { DeliveryTerms, PaymentTerms } from '../shared/terms';

/**
 * awarded → confirmed (seller) → delivered (seller) → accepted (buyer); then each side rates once.
 * Until the goods are delivered either side may cancel (`awarded | confirmed → cancelled`).
 */
export const DealStatus = z.enum(['awarded', 'confirmed', 'delivered', 'accepted', 'cancelled']);
export type DealStatus = z.infer<typeof DealStatus>;

export const AwardInput = z.strictObject({ bidId: z.string().min(1).max(64) });

export const RatingInput = z.strictObject({
  score: z.int().min(1).max(5),
  comment: Text(2000).optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const DealCancelInput = z.strictObject({ reason: Text(1000) });
export type DealCancelInput = z.infer<typeof DealCancelInput>;

/** The statuses a deal may be cancelled from: nothing has been delivered yet. */
export const CANCELLABLE: readonly DealStatus[] = ['awarded', 'confirmed'];

export const DealCancellation = z.object({
  by: z.enum(['buyer', 'seller']),
  reason: z.string(),
  at: z.string(),
});
export type DealCancellation = z.infer<typeof DealCancellation>;

export const Rating = z.object({ score: z.int(), comment: z.string().optional(), at: z.string() });
export type Rating = z.infer<typeof Rating>;

export const Deal = z.object({
  dealId: z.string(),
  needId: z.string(),
  bidId: z.string(),
  buyerOrgId: z.string(),
  sellerOrgId: z.string(),
  parkId: z.string(),
  title: z.string(),
  category: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: Money,
  total: Money,
  leadTimeDays: z.int(),
  status: DealStatus,
  awardedAt: z.string(),
  /** Award time plus the bid's lead time: delivery by then counts as on time. */
  dueBy: z.string(),
  confirmedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** Given by the buyer, about the seller. */
  buyerRating: Rating.nullable(),
  /** Given by the seller, about the buyer. */
  sellerRating: Rating.nullable(),
  /** Present once the deal is cancelled: which side, why, when. */
  cancellation: DealCancellation.optional(),
  /** What was agreed: the winning bid's own terms, else the need's (absent on deals made before terms). */
  delivery: DeliveryTerms.nullable().optional(),
  paymentTerms: PaymentTerms.nullable().optional(),
  version: z.int(),
});
export type Deal = z.infer<typeof Deal>;

export const DealRole = z.enum(['buyer', 'seller']);
export type DealRole = z.infer<typeof DealRole>;

/**
 * A party sees the other side's rating only once it has rated too (or never rates): nobody
 * rates in retaliation for a score they have read.
 */
export function dealView<T extends Deal>(deal: T, viewerOrgId: string) {
  const { auditHash: _h, ...rest } = deal as T & { auditHash?: string };
  const mine = viewerOrgId === deal.buyerOrgId ? 'buyerRating' : 'sellerRating';
  const theirs = mine === 'buyerRating' ? 'sellerRating' : 'buyerRating';
  const hidden = deal[mine] === null && deal[theirs] !== null;
  return { ...rest, [theirs]: hidden ? null : deal[theirs], otherSideRated: deal[theirs] !== null };
}

export const DealView = Deal.extend({ otherSideRated: z.boolean() });
