import { describe, expect, it } from 'vitest';
import { emptyTotals, reputationOf } from './reputation';

describe('reputation', () => {
  it('has no average and no on-time rate without deals or ratings', () => {
    expect(reputationOf(emptyTotals('org_1')).asSupplier).toEqual({
      averageRating: null,
      ratingCount: 0,
      dealCount: 0,
      onTimeRate: null,
    });
  });

  it('computes the average rating and the on-time rate from the totals', () => {
    const rep = reputationOf({
      ...emptyTotals('org_1'),
      sellerRatingSum: 14,
      sellerRatingCount: 3,
      sellerDealCount: 3,
      sellerOnTimeCount: 2,
    });
    expect(rep.asSupplier).toEqual({ averageRating: 4.67, ratingCount: 3, dealCount: 3, onTimeRate: 0.667 });
  });
});
