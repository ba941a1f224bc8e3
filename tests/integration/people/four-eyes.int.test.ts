import { fixedClock } from '@parkbridge/domain/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Colleague, colleague } from '../../support/people';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from '../bidding/support/needs';
import { bidBody, biddingWorld } from '../bidding/support/world';

const clock = fixedClock('2030-07-01T08:00:00.000Z');
const CLOSE = '2030-07-01T12:00:00.000Z';
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
let buyer: Colleague;
let secondAdmin: Colleague;
const IRR = (amount: number) => ({ amount, currency: 'IRR' });

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 2 });
  [buyer, secondAdmin] = await Promise.all([
    colleague(rt, world.owner, 'buyer'),
    colleague(rt, world.owner, 'admin'),
  ]);
  // Awards above 100,000 IRR need a second pair of eyes.
  const set = await rt.call('PATCH', `/v1/orgs/${world.owner.orgId}`, {
    token: world.owner.token,
    body: { awardApprovalAbove: IRR(100_000) },
  });
  expect(set.status).toBe(200);
});
afterAll(() => rt.stop());

/** A closed need with a bid of `unit` IRR per tonne from each supplier (100 t each). */
async function closedNeed(unit = 2000) {
  clock.set('2030-07-01T08:00:00.000Z');
  const need = await openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: CLOSE });
  clock.set('2030-07-01T09:00:00.000Z');
  const bidIds: string[] = [];
  for (const s of world.suppliers) {
    const res = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: s.token,
      body: bidBody(unit),
    });
    expect(res.status).toBe(201);
    bidIds.push(res.body.bidId);
  }
  clock.set('2030-07-01T12:00:00.000Z');
  return { needId: need.needId, bidIds };
}

const award = (needId: string, bidId: string, token: string) =>
  rt.call('POST', `/v1/needs/${needId}/award`, { token, body: { bidId } });
const approve = (needId: string, token: string) =>
  rt.call('POST', `/v1/needs/${needId}/award/approve`, { token });
const pending = (needId: string, token = world.owner.token) =>
  rt.call('GET', `/v1/needs/${needId}/award/request`, { token });

