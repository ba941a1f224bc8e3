import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors';
import { buildSlices, daySlices } from './slices';
import { SliceInput } from './slot';

const H = 3_600_000;
const start = Date.parse('2027-05-10T05:30:00.000Z');
const expo = { startsAtMs: start, endsAtMs: start + 2 * 24 * H + 8 * H };
const price = { amount: 500_000, currency: 'MNT' };
const iso = (ms: number) => new Date(ms).toISOString();
const slice = (from: number, to: number, extra = {}) =>
  SliceInput.parse({ startsAt: iso(start + from * H), endsAt: iso(start + to * H), ...extra });

describe('time slices', () => {
  it('cuts an expo into 24-hour days from its start, the last cut at its end', () => {
    const days = daySlices(expo);
    expect(days.map((d) => [d.label, d.startsAt, d.endsAt])).toEqual([
      ['Day 1', iso(start), iso(start + 24 * H)],
      ['Day 2', iso(start + 24 * H), iso(start + 48 * H)],
      ['Day 3', iso(start + 48 * H), iso(start + 56 * H)],
    ]);
  });

  it('orders slices by start, numbers them, and prices them as the slot unless they say otherwise', () => {
    const own = { amount: 100_000, currency: 'MNT' };
    const out = buildSlices(
      [slice(2, 3, { session: 'pitch', price: own }), slice(0, 1), slice(1, 2)],
      expo,
      price,
    );
    expect(out.map((s) => [s.sliceId, s.session, s.price.amount])).toEqual([
      ['s01', 'exhibit', 500_000],
      ['s02', 'exhibit', 500_000],
      ['s03', 'pitch', 100_000],
    ]);
  });

  it('refuses overlapping slices, slices outside the expo, and slices in another currency', () => {
    const fails = (input: Parameters<typeof buildSlices>[0]) => {
      try {
        buildSlices(input, expo, price);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        return (err as DomainError).fields.map((f) => f.path);
      }
    };
    expect(fails([slice(0, 2), slice(1, 3)])).toEqual(['slices.1']);
    expect(fails([slice(0, 1), slice(1, 2)])).toEqual([]);
    expect(fails([slice(-1, 1)])).toEqual(['slices.0']);
    expect(fails([slice(55, 57)])).toEqual(['slices.0']);
    expect(fails([slice(0, 1, { price: { amount: 5, currency: 'USD' } })])).toEqual(['slices.0.price']);
  });

  it('makes no slices for a slot booked whole', () => {
    expect(buildSlices(undefined, expo, price)).toEqual([]);
  });
});
