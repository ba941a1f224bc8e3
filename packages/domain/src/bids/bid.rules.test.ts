import { describe, expect, it } from 'vitest';
import { countsIn, effectiveStatus, isPastClose, outcomeOf } from './bid.rules';
import { billableTotal, lineTotal } from './money.rules';

describe('bid rules', () => {
  it('counts a bid only when submitted under the current amendment', () => {
    expect(countsIn({ status: 'submitted', amendmentSeen: 1 }, 1)).toBe(true);
    expect(countsIn({ status: 'submitted', amendmentSeen: 0 }, 1)).toBe(false);
    expect(countsIn({ status: 'withdrawn', amendmentSeen: 1 }, 1)).toBe(false);
  });

  it('reads a bid written before the latest amendment as needing reconfirmation', () => {
    expect(effectiveStatus({ status: 'submitted', amendmentSeen: 0 }, { amendmentCount: 1 })).toBe(
      'needs_reconfirmation',
    );
    expect(effectiveStatus({ status: 'withdrawn', amendmentSeen: 0 }, { amendmentCount: 1 })).toBe(
      'withdrawn',
    );
  });

  it('treats the effective close as passed at the close millisecond, job or no job', () => {
    const need = { status: 'open' as const, closesAtMs: 1_000 };
    expect(isPastClose(need, new Date(999))).toBe(false);
    expect(isPastClose(need, new Date(1_000))).toBe(true);
    expect(isPastClose({ status: 'closed', closesAtMs: 5_000 }, new Date(0))).toBe(true);
    expect(isPastClose({ status: 'cancelled', closesAtMs: 0 }, new Date(9_999))).toBe(false);
  });

  it('tells the winner from the losers once awarded', () => {
    const need = { status: 'awarded' as const, awardedBidId: 'bid_1' };
    expect(outcomeOf({ bidId: 'bid_1' }, need)).toBe('won');
    expect(outcomeOf({ bidId: 'bid_2' }, need)).toBe('lost');
    expect(outcomeOf({ bidId: 'bid_1' }, { status: 'closed', awardedBidId: null })).toBe('pending');
  });

  it('totals a line exactly in integer minor units, rounding half to even, with three-decimal quantities', () => {
    expect(lineTotal({ amount: 1999, currency: 'IRR' }, 2.5)).toEqual({ amount: 4998, currency: 'IRR' });
    expect(lineTotal({ amount: 3, currency: 'VND' }, 0.5)).toEqual({ amount: 2, currency: 'VND' });
    // 12.5 rounds half to even: 12.
    expect(lineTotal({ amount: 100, currency: 'MNT' }, 0.125)).toEqual({ amount: 12, currency: 'MNT' });
    expect(() => lineTotal({ amount: Number.MAX_SAFE_INTEGER, currency: 'IRR' }, 2)).toThrow();
    // Halves go to the even neighbour; the quantity is the decimal written, never its binary float.
    expect(lineTotal({ amount: 5, currency: 'VND' }, 0.5).amount).toBe(2);
    expect(lineTotal({ amount: 7, currency: 'VND' }, 0.5).amount).toBe(4);
    expect(lineTotal({ amount: 3, currency: 'IRR' }, 0.1).amount).toBe(0);
    expect(lineTotal({ amount: 100, currency: 'USD' }, 1.005).amount).toBe(100);
    expect(lineTotal({ amount: 1_000_000_007, currency: 'IRR' }, 999_999.999).amount).toBe(
      1_000_000_006_000_000,
    );
  });

  it('refuses a total that rounds to zero minor units (422, naming price and quantity)', () => {
    expect(() => billableTotal({ amount: 3, currency: 'IRR' }, 0.1)).toThrow(
      expect.objectContaining({ kind: 'rule', code: 'bid.total_zero' }),
    );
    expect(billableTotal({ amount: 3, currency: 'IRR' }, 0.2).amount).toBe(1);
  });
});
