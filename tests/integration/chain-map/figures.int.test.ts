import { fixedClock } from '@parkbridge/domain/core';
import { distanceKm } from '@parkbridge/domain/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { cancelDeal, deliver, ESHTEHARD, getMap, ISTANBUL, QAZVIN } from './chain-map-world';
import { type Story, tellStory } from './story';

const clock = fixedClock('2026-05-10T08:00:00.000Z');
let rt: TestRuntime;
let parkId: string;
let op: { token: string };
let ids: Story['ids'];
let awardedToCancel: Record<string, unknown>;
let cancellation: Awaited<ReturnType<typeof cancelDeal>>;
let beforeCancel: any;
let firstAward: Story['firstAward'];

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { minBiddingWindowS: 60 } });
  const story = await tellStory(rt);
  ({ parkId, op, ids, firstAward } = story);
  awardedToCancel = story.toCancel.item;
  beforeCancel = await getMap(rt, op.token, parkId, '2026-Q2');
  cancellation = await cancelDeal(rt, awardedToCancel);
}, 120_000);

afterAll(() => rt?.stop());

describe('the chain map’s figures, reconciled with the records behind them', () => {
  it('counts a deal cancelled after its award while it stands, and takes it back when cancelled', async () => {
    const irr = beforeCancel.localSourcingRatio.awarded.find(
      (r: { currency: string }) => r.currency === 'IRR',
    );
    // 1,000,000 + 2,000,000 in park; + 3,000,000 outside; + 7,000 on 1 April in Tehran (Q2 there).
    expect(irr).toMatchObject({
      inPark: { amount: 3_000_000 },
      total: { amount: 6_007_000 },
      deals: 4,
      dealsInPark: 2,
    });
    const after = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(
      after.localSourcingRatio.awarded.find((r: { currency: string }) => r.currency === 'IRR'),
    ).toMatchObject({
      inPark: { amount: 1_000_000, currency: 'IRR' },
      total: { amount: 4_007_000, currency: 'IRR' },
      deals: 3,
      dealsInPark: 1,
    });
  });

  it('keeps local sourcing per currency, never summing IRR and USD', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(map.localSourcingRatio.awarded).toEqual([
      {
        currency: 'IRR',
        inPark: { amount: 1_000_000, currency: 'IRR' },
        total: { amount: 4_007_000, currency: 'IRR' },
        ratio: Math.round((1_000_000 / 4_007_000) * 10_000) / 10_000,
        deals: 3,
        dealsInPark: 1,
      },
      {
        currency: 'USD',
        inPark: { amount: 0, currency: 'USD' },
        total: { amount: 5_000, currency: 'USD' },
        ratio: 0,
        deals: 1,
        dealsInPark: 0,
      },
    ]);
    expect(map.summary).toMatchObject({ deals: 4, dealsInPark: 1 });
  });

  it('counts an award in the park’s calendar: 31 March 21:00 UTC is April in Tehran', async () => {
    const april = await getMap(rt, op.token, parkId, '2026-04');
    const march = await getMap(rt, op.token, parkId, '2026-03');
    expect(april.edges.some((e: { category: string }) => e.category === '2431')).toBe(true);
    expect(
      march.edges
        .filter((e: { kind: string }) => e.kind === 'awarded')
        .map((e: { category: string }) => e.category),
    ).toEqual(['2420']);
  });

  it('measures declared local sourcing per unit and per map period, with and without awarded categories', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    // Per quarter: pumps 10 t/month in park = 30 t, 5 t/month imported = 15 t; valves 3 t/quarter = 3 t.
    expect(map.localSourcingRatio.declared).toEqual([
      { unit: 'h', inPark: 0, total: 60, ratio: 0 },
      { unit: 'pcs', inPark: 0, total: 30, ratio: 0 },
      { unit: 't', inPark: 30, total: 48, ratio: 0.625 },
    ]);
    // Categories with an award in Q2 (2420, 2013, 2431) drop out; machining hours stay.
    expect(map.localSourcingRatio.declaredWithoutAward).toEqual([
      { unit: 'h', inPark: 0, total: 60, ratio: 0 },
    ]);
    const year = await getMap(rt, op.token, parkId, '2026');
    expect(year.localSourcingRatio.declared.find((r: { unit: string }) => r.unit === 't')).toEqual({
      unit: 't',
      inPark: 120,
      total: 192,
      ratio: 0.625,
    });
  });

  it('ranks the gaps by tenants, open needs and declarations, with tenants and nearest outside suppliers', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(map.gaps.map((g: { category: string }) => g.category)).toEqual(['2013', '2431']);
    const [plastics, castings] = map.gaps;
    expect(plastics).toMatchObject({
      rank: 1,
      demand: {
        tenants: 2,
        openNeeds: 1,
        declaredInputs: 1,
        declared: [{ unit: 't', quantity: 15 }],
        openNeedQuantity: [{ unit: 't', quantity: 2 }],
        awardedFromOutside: [{ amount: 5_000, currency: 'USD' }],
      },
    });
    expect(plastics.tenants.map((t: { orgId: string }) => t.orgId).sort()).toEqual(
      [ids.pumps, ids.valves].sort(),
    );
    expect(plastics.nearestOutsideSuppliers).toEqual([
      expect.objectContaining({
        orgId: ids.qazvin,
        origin: 'in_country',
        distanceKm: Math.round(distanceKm(ESHTEHARD, QAZVIN) * 10) / 10,
      }),
      expect.objectContaining({
        orgId: ids.istanbul,
        origin: 'imported',
        distanceKm: Math.round(distanceKm(ESHTEHARD, ISTANBUL) * 10) / 10,
      }),
    ]);
    expect(castings).toMatchObject({
      rank: 2,
      demand: {
        tenants: 1,
        openNeeds: 0,
        declaredInputs: 1,
        awardedFromOutside: [{ amount: 7_000, currency: 'IRR' }],
      },
      tenants: [{ orgId: ids.valves, name: 'Karaj Valve Co.' }],
    });
    // Pipe is listed by a firm located in the park, and machining by its idle capacity: no gaps.
    expect(map.summary.gaps).toBe(2);
  });

  it('lists idle in-park capacity with its free hours per period next to the demand it could serve', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(map.idleCapacity).toEqual([
      expect.objectContaining({
        supplier: { orgId: ids.steel, name: 'Eshtehard Steel Tube' },
        category: '2592',
        machineClass: 'CNC lathe, Ø 400 mm',
        free: { unit: 'h', quantity: 360 },
        demand: [
          expect.objectContaining({
            category: '2592',
            tenants: 1,
            declaredInputs: 1,
            declared: [{ unit: 'h', quantity: 60 }],
          }),
        ],
      }),
    ]);
    expect((await getMap(rt, op.token, parkId, '2026-05')).idleCapacity[0].free).toEqual({
      unit: 'h',
      quantity: 120,
    });
  });

  it('draws declared and awarded edges, each saying which, and the nodes they join', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    const declared = map.edges.filter((e: { kind: string }) => e.kind === 'declared');
    const awarded = map.edges.filter((e: { kind: string }) => e.kind === 'awarded');
    expect(declared).toHaveLength(5);
    expect(declared).toContainEqual(
      expect.objectContaining({
        from: ids.steel,
        to: ids.pumps,
        category: '2420',
        origin: 'in_park',
        quantity: [{ unit: 't', quantity: 30 }],
      }),
    );
    expect(declared).toContainEqual(
      expect.objectContaining({ from: 'source:imported', to: ids.pumps, category: '2013' }),
    );
    // The cancelled deal's edge (valves ← steel) is gone; four awarded links remain.
    expect(
      awarded.map((e: { from: string; to: string; category: string; value: unknown; deals: number }) => [
        e.from,
        e.to,
        e.category,
        e.value,
        e.deals,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [ids.steel, ids.pumps, '2420', [{ amount: 1_000_000, currency: 'IRR' }], 1],
        [ids.qazvin, ids.valves, '2420', [{ amount: 3_000_000, currency: 'IRR' }], 1],
        [ids.istanbul, ids.pumps, '2013', [{ amount: 5_000, currency: 'USD' }], 1],
        [ids.qazvin, ids.valves, '2431', [{ amount: 7_000, currency: 'IRR' }], 1],
      ]),
    );
    expect(awarded).toHaveLength(4);
    const node = (id: string) => map.nodes.find((n: { id: string }) => n.id === id);
    expect(node(ids.pumps)).toMatchObject({ kind: 'tenant', origin: 'in_park', name: 'Alborz Pump Works' });
    expect(node(ids.qazvin)).toMatchObject({ kind: 'supplier', origin: 'in_country' });
    expect(node(ids.istanbul)).toMatchObject({ kind: 'supplier', origin: 'imported' });
    expect(node('source:imported')).toMatchObject({ kind: 'source' });
    expect(map.summary).toMatchObject({ tenants: 3, chains: 2, declaredInputs: 5, idleCapacityListings: 1 });
  });

  it('shows the previous period as the trend', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(map.trend.period.key).toBe('2026-Q1');
    expect(map.trend.awarded).toEqual([
      expect.objectContaining({
        currency: 'IRR',
        inPark: { amount: 500_000, currency: 'IRR' },
        total: { amount: 500_000, currency: 'IRR' },
        ratio: 1,
      }),
    ]);
    const irrNow = Math.round((1_000_000 / 4_007_000) * 10_000) / 10_000;
    expect(map.trend.ratioChange).toEqual([
      { currency: 'IRR', change: Math.round((irrNow - 1) * 10_000) / 10_000 },
      { currency: 'USD', change: null },
    ]);
    expect(map.trend.deals).toBe(1);
  });

  it('defaults to the current quarter in the park’s time zone', async () => {
    const map = await getMap(rt, op.token, parkId);
    expect(map.period).toEqual({ key: '2026-Q2', kind: 'quarter', timeZone: 'Asia/Tehran' });
  });

  it('counts nothing twice when the stream delivers the same records again', async () => {
    const before = await getMap(rt, op.token, parkId, '2026-Q2');
    await deliver(rt, firstAward.change);
    await deliver(rt, firstAward.change);
    await deliver(rt, cancellation);
    // The award of the cancelled deal, delivered late: older than what is counted, so nothing moves.
    await deliver(rt, { id: 'late', kind: 'INSERT', oldImage: null, newImage: awardedToCancel });
    expect(await getMap(rt, op.token, parkId, '2026-Q2')).toEqual(before);
  });
});
