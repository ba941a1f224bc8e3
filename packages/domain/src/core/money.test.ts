import { describe, expect, it } from 'vitest';
import { CurrencyCode, Money } from './money';

describe('Money', () => {
  it('accepts integer minor units with a known ISO 4217 currency', () => {
    expect(Money.parse({ amount: 1_500_000, currency: 'IRR' })).toEqual({
      amount: 1_500_000,
      currency: 'IRR',
    });
    expect(Money.parse({ amount: 0, currency: 'MNT' }).amount).toBe(0);
  });

  it('refuses a fractional amount: prices are never floats', () => {
    const result = Money.safeParse({ amount: 1.5, currency: 'IRR' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
  });

  it('refuses negative, unsafe, non-finite and string amounts', () => {
    for (const amount of [
      -1,
      Number.MAX_SAFE_INTEGER + 2,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      '100',
      0.1 + 0.2,
    ]) {
      expect(Money.safeParse({ amount, currency: 'IRR' }).success, String(amount)).toBe(false);
    }
  });

  it('accepts the largest safe integer', () => {
    expect(Money.safeParse({ amount: Number.MAX_SAFE_INTEGER, currency: 'VND' }).success).toBe(true);
  });

  it('refuses unknown fields (strict), so no extra data rides along with a price', () => {
    expect(Money.safeParse({ amount: 1, currency: 'IRR', display: '1 IRR' }).success).toBe(false);
  });
});

describe('CurrencyCode', () => {
  it.each(['IRR', 'MNT', 'VND', 'CNY', 'USD'])('accepts %s', (code) => {
    expect(CurrencyCode.safeParse(code).success).toBe(true);
  });

  it.each(['irr', 'IR', 'IRRR', 'XYZ', '', 'R$$'])('refuses %j', (code) => {
    expect(CurrencyCode.safeParse(code).success).toBe(false);
  });
});