describe('four eyes on large awards', () => {
  it('lets only an admin set the threshold', async () => {
    const res = await rt.call('PATCH', `/v1/orgs/${world.owner.orgId}`, {
      token: buyer.token,
      body: { awardApprovalAbove: null },
    });
    expect(res.status).toBe(403);
    expect(
      (await rt.call('GET', `/v1/orgs/${world.owner.orgId}`, { token: buyer.token })).body.awardApprovalAbove,
    ).toEqual(IRR(100_000));
  });

  it('makes a buyer’s award above the threshold wait (202), shows it to the admins, and another admin completes it', async () => {
    const { needId, bidIds } = await closedNeed(2000); // 200,000 IRR
    const res = await award(needId, bidIds[1]!, buyer.token);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      status: 'pending_approval',
      request: {
        needId,
        bidId: bidIds[1],
        total: IRR(200_000),
        requestedBy: buyer.userId,
        status: 'pending',
      },
    });
    // Nothing is awarded yet; the request is the owner's people's to see, the list the admins'.
    expect((await rt.call('GET', `/v1/needs/${needId}`, { token: buyer.token })).body.status).not.toBe(
      'awarded',
    );
    expect((await pending(needId, buyer.token)).body.requestId).toBe(res.body.request.requestId);
    const list = await rt.call('GET', `/v1/orgs/${world.owner.orgId}/award-requests`, {
      token: secondAdmin.token,
    });
    expect(list.body.items.map((r: { needId: string }) => r.needId)).toContain(needId);
    expect(
      (await rt.call('GET', `/v1/orgs/${world.owner.orgId}/award-requests`, { token: buyer.token })).status,
    ).toBe(403);
    expect((await pending(needId, world.suppliers[0]!.token)).status).toBe(403);

    const done = await approve(needId, secondAdmin.token);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ needId, bidId: bidIds[1], status: 'awarded', total: IRR(200_000) });
    expect((await pending(needId)).status).toBe(404);
    const trail = (await rt.container.repos.audit.list(needId, { limit: 50 })).items;
    expect(trail.at(-1)).toMatchObject({
      action: 'need.awarded',
      actor: { userId: secondAdmin.userId },
      after: { requestedBy: buyer.userId, approvedBy: secondAdmin.userId, dealId: done.body.dealId },
    });
    const request = (await rt.container.repos.audit.list(res.body.request.requestId, { limit: 10 })).items;
    expect(request.map((r) => [r.action, r.actor.userId])).toEqual([
      ['award.requested', buyer.userId],
      ['award.approved', secondAdmin.userId],
    ]);
    expect((await approve(needId, world.owner.token)).body.code).toBe('award.no_pending_request');
  });

  it('awards at once when the total is at or under the threshold, or when an admin awards', async () => {
    const small = await closedNeed(1000); // exactly 100,000 IRR
    expect((await award(small.needId, small.bidIds[0]!, buyer.token)).status).toBe(201);
    const large = await closedNeed(5000);
    expect((await award(large.needId, large.bidIds[0]!, world.owner.token)).status).toBe(201);
  });

  it('never lets the one who asked approve, even after becoming an admin', async () => {
    const { needId, bidIds } = await closedNeed(3000);
    const asker = await colleague(rt, world.owner, 'buyer');
    expect((await award(needId, bidIds[0]!, asker.token)).status).toBe(202);
    expect((await approve(needId, asker.token)).status).toBe(403);
    const promoted = await rt.call('PATCH', `/v1/orgs/${world.owner.orgId}/members/${asker.userId}`, {
      token: world.owner.token,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    const own = await approve(needId, await rt.login(asker.email));
    expect(own).toMatchObject({ status: 403, body: { code: 'award.own_request' } });
    expect((await pending(needId)).status).toBe(200);
  });

  it('keeps the close-to-award rules at approval: a bid that lapsed meanwhile cannot win', async () => {
    clock.set('2030-07-01T08:00:00.000Z');
    const need = await openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: CLOSE });
    clock.set('2030-07-01T09:00:00.000Z');
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(4000, { validUntil: '2030-07-02T00:00:00Z' }),
    });
    clock.set('2030-07-01T12:00:00.000Z');
    expect((await award(need.needId, bid.body.bidId, buyer.token)).status).toBe(202);
    clock.set('2030-07-02T08:00:00.000Z');
    const late = await approve(need.needId, secondAdmin.token);
    expect(late).toMatchObject({ status: 422, body: { code: 'award.bid_expired' } });
  });

  it('allows one pending request per need; an admin may decline it, and the buyer may ask again', async () => {
    const { needId, bidIds } = await closedNeed(2500);
    expect((await award(needId, bidIds[0]!, buyer.token)).status).toBe(202);
    const again = await award(needId, bidIds[1]!, buyer.token);
    expect(again).toMatchObject({ status: 409, body: { code: 'award.approval_pending' } });
    const declined = await rt.call('POST', `/v1/needs/${needId}/award/decline`, { token: secondAdmin.token });
    expect(declined.body).toMatchObject({ status: 'declined', decidedBy: secondAdmin.userId });
    expect((await award(needId, bidIds[1]!, buyer.token)).status).toBe(202);
  });

  it('lets an admin’s own award settle a waiting request (superseded)', async () => {
    const { needId, bidIds } = await closedNeed(2500);
    const asked = await award(needId, bidIds[0]!, buyer.token);
    const direct = await award(needId, bidIds[1]!, secondAdmin.token);
    expect(direct.status).toBe(201);
    expect((await pending(needId)).status).toBe(404);
    const trail = (await rt.container.repos.audit.list(asked.body.request.requestId, { limit: 10 })).items;
    expect(trail.map((r) => r.action)).toEqual(['award.requested', 'award.superseded']);
  });

  it('makes one deal of two admins approving at the same moment', async () => {
    const { needId, bidIds } = await closedNeed(2500);
    expect((await award(needId, bidIds[0]!, buyer.token)).status).toBe(202);
    const server = await rt.listen();
    try {
      const [a, b] = await Promise.all([
        server.http('POST', `/v1/needs/${needId}/award/approve`, { token: secondAdmin.token }),
        server.http('POST', `/v1/needs/${needId}/award/approve`, { token: world.owner.token }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const deals = await rt.call('GET', '/v1/deals?role=buyer&limit=100', { token: world.owner.token });
      expect(deals.body.items.filter((d: { needId: string }) => d.needId === needId)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('asks for approval of an award in another currency than the threshold’s (it cannot be compared)', async () => {
    const res = await rt.call('PATCH', `/v1/orgs/${world.owner.orgId}`, {
      token: world.owner.token,
      body: { awardApprovalAbove: { amount: 10, currency: 'USD' } },
    });
    expect(res.status).toBe(200);
    try {
      const { needId, bidIds } = await closedNeed(1);
      expect((await award(needId, bidIds[0]!, buyer.token)).status).toBe(202);
    } finally {
      await rt.call('PATCH', `/v1/orgs/${world.owner.orgId}`, {
        token: world.owner.token,
        body: { awardApprovalAbove: IRR(100_000) },
      });
    }
  });
});

describe('an invitation’s seven days', () => {
  it('answers 422 invitation.expired after seven days, and lets the admin invite the address again', async () => {
    clock.set('2030-08-01T00:00:00.000Z');
    const email = rt.unique('late');
    const inv = await rt.call('POST', `/v1/orgs/${world.owner.orgId}/invitations`, {
      token: world.owner.token,
      body: { email, role: 'viewer' },
    });
    const token = await rt.login(email);
    clock.set('2030-08-07T23:59:59.000Z');
    expect((await rt.call('GET', '/v1/invitations/mine', { token })).body.items).toHaveLength(1);
    clock.set('2030-08-08T00:00:00.000Z');
    const late = await rt.call('POST', `/v1/invitations/${inv.body.invitationId}/accept`, { token });
    expect(late).toMatchObject({ status: 422, body: { code: 'invitation.expired' } });
    expect((await rt.call('GET', '/v1/invitations/mine', { token })).body.items).toEqual([]);
    const list = await rt.call('GET', `/v1/orgs/${world.owner.orgId}/invitations`, {
      token: world.owner.token,
    });
    expect(
      list.body.items.find((i: { invitationId: string }) => i.invitationId === inv.body.invitationId)?.status,
    ).toBe('expired');
    const anew = await rt.call('POST', `/v1/orgs/${world.owner.orgId}/invitations`, {
      token: world.owner.token,
      body: { email, role: 'viewer' },
    });
    expect(anew.status).toBe(201);
    expect(
      (await rt.call('POST', `/v1/invitations/${anew.body.invitationId}/accept`, { token })).status,
    ).toBe(201);
    expect(decodeJwt(await rt.login(email))).toMatchObject({ org: world.owner.orgId, role: 'viewer' });
  });
});
