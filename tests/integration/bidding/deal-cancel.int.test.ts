import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld, type Party } from './support/world';

const clock = fixedClock('2030-09-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 2 });
});
afterAll(() => rt.stop());

/** A deal between the owner (buyer) and the first supplier (seller), taken through `steps`. */
async function dealAfter(...steps: ('confirm' | 'deliver' | 'accept-delivery')[]) {
  clock.set('2030-09-01T08:00:00.000Z');
  const need = await openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: '2030-09-01T12:00:00.000Z',
  });
  const seller = world.suppliers[0]!;
  const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
    token: seller.token,
    body: bidBody(900),
  });
  expect(bid.status).toBe(201);
  clock.set('2030-09-01T12:00:00.000Z');
  const awarded = await rt.call('POST', `/v1/needs/${need.needId}/award`, {
    token: world.owner.token,
    body: { bidId: bid.body.bidId },
  });
  expect(awarded.status).toBe(201);
  const dealId = awarded.body.dealId as string;
  for (const s of steps) {
    const who = s === 'accept-delivery' ? world.owner : seller;
    expect((await rt.call('POST', `/v1/deals/${dealId}/${s}`, { token: who.token })).status).toBe(200);
  }
  return { dealId, needId: need.needId, seller };
}

const cancel = (dealId: string, who: Party, body: unknown = { reason: 'Plans changed.' }, headers = {}) =>
  rt.call('POST', `/v1/deals/${dealId}/cancel`, { token: who.token, body, headers });

const noticesOf = async (who: Party, dealId: string) =>
  (await rt.call('GET', '/v1/notifications', { token: who.token })).body.items.filter(
    (n: any) => n.entityId === dealId && n.kind === 'deal.cancelled',
  );

describe('cancelling a deal after its award', () => {
  it('lets the buyer cancel an awarded deal, tells the seller why, and audits it', async () => {
    const { dealId, seller } = await dealAfter();
    const res = await cancel(dealId, world.owner, { reason: 'The customer order fell through.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: {
        by: 'buyer',
        reason: 'The customer order fell through.',
        at: '2030-09-01T12:00:00.000Z',
      },
    });
    expect(res.headers.get('etag')).toBe(`"v${res.body.version}"`);
    expect(await noticesOf(seller, dealId)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ dealId, by: 'buyer', reason: 'The customer order fell through.' }),
      }),
    ]);
    expect(await noticesOf(world.owner, dealId)).toEqual([]);
    const audit = await rt.call('GET', `/v1/audit?entityId=${dealId}`, { token: world.operator.token });
    expect(audit.body.items.at(-1)).toMatchObject({
      action: 'deal.cancelled',
      actor: { orgId: world.owner.orgId },
      before: { status: 'awarded' },
      after: { status: 'cancelled', by: 'buyer' },
    });
    // A cancelled deal takes no further step, and is not cancelled twice.
    expect((await rt.call('POST', `/v1/deals/${dealId}/confirm`, { token: seller.token })).status).toBe(409);
    const again = await cancel(dealId, seller);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('deal.not_cancellable');
    const listed = await rt.call('GET', '/v1/deals?role=seller', { token: seller.token });
    expect(listed.body.items.find((d: any) => d.dealId === dealId)?.status).toBe('cancelled');
  });

  it('lets the seller cancel a confirmed deal and tells the buyer', async () => {
    const { dealId, seller } = await dealAfter('confirm');
    const res = await cancel(dealId, seller, { reason: 'The furnace failed; we cannot deliver.' });
    expect(res.status).toBe(200);
    expect(res.body.cancellation).toMatchObject({ by: 'seller' });
    expect(await noticesOf(world.owner, dealId)).toHaveLength(1);
  });

  it('refuses to cancel once the goods are delivered or accepted (409)', async () => {
    const delivered = await dealAfter('confirm', 'deliver');
    const res = await cancel(delivered.dealId, world.owner);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('deal.not_cancellable');
    const accepted = await dealAfter('confirm', 'deliver', 'accept-delivery');
    expect((await cancel(accepted.dealId, accepted.seller)).status).toBe(409);
    const stored = await rt.call('GET', `/v1/deals/${accepted.dealId}`, { token: world.owner.token });
    expect(stored.body.status).toBe('accepted');
  });

  it('hides the deal from everyone not party to it, the park’s operator included (404)', async () => {
    const { dealId } = await dealAfter();
    expect((await cancel(dealId, world.suppliers[1]!)).status).toBe(404);
    const otherTenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    expect((await cancel(dealId, otherTenant)).status).toBe(404);
    expect((await cancel(dealId, world.operator)).status).toBe(404);
    expect((await rt.call('GET', `/v1/deals/${dealId}`, { token: world.owner.token })).body.status).toBe(
      'awarded',
    );
  });

  it('wants a reason, refuses unknown fields and a stale If-Match, and changes nothing then', async () => {
    const { dealId } = await dealAfter();
    expect((await cancel(dealId, world.owner, {})).status).toBe(400);
    expect((await cancel(dealId, world.owner, { reason: '   ' })).status).toBe(400);
    expect((await cancel(dealId, world.owner, { reason: 'x', status: 'accepted' })).status).toBe(400);
    expect((await cancel(dealId, world.owner, { reason: 'x' }, { 'if-match': '"v99"' })).status).toBe(412);
    const stored = await rt.call('GET', `/v1/deals/${dealId}`, { token: world.owner.token });
    expect(stored.body.status).toBe('awarded');
    const ok = await cancel(
      dealId,
      world.owner,
      { reason: 'Now.' },
      { 'if-match': stored.headers.get('etag')! },
    );
    expect(ok.status).toBe(200);
  });

  it('lets exactly one of a racing delivery and cancellation win', async () => {
    const { dealId, seller } = await dealAfter('confirm');
    const server = await rt.listen();
    try {
      const [delivered, cancelled] = await Promise.all([
        server.http('POST', `/v1/deals/${dealId}/deliver`, { token: seller.token }),
        server.http('POST', `/v1/deals/${dealId}/cancel`, {
          token: world.owner.token,
          body: { reason: 'Racing the truck.' },
        }),
      ]);
      expect([delivered.status, cancelled.status].sort()).toEqual([200, 409]);
      const final = (await rt.call('GET', `/v1/deals/${dealId}`, { token: seller.token })).body.status;
      expect(final).toBe(delivered.status === 200 ? 'delivered' : 'cancelled');
    } finally {
      await server.close();
    }
  });
});
