import { periodsContaining } from '@parkbridge/domain/chain-map';
import type { DemoWorld } from '@parkbridge/seed';
import { seedBidding } from '@parkbridge/seed/bidding.seed';
import { seedChainMap } from '@parkbridge/seed/chain-map.seed';
import { seedFoundation } from '@parkbridge/seed/foundation.seed';
import { seedMarket } from '@parkbridge/seed/market.seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let world: DemoWorld;

beforeAll(async () => {
  rt = await startTestRuntime();
  world = await seedFoundation(rt.container);
  const market = await seedMarket(rt.container, world);
  await seedBidding(rt.container, world, market);
  await seedChainMap(rt.container, world);
}, 300_000);
afterAll(() => rt?.stop());

const mapOf = (slug: keyof DemoWorld['parks']) =>
  rt.container.chainMap.maps.map(world.operator, world.parks[slug].parkId);

describe('the demo parks’ chain maps', () => {
  it.each(['eshtehard', 'darkhan', 'thang-long'] as const)(
    'show %s sourcing some inputs inside the park and some outside, with idle capacity beside the demand',
    async (slug) => {
      const map = await mapOf(slug);
      expect(map.localSourcingRatio.declared.some((r) => r.inPark > 0 && r.inPark < r.total)).toBe(true);
      expect(map.edges.some((e) => e.kind === 'declared' && e.origin === 'in_park')).toBe(true);
      expect(map.idleCapacity.length).toBeGreaterThan(0);
      expect(map.idleCapacity[0]?.demand.length).toBeGreaterThan(0);
    },
  );

  it.each(['eshtehard', 'darkhan', 'thang-long'] as const)(
    'show %s awarding some of its purchases to firms in the park this quarter, and the trend against the last',
    async (slug) => {
      const map = await mapOf(slug);
      const [now] = map.localSourcingRatio.awarded;
      expect(now?.dealsInPark).toBeGreaterThan(0);
      expect(now!.dealsInPark).toBeLessThan(now!.deals);
      expect(map.edges.some((e) => e.kind === 'awarded' && e.origin === 'in_park')).toBe(true);
      expect(map.edges.some((e) => e.kind === 'awarded' && e.origin !== 'in_park')).toBe(true);
      expect(map.trend.deals).toBeGreaterThan(1);
      expect(map.trend.ratioChange[0]?.change).toEqual(expect.any(Number));
    },
  );

  it('leaves Thang Long’s PCB pilot batch, called off after its award, out of the figures', async () => {
    const electronics = world.firms['thang-long-electronics']!.caller;
    const deals = await rt.container.bidding.deals.list(electronics, 'buyer', { limit: 100 });
    const cancelled = deals.items.filter((d) => d.status === 'cancelled');
    expect(cancelled.map((d) => d.category)).toEqual(['2610']);
    const map = await mapOf('thang-long');
    expect(map.edges.some((e) => e.kind === 'awarded' && e.category === '2610')).toBe(false);
    // Every buyer of the park counts, not only the electronics plant.
    const parkId = world.parks['thang-long'].parkId;
    const buyers = Object.values(world.firms).filter((f) => f.firm.park === 'thang-long');
    const parkDeals = (
      await Promise.all(buyers.map((f) => rt.container.bidding.deals.list(f.caller, 'buyer', { limit: 100 })))
    )
      .flatMap((page) => page.items)
      .filter((d) => d.parkId === parkId);
    expect(map.summary.deals).toBe(
      parkDeals.filter(
        (d) =>
          d.status !== 'cancelled' &&
          periodsContaining(new Date(d.awardedAt), map.period.timeZone).some((p) => p.key === map.period.key),
      ).length,
    );
  });

  it.each(['eshtehard', 'darkhan', 'thang-long'] as const)(
    'rank %s’s gaps, naming the tenants and the nearest outside suppliers',
    async (slug) => {
      const map = await mapOf(slug);
      expect(map.gaps.length).toBeGreaterThan(1);
      const top = map.gaps[0]!;
      expect(top.demand.tenants).toBeGreaterThanOrEqual(map.gaps[1]!.demand.tenants);
      expect(top.tenants.length).toBe(top.demand.tenants);
      expect(top.nearestOutsideSuppliers?.length).toBeGreaterThan(0);
      expect(map.summary.tenants).toBeGreaterThan(1);
    },
  );
});
