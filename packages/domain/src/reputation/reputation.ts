import { z } from 'zod';

/**
 * The running totals a reputation is computed from. Only deal transactions change them (acceptance
 * and ratings), in the same transaction as the change they count, so they are never set by hand.
 */
export interface ReputationTotals {
  orgId: string;
  sellerRatingSum: number;
  sellerRatingCount: number;
  sellerDealCount: number;
  sellerOnTimeCount: number;
  buyerRatingSum: number;
  buyerRatingCount: number;
  buyerDealCount: number;
}

export const emptyTotals = (orgId: string): ReputationTotals => ({
  orgId,
  sellerRatingSum: 0,
  sellerRatingCount: 0,
  sellerDealCount: 0,
  sellerOnTimeCount: 0,
  buyerRatingSum: 0,
  buyerRatingCount: 0,
  buyerDealCount: 0,
});

export const Reputation = z
  .object({
    orgId: z.string(),
    /** As a supplier: ratings received from buyers, completed deals, deliveries on time. */
    asSupplier: z.object({
      averageRating: z.number().nullable(),
      ratingCount: z.int(),
      dealCount: z.int(),
      onTimeRate: z.number().nullable(),
    }),
    /** As a buyer: ratings received from suppliers, completed deals. */
    asBuyer: z.object({
      averageRating: z.number().nullable(),
      ratingCount: z.int(),
      dealCount: z.int(),
    }),
  })
  .meta({ id: 'Reputation' });
export type Reputation = z.infer<typeof Reputation>;

const ratio = (a: number, b: number, digits: number) => (b > 0 ? Number((a / b).toFixed(digits)) : null);

export function reputationOf(t: ReputationTotals): Reputation {
  return {
    orgId: t.orgId,
    asSupplier: {
      averageRating: ratio(t.sellerRatingSum, t.sellerRatingCount, 2),
      ratingCount: t.sellerRatingCount,
      dealCount: t.sellerDealCount,
      onTimeRate: ratio(t.sellerOnTimeCount, t.sellerDealCount, 3),
    },
    asBuyer: {
      averageRating: ratio(t.buyerRatingSum, t.buyerRatingCount, 2),
      ratingCount: t.buyerRatingCount,
      dealCount: t.buyerDealCount,
    },
  };
}
