import { describe, expect, it } from 'vitest';
import { isAvailable, ListingInput, listingProblems } from './listing';

const base = {
  kind: 'product',
  title: 'Bar',
  description: 'Copper bar',
  category: '2420',
  unit: 't',
  leadTimeDays: 5,
  serviceArea: { scope: 'national' },
} as const;

describe('listing rules', () => {
  it('asks idle capacity for its machine and free amount per period', () => {
    expect(listingProblems({ ...base, kind: 'capacity' }).map((p) => p.path)).toEqual([
      'capacityPerPeriod',
      'machineClass',
    ]);
    expect(
      listingProblems({
        ...base,
        kind: 'capacity',
        capacityPerPeriod: 100,
        period: 'month',
        machineClass: 'Lathe',
      }),
    ).toEqual([]);
  });

  it('keeps dates, minimum order and park-only service consistent', () => {
    const paths = listingProblems({
      ...base,
      capacityPerPeriod: 5,
      minOrder: 10,
      availableFrom: '2030-02-01',
      availableUntil: '2030-01-01',
      serviceArea: { scope: 'park' },
    }).map((p) => p.path);
    expect(paths).toEqual(['period', 'availableUntil', 'minOrder', 'parkId']);
  });

  it('reports cross-field problems as validation errors of the input', () => {
    const r = ListingInput.safeParse({ ...base, serviceArea: { scope: 'radius' } });
    expect(r.success).toBe(false);
    expect(ListingInput.safeParse({ ...base, serviceArea: { scope: 'radius', radiusKm: 50 } }).success).toBe(
      true,
    );
    expect(
      ListingInput.safeParse({ ...base, serviceArea: { scope: 'national', radiusKm: 50 } }).success,
    ).toBe(false);
  });

  it('stops being available after its last free day', () => {
    expect(isAvailable({ availableUntil: '2030-01-10' }, new Date('2030-01-10T23:00:00Z'))).toBe(true);
    expect(isAvailable({ availableUntil: '2030-01-10' }, new Date('2030-01-11T00:00:00Z'))).toBe(false);
    expect(isAvailable({ availableUntil: undefined }, new Date())).toBe(true);
  });
});
