import { seedExpos } from '@parkbridge/seed/expos.seed';
import { seedFoundation } from '@parkbridge/seed/foundation.seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

describe('the expos demo data', { timeout: 120_000 }, () => {
  it('gives every demo park an expo with pavilions, at least 40 slots in all, some booked', async () => {
    const world = await seedFoundation(rt.container);
    await seedExpos(rt.container, world);
    const operator = await rt.login('operator@parkbridge.demo');

    let slots = 0;
    const statuses: string[] = [];
    for (const park of Object.values(world.parks)) {
      const list = await rt.call('GET', `/v1/expos?parkId=${park.parkId}`, { token: operator });
      expect(list.body.items).toHaveLength(1);
      const expo = list.body.items[0];
      expect(expo.currency).toBe(park.currency);
      const plan = await rt.call('GET', `/v1/expos/${expo.expoId}/floorplan`, { token: operator });
      expect(plan.body.pavilions.length).toBeGreaterThanOrEqual(2);
      for (const p of plan.body.pavilions) {
        slots += p.slots.length;
        statuses.push(...p.slots.map((s: { status: string }) => s.status));
      }
      const booked = plan.body.pavilions
        .flatMap((p: any) => p.slots)
        .filter((s: any) => s.status === 'booked');
      expect(booked.length).toBeGreaterThanOrEqual(2);
      expect(booked[0].exhibitor.name).toBeTruthy();
      const stats = await rt.call('GET', `/v1/expos/${expo.expoId}/stats`, { token: operator });
      expect(stats.body.revenue[0]).toMatchObject({ currency: park.currency });
      expect(stats.body.revenue[0].confirmed).toBeGreaterThan(0);
    }
    expect(slots).toBeGreaterThanOrEqual(40);
    expect(statuses).toEqual(expect.arrayContaining(['booked', 'requested', 'held', 'available']));
  });
});
