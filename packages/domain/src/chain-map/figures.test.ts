import { describe, expect, it } from 'vitest';
import { awardedRatios, declaredRatios, gapsOf, nearestOutside, related } from './figures';
import type { CategoryAggregate } from './ports';

const cat = (category: string, fields: Record<string, number>): CategoryAggregate => ({
  category,
  fields,
  tenants: [],
});
const park = {
  parkId: 'park_1',
  country: 'IR',
  timeZone: 'Asia/Tehran',
  location: { lat: 35.72, lon: 50.37 },
  currency: 'IRR',
};

describe('figures', () => {
  it('give a ratio per currency and null where nothing was awarded', () => {
    expect(awardedRatios({ 'aw:IRR': 4, 'awIn:IRR': 1, 'aw:USD': 0 })).toEqual([
      expect.objectContaining({ currency: 'IRR', ratio: 0.25 }),
    ]);
  });

  it('never add quantities of two units together', () => {
    const ratios = declaredRatios(
      [cat('2420', { 'decl:in_park:t': 12_000, 'decl:imported:kg': 24_000 })],
      'month',
    );
    expect(ratios).toEqual([
      { unit: 'kg', inPark: 0, total: 2, ratio: 0 },
      { unit: 't', inPark: 1, total: 1, ratio: 1 },
    ]);
  });

  it('treat a category as supplied in park when an in-park listing is in it, above it or under it', () => {
    expect(related('2420', '24')).toBe(true);
    expect(related('24', '2420')).toBe(true);
    expect(related('2420', '2431')).toBe(false);
    const current = [
      cat('2420', { tenants: 1, inputs: 1 }),
      cat('242', { listingsIn: 1 }),
      cat('2013', { tenants: 1, openNeeds: 2 }),
      cat('2431', { tenants: 3 }),
    ];
    const gaps = gapsOf(current, { categories: [], total: {} }, 'quarter', 'IRR');
    expect(gaps.map((g) => [g.rank, g.category])).toEqual([
      [1, '2431'],
      [2, '2013'],
    ]);
  });

  it('break ties on the value bought from outside in the park’s currency', () => {
    const current = [cat('2013', { tenants: 1 }), cat('2431', { tenants: 1 })];
    const period = {
      categories: [cat('2431', { 'awOut:IRR': 10 }), cat('2013', { 'awOut:USD': 99 })],
      total: {},
    };
    expect(gapsOf(current, period, 'quarter', 'IRR').map((g) => g.category)).toEqual(['2431', '2013']);
  });

  it('offer only outside suppliers whose service area reaches the park, nearest first', () => {
    const listing = (id: string, over: Record<string, unknown>) =>
      ({
        listingId: id,
        supplierOrgId: `org_${id}`,
        title: id,
        category: '2013',
        country: 'IR',
        parkId: null,
        location: null,
        serviceArea: { scope: 'national' },
        ...over,
      }) as never;
    const found = nearestOutside(
      park,
      [
        listing('far', { location: { lat: 29.6, lon: 52.5 } }),
        listing('near', { location: { lat: 36.27, lon: 50.0 } }),
        listing('inpark', { location: { lat: 35.72, lon: 50.37 } }),
        listing('abroad', { country: 'TR', location: { lat: 41, lon: 29 } }),
        listing('radius', {
          country: 'TR',
          location: { lat: 41, lon: 29 },
          serviceArea: { scope: 'radius', radiusKm: 100 },
        }),
        listing('nowhere', {}),
      ],
      new Set(['org_inpark']),
      new Map(),
    );
    expect(found.map((s) => s.listingId)).toEqual(['near', 'far', 'nowhere']);
    expect(found[2]?.distanceKm).toBeNull();
  });
});
