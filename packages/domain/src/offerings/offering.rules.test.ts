import { describe, expect, it } from 'vitest';
import type { DomainError } from '../core/errors';
import type { Offering } from './offering';
import { activityAllowed, checkBid, effectiveStatus, isBiddable } from './offering.rules';

const offering = {
  status: 'open',
  closesAt: '2030-01-01T12:00:00.000Z',
  closesAtMs: Date.parse('2030-01-01T12:00:00.000Z'),
  reservePrice: { amount: 1_000, currency: 'IRR' },
  allowedCategories: ['10', '2420'],
} as Offering;

const plan = { category: '1050', investment: { amount: 5, currency: 'IRR' }, jobs: 3, startWithinMonths: 6 };
const code = (f: () => void) => {
  try {
    f();
  } catch (err) {
    return [(err as DomainError).code, (err as DomainError).fields[0]?.path];
  }
  return null;
};

describe('park offering rules', () => {
  it('is biddable strictly before the effective close, and reads as closed from then on', () => {
    expect(isBiddable(offering, new Date('2030-01-01T11:59:59.999Z'))).toBe(true);
    expect(isBiddable(offering, new Date('2030-01-01T12:00:00.000Z'))).toBe(false);
    expect(effectiveStatus(offering, new Date('2030-01-01T12:00:00.000Z'))).toBe('closed');
    expect(effectiveStatus({ ...offering, status: 'awarded' }, new Date('2031-01-01'))).toBe('awarded');
  });

  it('allows an activity under an allowed division, group or class, and any when none is set', () => {
    expect(activityAllowed(offering, '1050')).toBe(true);
    expect(activityAllowed(offering, '2420')).toBe(true);
    expect(activityAllowed(offering, '2431')).toBe(false);
    expect(activityAllowed({ allowedCategories: [] }, '2431')).toBe(true);
  });

  it('refuses a bid in another currency, under the reserve, or for an activity not allowed, naming the field', () => {
    const ok = { price: { amount: 1_000, currency: 'IRR' }, plan };
    expect(code(() => checkBid(ok, offering))).toBeNull();
    expect(code(() => checkBid({ ...ok, price: { amount: 1_000, currency: 'USD' } }, offering))).toEqual([
      'bid.currency_mismatch',
      'price.currency',
    ]);
    expect(code(() => checkBid({ ...ok, price: { amount: 999, currency: 'IRR' } }, offering))).toEqual([
      'bid.below_reserve',
      'price.amount',
    ]);
    expect(code(() => checkBid({ ...ok, plan: { ...plan, category: '2431' } }, offering))).toEqual([
      'bid.activity_not_allowed',
      'plan.category',
    ]);
  });
});
