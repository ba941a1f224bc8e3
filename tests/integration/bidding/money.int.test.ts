import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

// Money as the contract says: integer minor units, the exponent of each currency stated by
// GET /v1/currencies, totals computed exactly and rounded half to even, never a total of zero.

const clock = fixedClock('2030-05-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 1 });
});
afterAll(() => rt.stop());

const need = () =>
  openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: '2030-05-02T08:00:00.000Z',
    quantity: 10,
  });

describe('money', () => {
  it('states the exponent of every currency: GET /v1/currencies, IRR in whole rials', async () => {
    const res = await rt.call('GET', '/v1/currencies', { token: world.owner.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const byCode = Object.fromEntries(res.body.items.map((c: any) => [c.code, c]));
    expect(byCode.IRR).toEqual({ code: 'IRR', exponent: 0, name: 'Iranian rial' });
    expect(byCode.VND.exponent).toBe(0);
    expect(byCode.MNT.exponent).toBe(2);
    expect(byCode.CNY.exponent).toBe(2);
    for (const c of res.body.items) expect(Number.isInteger(c.exponent)).toBe(true);
  });

  it('refuses a bid whose total rounds to zero (0.1 t at 3 IRR), so no deal of 0 IRR can follow', async () => {
    const n = await need();
    const res = await rt.call('POST', `/v1/needs/${n.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(3, { quantity: 0.1 }),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('bid.total_zero');
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['quantity', 'unitPrice.amount']);
    expect(await rt.container.bidding.repos.bids.get(n.needId, world.suppliers[0]!.orgId)).toBeNull();
  });

  it('refuses a currency it does not list, naming the field', async () => {
    const res = await rt.call('POST', '/v1/needs', {
      token: world.owner.token,
      body: {
        title: 'Coil',
        description: 'Monthly supply.',
        category: '2410',
        quantity: 1,
        unit: 't',
        parkId: world.parkId,
        currency: 'JPY',
        closesAt: '2030-05-03T08:00:00.000Z',
        mode: 'sealed',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'currency' })]);
  });
});
