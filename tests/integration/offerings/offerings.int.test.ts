import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { bidOn, offeringBody, offeringWorld, openOffering } from './support/world';

const clock = fixedClock('2030-05-01T08:00:00.000Z');
const CLOSE = '2030-05-01T12:00:00.000Z';
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof offeringWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { snipingWindowS: 300, maxSnipingExtensions: 2 } });
  world = await offeringWorld(rt, { investors: 3 });
});
afterAll(() => rt.stop());

const at = (iso: string) => clock.set(iso);
const open = (extra: Record<string, unknown> = {}) => {
  at('2030-05-01T08:00:00.000Z');
  return openOffering(rt, world, CLOSE, extra);
};
const bid = (
  offeringId: string,
  who: { token: string },
  amount: number,
  extra: Record<string, unknown> = {},
) => rt.call('POST', `/v1/offerings/${offeringId}/bids`, { token: who.token, body: bidOn(amount, extra) });
const revise = (offeringId: string, who: { token: string }, amount: number) =>
  rt.call('PUT', `/v1/offerings/${offeringId}/bids/mine`, { token: who.token, body: bidOn(amount) });

describe('offerings: the operator’s lifecycle', () => {
  it('creates a draft only the operator sees, publishes it, and shows the open one on the public pages', async () => {
    at('2030-05-01T08:00:00.000Z');
    const [investor] = world.investors;
    const created = await rt.call('POST', `/v1/parks/${world.parkId}/offerings`, {
      token: world.operator.token,
      body: offeringBody(CLOSE),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', kind: 'idle_unit', area: 2400, leaseYears: 20 });
    const id = created.body.offeringId;
    expect((await rt.call('GET', `/v1/offerings/${id}`, { token: investor!.token })).status).toBe(404);
    expect((await rt.call('GET', `/v1/public/offerings/${id}`)).status).toBe(404);
    const drafts = await rt.call('GET', `/v1/parks/${world.parkId}/offerings?status=draft`, {
      token: investor!.token,
    });
    expect(drafts.body.items).toEqual([]);

    const published = await rt.call('POST', `/v1/offerings/${id}/publish`, {
      token: world.operator.token,
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('open');
    const pub = await rt.call('GET', `/v1/public/offerings/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).not.toHaveProperty('auditHash');
    const list = await rt.call('GET', `/v1/public/parks/${world.parkId}/offerings?kind=idle_unit`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: any) => o.offeringId)).toContain(id);
    expect(list.body.items.every((o: any) => o.status === 'open')).toBe(true);
    // Publishing twice is a state conflict.
    expect(
      (await rt.call('POST', `/v1/offerings/${id}/publish`, { token: world.operator.token })).status,
    ).toBe(409);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    at('2030-05-01T08:00:00.000Z');
    const lease = await rt.call('POST', `/v1/parks/${world.parkId}/offerings`, {
      token: world.operator.token,
      body: offeringBody(CLOSE, { leaseYears: undefined }),
    });
    expect(lease.status).toBe(400);
    expect(lease.body.errors.map((e: any) => e.path)).toContain('leaseYears');
    const past = await rt.call('POST', `/v1/parks/${world.parkId}/offerings`, {
      token: world.operator.token,
      body: offeringBody('2030-05-01T07:00:00.000Z'),
    });
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('offering.closes_in_past');
    const list = await rt.call('GET', `/v1/parks/${world.parkId}/offerings?limit=100`, {
      token: world.operator.token,
    });
    expect(list.body.items.some((o: any) => o.closesAt === '2030-05-01T07:00:00.000Z')).toBe(false);
  });

  it('lets only the park’s operator offer, publish, cancel and read the bids', async () => {
    const o = await open();
    const [investor] = world.investors;
    const other = await rt.park();
    expect(
      (
        await rt.call('POST', `/v1/parks/${world.parkId}/offerings`, {
          token: other.operator.token,
          body: offeringBody(CLOSE),
        })
      ).status,
    ).toBe(403);
    expect(
      (await rt.call('GET', `/v1/offerings/${o.offeringId}/bids`, { token: investor!.token })).status,
    ).toBe(403);
    expect(
      (
        await rt.call('POST', `/v1/offerings/${o.offeringId}/cancel`, {
          token: other.operator.token,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('bids on park space', () => {
  it('refuses a bid under the reserve, in another currency, for an activity not allowed, by the operator, or after the close', async () => {
    const o = await open();
    const [a] = world.investors;
    at('2030-05-01T09:00:00.000Z');
    const under = await bid(o.offeringId, a!, 999_999);
    expect([under.status, under.body.code, under.body.errors?.[0]?.path]).toEqual([
      422,
      'bid.below_reserve',
      'price.amount',
    ]);
    const currency = await rt.call('POST', `/v1/offerings/${o.offeringId}/bids`, {
      token: a!.token,
      body: { ...bidOn(2_000_000), price: { amount: 2_000_000, currency: 'USD' } },
    });
    expect(currency.body.code).toBe('bid.currency_mismatch');
    const activity = await bid(o.offeringId, a!, 2_000_000, {
      plan: { category: '2431', investment: { amount: 1, currency: 'IRR' }, jobs: 1, startWithinMonths: 1 },
    });
    expect([activity.status, activity.body.code]).toEqual([422, 'bid.activity_not_allowed']);
    const own = await bid(o.offeringId, world.operator, 2_000_000);
    expect([own.status, own.body.code]).toEqual([422, 'bid.own_offering']);
    at(CLOSE);
    const late = await bid(o.offeringId, a!, 2_000_000);
    expect([late.status, late.body.code]).toEqual([422, 'bid.offering_closed']);
    expect(await rt.container.bidding.repos.offerings.countLive(o.offeringId)).toBe(0);
  });

  it('keeps a sealed tender sealed until the close: the operator sees a count, bidders only their own', async () => {
    const o = await open();
    const [a, b] = world.investors;
    at('2030-05-01T09:00:00.000Z');
    expect((await bid(o.offeringId, a!, 1_500_000)).status).toBe(201);
    expect((await bid(o.offeringId, b!, 1_700_000)).status).toBe(201);
    const before = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids`, {
      token: world.operator.token,
    });
    expect(before.body).toEqual({ count: 2, closed: false });
    expect(JSON.stringify(before.body)).not.toContain('1500000');
    // No auction standing in a sealed tender, and nobody reaches another's bid.
    expect((await rt.call('GET', `/v1/offerings/${o.offeringId}/auction`, { token: a!.token })).status).toBe(
      404,
    );
    const mine = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids/mine`, { token: a!.token });
    expect(mine.body).toMatchObject({ price: { amount: 1_500_000 }, outcome: 'pending' });
    expect(JSON.stringify(mine.body)).not.toContain(b!.orgId);
    // The offering read carries no bid either.
    const read = await rt.call('GET', `/v1/offerings/${o.offeringId}`, { token: b!.token });
    expect(JSON.stringify(read.body)).not.toContain('1500000');

    at(CLOSE);
    const after = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids`, { token: world.operator.token });
    expect(after.body.closed).toBe(true);
    expect(after.body.items.map((x: any) => [x.rank, x.investor.orgId, x.price.amount])).toEqual([
      [1, b!.orgId, 1_700_000],
      [2, a!.orgId, 1_500_000],
    ]);
    expect(after.body.items[0]).toMatchObject({ plan: { jobs: 40 }, reputation: { dealCount: 0 } });
  });

  it('runs a forward auction: increments upward, rank and best price, never who', async () => {
    const o = await open({ mode: 'auction' });
    const [a, b, c] = world.investors;
    at('2030-05-01T09:00:00.000Z');
    expect((await bid(o.offeringId, a!, 1_000_000)).status).toBe(201);
    const tooSmall = await bid(o.offeringId, b!, 1_049_999);
    expect([tooSmall.status, tooSmall.body.code]).toEqual([422, 'bid.increment_too_small']);
    expect((await bid(o.offeringId, b!, 1_050_000)).status).toBe(201);
    const equal = await bid(o.offeringId, c!, 1_050_000);
    expect([equal.status, equal.body.code]).toEqual([422, 'bid.increment_too_small']);
    const lower = await revise(o.offeringId, a!, 1_000_000);
    expect(lower.body.code).toBe('bid.must_beat_own_previous');
    const standing = await rt.call('GET', `/v1/offerings/${o.offeringId}/auction`, { token: a!.token });
    expect(standing.body).toMatchObject({
      myRank: 2,
      bestPrice: { amount: 1_050_000 },
      bidders: 2,
      priceToLead: { amount: 1_100_000 },
    });
    expect(JSON.stringify(standing.body)).not.toContain(b!.orgId);
    expect((await revise(o.offeringId, a!, 1_100_000)).status).toBe(200);
    const lead = await rt.call('GET', `/v1/offerings/${o.offeringId}/auction`, { token: a!.token });
    expect(lead.body).toMatchObject({ myRank: 1, priceToLead: null });
    // The operator sees the count and best price before the close, not who.
    const op = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids`, { token: world.operator.token });
    expect(op.body).toEqual({ count: 2, closed: false, bestPrice: { amount: 1_100_000, currency: 'IRR' } });
  });

  it('extends the close for a late rank-improving bid, up to the cap', async () => {
    const o = await open({ mode: 'auction' });
    const [a, b] = world.investors;
    at('2030-05-01T11:50:00.000Z');
    expect((await bid(o.offeringId, a!, 1_000_000)).body.extendedTo).toBeNull();
    at('2030-05-01T11:58:00.000Z');
    const late = await bid(o.offeringId, b!, 1_100_000);
    expect(late.body.extendedTo).toBe('2030-05-01T12:03:00.000Z');
    at('2030-05-01T12:02:00.000Z');
    expect((await revise(o.offeringId, a!, 1_200_000)).body.extendedTo).toBe('2030-05-01T12:07:00.000Z');
    at('2030-05-01T12:06:00.000Z');
    // The cap (2) is reached: the bid is taken, the close stays.
    expect((await revise(o.offeringId, b!, 1_300_000)).body.extendedTo).toBeNull();
    at('2030-05-01T12:07:00.000Z');
    expect((await revise(o.offeringId, a!, 1_400_000)).body.code).toBe('bid.offering_closed');
    const stored = await rt.container.bidding.repos.offerings.get(o.offeringId);
    expect(stored).toMatchObject({
      extensionCount: 2,
      closesAt: '2030-05-01T12:07:00.000Z',
      originalClosesAt: CLOSE,
    });
  });

  it('lets a bidder withdraw, and the auction’s best falls back to the next bid', async () => {
    const o = await open({ mode: 'auction' });
    const [a, b] = world.investors;
    at('2030-05-01T09:00:00.000Z');
    await bid(o.offeringId, a!, 1_000_000);
    await bid(o.offeringId, b!, 1_200_000);
    const gone = await rt.call('DELETE', `/v1/offerings/${o.offeringId}/bids/mine`, { token: b!.token });
    expect([gone.status, gone.body.status]).toEqual([200, 'withdrawn']);
    const standing = await rt.call('GET', `/v1/offerings/${o.offeringId}/auction`, { token: a!.token });
    expect(standing.body).toMatchObject({ myRank: 1, bestPrice: { amount: 1_000_000 }, bidders: 1 });
    // A new bid only needs to beat the best that stands now.
    expect((await bid(o.offeringId, b!, 1_050_000)).status).toBe(201);
  });
});

describe('the award', () => {
  it('is refused before the close, then records the allocation, makes the winner a tenant and tells everyone', async () => {
    const o = await open();
    const [a, b] = world.investors;
    at('2030-05-01T09:00:00.000Z');
    const winner = await bid(o.offeringId, a!, 2_500_000);
    await bid(o.offeringId, b!, 2_000_000);
    const early = await rt.call('POST', `/v1/offerings/${o.offeringId}/award`, {
      token: world.operator.token,
      body: { bidId: winner.body.bidId },
    });
    expect([early.status, early.body.code]).toEqual([422, 'award.before_close']);

    at('2030-05-01T12:30:00.000Z');
    const award = await rt.call('POST', `/v1/offerings/${o.offeringId}/award`, {
      token: world.operator.token,
      body: { bidId: winner.body.bidId },
    });
    expect(award.status).toBe(201);
    expect(award.body).toMatchObject({
      offeringId: o.offeringId,
      orgId: a!.orgId,
      price: { amount: 2_500_000 },
      terms: { terms: 'lease', leaseYears: 20 },
    });
    const membership = await rt.container.repos.memberships.get(world.parkId, a!.orgId);
    expect(membership).toMatchObject({ status: 'approved', as: ['tenant'], suspended: false });
    expect((await rt.call('GET', `/v1/offerings/${o.offeringId}`, { token: a!.token })).body.status).toBe(
      'awarded',
    );
    const mine = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids/mine`, { token: a!.token });
    expect(mine.body.outcome).toBe('won');
    const lost = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids/mine`, { token: b!.token });
    expect(lost.body.outcome).toBe('lost');
    const notes = await rt.call('GET', '/v1/notifications', { token: b!.token });
    expect(notes.body.items.some((n: any) => n.kind === 'offering.lost' && n.entityId === o.offeringId)).toBe(
      true,
    );
    // The public pages no longer list it.
    expect((await rt.call('GET', `/v1/public/offerings/${o.offeringId}`)).status).toBe(404);
  });

  it('keeps an existing membership and adds tenant to it', async () => {
    const supplier = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const o = await open();
    at('2030-05-01T09:00:00.000Z');
    const b = await bid(o.offeringId, supplier, 1_200_000);
    at(CLOSE);
    const award = await rt.call('POST', `/v1/offerings/${o.offeringId}/award`, {
      token: world.operator.token,
      body: { bidId: b.body.bidId },
    });
    expect(award.status).toBe(201);
    const m = await rt.container.repos.memberships.get(world.parkId, supplier.orgId);
    expect(m).toMatchObject({ status: 'approved', as: ['supplier', 'tenant'] });
  });
});

describe('what a bid and an award cost', () => {
  it('writes a bid in one transaction and an award in one, and reports their capacity units', async () => {
    const repo = rt.container.bidding.repos.offerings;
    const seen: { operation: string; units: number; items: number }[] = [];
    repo.observeCapacity((units, operation, items) => seen.push({ operation, units, items }));
    try {
      const o = await open({ mode: 'auction' });
      const [a, b] = world.investors;
      at('2030-05-01T09:00:00.000Z');
      await bid(o.offeringId, a!, 1_000_000);
      await bid(o.offeringId, b!, 1_100_000);
      at(CLOSE);
      const winner = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids/mine`, { token: b!.token });
      await rt.call('POST', `/v1/offerings/${o.offeringId}/award`, {
        token: world.operator.token,
        body: { bidId: winner.body.bidId },
      });
    } finally {
      repo.observeCapacity(undefined);
    }
    const bids = seen.filter((s) => s.operation === 'offering_bid.create');
    const award = seen.filter((s) => s.operation === 'offering.award');
    // A bid: the bid, its audit record, the offering's condition, the auction state.
    expect(bids.map((s) => s.items)).toEqual([4, 4]);
    // An award: offering, bid, allocation, membership, four audit records, two notices of two items.
    expect(award.map((s) => s.items)).toEqual([12]);
    for (const s of [...bids, ...award]) expect(s.units).toBeGreaterThan(0);
  });
});
