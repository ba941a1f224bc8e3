import type { DemoWorld } from '@parkbridge/seed';
import { seedFoundation } from '@parkbridge/seed/foundation.seed';
import { seedOfferings } from '@parkbridge/seed/offerings.seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let world: DemoWorld;
beforeAll(async () => {
  rt = await startTestRuntime();
  world = await seedFoundation(rt.container);
  await seedOfferings(rt.container, world);
}, 240_000);
afterAll(() => rt.stop());

describe('the demo park space', () => {
  it('offers a plot, a workshop unit and an idle unit in every demo park', async () => {
    for (const park of Object.values(world.parks)) {
      const page = await rt.container.bidding.offerings.list(world.operator, park.parkId, {}, { limit: 20 });
      expect(page.items.map((o) => o.kind).sort()).toEqual(['idle_unit', 'plot', 'workshop']);
    }
  });

  it('has Eshtehard’s former dairy line closed with two bids waiting for the award', async () => {
    const page = await rt.container.bidding.offerings.list(
      world.operator,
      world.parks.eshtehard.parkId,
      { status: 'closed' },
      { limit: 20 },
    );
    expect(page.items).toHaveLength(1);
    const dairy = page.items[0]!;
    expect(dairy.kind).toBe('idle_unit');
    const bids = await rt.container.bidding.offeringBids.forOperator(
      (await rt.container.bidding.repos.offerings.get(dairy.offeringId))!,
    );
    expect(bids).toMatchObject({ closed: true, count: 2 });
    expect(bids.items?.[0]?.investor.orgId).toBe(world.firms['eshtehard-dairy']!.org.orgId);
  });
});
