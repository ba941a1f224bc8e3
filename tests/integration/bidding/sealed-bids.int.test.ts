import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { amendNeed, openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

const clock = fixedClock('2030-03-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 3 });
});
afterAll(() => rt.stop());

const at = (iso: string) => clock.set(iso);

async function sealedNeed(closesAt = '2030-03-01T12:00:00.000Z', extra = {}) {
  at('2030-03-01T08:00:00.000Z');
  return openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt, ...extra });
}

describe('sealed bids', () => {
  it('accepts a bid before the effective close and refuses one a millisecond after it', async () => {
    const need = await sealedNeed();
    const [a, b] = world.suppliers;
    at('2030-03-01T11:59:59.999Z');
    const first = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: a!.token,
      body: bidBody(1000),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'submitted', revision: 1, outcome: 'pending' });
    at('2030-03-01T12:00:00.001Z');
    const late = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: b!.token,
      body: bidBody(900),
    });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('bid.need_closed');
    const none = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: b!.token });
    expect(none.status).toBe(404);
  });

  it('refuses a bid at exactly the close (the close is exclusive)', async () => {
    const need = await sealedNeed();
    at('2030-03-01T12:00:00.000Z');
    const res = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(1000),
    });
    expect(res.status).toBe(422);
  });

  it('shows the owner only the count before the close and every bid after it', async () => {
    const need = await sealedNeed();
    const [a, b, c] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    for (const [s, price] of [
      [a, 1200],
      [b, 1100],
      [c, 1300],
    ] as const) {
      expect(
        (await rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: s!.token, body: bidBody(price) }))
          .status,
      ).toBe(201);
    }
    const before = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ count: 3, closed: false });

    at('2030-03-01T12:00:00.000Z');
    const after = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(after.body.closed).toBe(true);
    expect(after.body.items.map((i: any) => [i.rank, i.supplier.orgId, i.unitPrice.amount])).toEqual([
      [1, b!.orgId, 1100],
      [2, a!.orgId, 1200],
      [3, c!.orgId, 1300],
    ]);
    expect(after.body.items[0]).toMatchObject({
      total: { amount: 110_000, currency: 'IRR' },
      certificates: [],
      reputation: { averageRating: null, dealCount: 0 },
    });
  });

  it('never lets another supplier read a bid, and hides bids from a tenant that does not own the need', async () => {
    const need = await sealedNeed();
    const [a, b] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    await rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: a!.token, body: bidBody(1000) });
    const other = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: b!.token });
    expect(other.status).toBe(404);
    const otherTenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const list = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: otherTenant.token });
    expect(list.status).toBe(404);
    const asSupplier = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: b!.token });
    expect(asSupplier.status).toBe(403);
  });

  it('answers 409 to a second bid by the same supplier and keeps every revision', async () => {
    const need = await sealedNeed();
    const [a] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    const first = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: a!.token,
      body: bidBody(1000),
    });
    const again = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: a!.token,
      body: bidBody(990),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bid.exists');
    const revised = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: a!.token,
      body: bidBody(950, { notes: 'Delivered to the gate.' }),
      headers: { 'if-match': first.headers.get('etag')! },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({
      revision: 2,
      unitPrice: { amount: 950 },
      notes: 'Delivered to the gate.',
    });
    const revisions = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine/revisions`, {
      token: a!.token,
    });
    expect(revisions.body.items.map((r: any) => [r.revision, r.unitPrice.amount])).toEqual([
      [2, 950],
      [1, 1000],
    ]);
  });

  it('answers 412 to a revision with a stale If-Match and changes nothing', async () => {
    const need = await sealedNeed();
    const [a] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    const first = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: a!.token,
      body: bidBody(1000),
    });
    const etag = first.headers.get('etag')!;
    await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: a!.token,
      body: bidBody(990),
      headers: { 'if-match': etag },
    });
    const stale = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: a!.token,
      body: bidBody(900),
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    const mine = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token });
    expect(mine.body).toMatchObject({ revision: 2, unitPrice: { amount: 990 } });
  });

  it('replays a bid retried with the same Idempotency-Key instead of refusing it', async () => {
    const need = await sealedNeed();
    const [a] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    const opts = {
      token: a!.token,
      body: bidBody(1000),
      headers: { 'idempotency-key': `bid-${need.needId}` },
    };
    const first = await rt.call('POST', `/v1/needs/${need.needId}/bids`, opts);
    const retry = await rt.call('POST', `/v1/needs/${need.needId}/bids`, opts);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.bidId).toBe(first.body.bidId);
    const revisionOpts = {
      token: a!.token,
      body: bidBody(900),
      headers: { 'idempotency-key': `rev-${need.needId}` },
    };
    const rev1 = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, revisionOpts);
    const rev2 = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, revisionOpts);
    expect([rev1.status, rev2.status]).toEqual([200, 200]);
    expect(rev2.body.revision).toBe(2);
    const mine = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token });
    expect(mine.body.revision).toBe(2);
  });

  it('lets a supplier withdraw before the close and bid again, but not withdraw after it', async () => {
    const need = await sealedNeed();
    const [a] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    await rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: a!.token, body: bidBody(1000) });
    const withdrawn = await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token });
    expect(withdrawn.body.status).toBe('withdrawn');
    const count = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(count.body.count).toBe(0);
    const again = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: a!.token,
      body: bidBody(980),
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'submitted', revision: 2, bidId: withdrawn.body.bidId });
    at('2030-03-01T12:30:00.000Z');
    const late = await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token });
    expect(late.status).toBe(422);
  });

  it("refuses a bid in another currency than the need's, and a bid on the bidder's own need", async () => {
    const need = await sealedNeed();
    at('2030-03-01T09:00:00.000Z');
    const usd = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(1000, { unitPrice: { amount: 1000, currency: 'USD' } }),
    });
    expect(usd.status).toBe(422);
    expect(usd.body.code).toBe('bid.currency_mismatch');
    const both = await rt.firm({
      kinds: ['tenant', 'supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const own = await openNeed(rt, {
      parkId: world.parkId,
      owner: both,
      closesAt: '2030-03-02T00:00:00Z',
    });
    const res = await rt.call('POST', `/v1/needs/${own.needId}/bids`, {
      token: both.token,
      body: bidBody(1000),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('bid.own_need');
  });

  it('moves bids to needs_reconfirmation when the need is amended, and counts them again once reconfirmed', async () => {
    const need = await sealedNeed();
    const [a, b] = world.suppliers;
    at('2030-03-01T09:00:00.000Z');
    await rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: a!.token, body: bidBody(1000) });
    await rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: b!.token, body: bidBody(1100) });
    await amendNeed(rt, world.owner, need.needId, 'Now with 2.5 mm coil.');
    expect(await rt.container.bidding.markBidsForReconfirmation(need.needId)).toBe(2);
    expect(await rt.container.bidding.markBidsForReconfirmation(need.needId)).toBe(0);
    const mine = await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token });
    expect(mine.body.status).toBe('needs_reconfirmation');
    expect(
      (await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token })).body.count,
    ).toBe(0);
    const notes = await rt.call('GET', '/v1/notifications', { token: a!.token });
    expect(notes.body.items.filter((n: any) => n.kind === 'bid.needs_reconfirmation')).toHaveLength(1);
    const reconfirmed = await rt.call('POST', `/v1/needs/${need.needId}/bids/mine/reconfirm`, {
      token: a!.token,
    });
    expect(reconfirmed.status).toBe(200);
    expect(reconfirmed.body.status).toBe('submitted');
    expect(
      (await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token })).body.count,
    ).toBe(1);
  });
});
