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
  it.each(['eshtehard', 'darkhan'] as const)(
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
