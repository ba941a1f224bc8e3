import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

const clock = fixedClock('2030-05-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
const CLOSE = '2030-05-01T12:00:00.000Z';

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { snipingWindowS: 300 } });
  world = await biddingWorld(rt, { suppliers: 3 });
});
afterAll(() => rt.stop());

const at = (iso: string) => clock.set(iso);

async function auctionNeed(maxExtensions = 2) {
  at('2030-05-01T08:00:00.000Z');
  return openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: CLOSE,
    mode: 'auction',
    auction: { minDecrementBps: 100, maxExtensions },
  });
}

const bid = (needId: string, who: { token: string }, amount: number) =>
  rt.call('POST', `/v1/needs/${needId}/bids`, { token: who.token, body: bidBody(amount) });
const revise = (needId: string, who: { token: string }, amount: number) =>
  rt.call('PUT', `/v1/needs/${needId}/bids/mine`, { token: who.token, body: bidBody(amount) });
const standing = (needId: string, who: { token: string }) =>
  rt.call('GET', `/v1/needs/${needId}/auction`, { token: who.token });
const closesAt = async (needId: string) => (await rt.container.bidding.repos.needs.get(needId))!.closesAt;

describe('reverse auction', () => {
  it("requires a bid to beat the bidder's own previous price", async () => {
    const need = await auctionNeed();
    const [a] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    expect((await bid(need.needId, a!, 10_000)).status).toBe(201);
    const same = await revise(need.needId, a!, 10_000);
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('bid.must_beat_own_previous');
    expect((await revise(need.needId, a!, 10_500)).status).toBe(422);
    expect((await revise(need.needId, a!, 9_999)).status).toBe(200);
  });

  it('lets a bid take the lead only by beating the best price by the minimum decrement', async () => {
    const need = await auctionNeed();
    const [a, b, c] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 10_000);
    const tooClose = await bid(need.needId, b!, 9_950);
    expect(tooClose.status).toBe(422);
    expect(tooClose.body.code).toBe('bid.decrement_too_small');
    expect((await bid(need.needId, b!, 9_900)).status).toBe(201);
    // At or above the best is accepted and ranked behind it (an equal price set later ranks later).
    clock.advance(1);
    expect((await bid(need.needId, c!, 9_900)).status).toBe(201);
    expect((await standing(need.needId, b!)).body).toMatchObject({
      myRank: 1,
      bestUnitPrice: { amount: 9_900 },
      bidders: 3,
      priceToLead: null,
    });
    expect((await standing(need.needId, c!)).body).toMatchObject({
      myRank: 2,
      priceToLead: { amount: 9_801 },
    });
    expect((await standing(need.needId, a!)).body).toMatchObject({
      myRank: 3,
      myUnitPrice: { amount: 10_000 },
    });
  });

  it('shows a bidder its rank, the best price and the number of bidders, and never who bid', async () => {
    const need = await auctionNeed();
    const [a, b, c] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 10_000);
    await bid(need.needId, b!, 9_000);
    const view = await standing(need.needId, a!);
    expect(view.status).toBe(200);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(b!.orgId);
    expect(text).not.toContain(a!.orgId);
    expect(Object.keys(view.body).sort()).toEqual(
      [
        'bestUnitPrice',
        'bidders',
        'closesAt',
        'extensionsLeft',
        'myRank',
        'myUnitPrice',
        'priceToLead',
        'status',
      ].sort(),
    );
    // Someone who has not bid has no standing to read.
    expect((await standing(need.needId, c!)).status).toBe(404);
    // The owner, before the close, sees the count and the best price, not the bids.
    const owner = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(owner.body).toEqual({
      count: 2,
      closed: false,
      bestUnitPrice: { amount: 9_000, currency: 'IRR' },
    });
  });

  it('does not extend the close for a bid in the sniping window that improves no rank', async () => {
    const need = await auctionNeed();
    const [a, b] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 9_000);
    at('2030-05-01T11:58:00.000Z');
    const follower = await bid(need.needId, b!, 9_500);
    expect(follower.status).toBe(201);
    expect(follower.body.extendedTo).toBeNull();
    // Lower than its own previous, still behind the leader: no rank gained, no extension.
    const still = await revise(need.needId, b!, 9_200);
    expect(still.status).toBe(200);
    expect(still.body.extendedTo).toBeNull();
    expect(await closesAt(need.needId)).toBe(CLOSE);
  });

  it('does not extend the close for a refused bid in the sniping window', async () => {
    const need = await auctionNeed();
    const [a, b] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 9_000);
    at('2030-05-01T11:59:00.000Z');
    expect((await bid(need.needId, b!, 8_950)).status).toBe(422);
    expect(await closesAt(need.needId)).toBe(CLOSE);
  });

  it('does not extend the close for a rank-improving bid before the sniping window', async () => {
    const need = await auctionNeed();
    const [a, b] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 9_000);
    at('2030-05-01T11:54:59.999Z');
    expect((await bid(need.needId, b!, 8_000)).body.extendedTo).toBeNull();
    expect(await closesAt(need.needId)).toBe(CLOSE);
  });

  it('extends the close to now + the window for an improving bid in the window, up to the cap', async () => {
    const need = await auctionNeed(2);
    const [a, b] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 10_000);

    at('2030-05-01T11:58:00.000Z');
    const first = await bid(need.needId, b!, 9_000);
    expect(first.body.extendedTo).toBe('2030-05-01T12:03:00.000Z');
    expect(await closesAt(need.needId)).toBe('2030-05-01T12:03:00.000Z');

    // After the original close but before the extended one, bids are still taken.
    at('2030-05-01T12:01:00.000Z');
    const second = await revise(need.needId, a!, 8_000);
    expect(second.status).toBe(200);
    expect(second.body.extendedTo).toBe('2030-05-01T12:06:00.000Z');

    at('2030-05-01T12:05:00.000Z');
    const capped = await revise(need.needId, b!, 7_000);
    expect(capped.status).toBe(200);
    expect(capped.body.extendedTo).toBeNull();
    expect(await closesAt(need.needId)).toBe('2030-05-01T12:06:00.000Z');
    expect((await standing(need.needId, b!)).body).toMatchObject({ myRank: 1, extensionsLeft: 0 });

    at('2030-05-01T12:06:00.001Z');
    expect((await revise(need.needId, a!, 6_000)).status).toBe(422);

    const stored = await rt.container.bidding.repos.needs.get(need.needId);
    expect(stored).toMatchObject({ extensionCount: 2, status: 'open' });
    const notes = await rt.call('GET', '/v1/notifications', { token: world.owner.token });
    expect(
      notes.body.items.filter((n: any) => n.kind === 'need.extended' && n.entityId === need.needId),
    ).toHaveLength(2);
    const audit = await rt.call('GET', `/v1/audit?entityId=${need.needId}`, { token: world.operator.token });
    expect(audit.body.items.map((r: any) => [r.action, r.reason ?? null])).toEqual([
      ['need.created', null],
      ['need.published', null],
      ['need.extended', 'anti_sniping'],
      ['need.extended', 'anti_sniping'],
    ]);
  });

  it('recomputes the best price when the leader withdraws', async () => {
    const need = await auctionNeed();
    const [a, b, c] = world.suppliers;
    at('2030-05-01T09:00:00.000Z');
    await bid(need.needId, a!, 10_000);
    await bid(need.needId, b!, 9_000);
    expect((await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: b!.token })).status).toBe(
      200,
    );
    expect((await standing(need.needId, a!)).body).toMatchObject({
      myRank: 1,
      bestUnitPrice: { amount: 10_000 },
      bidders: 1,
    });
    // The lead to beat is the remaining best again, not the withdrawn price.
    expect((await bid(need.needId, c!, 9_900)).status).toBe(201);
    expect((await standing(need.needId, c!)).body.myRank).toBe(1);
  });
});
