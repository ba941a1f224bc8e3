import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

const clock = fixedClock('2030-04-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
let elsewhere: { parkId: string; supplier: { token: string; orgId: string } };
/** A firm located in the delivery park that also supplies (approved there as tenant and supplier). */
let inPark: { token: string; orgId: string };

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 2 });
  inPark = await rt.firm({
    kinds: ['tenant', 'supplier'],
    approvedIn: { parkId: world.parkId, operatorToken: world.operator.token, as: ['tenant', 'supplier'] },
  });
  const other = await rt.park({ name: 'Another park' });
  elsewhere = {
    parkId: other.parkId,
    supplier: await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
    }),
  };
});
afterAll(() => rt.stop());

const need = (extra: Parameters<typeof openNeed>[1] extends infer O ? Partial<O> : never = {}) => {
  clock.set('2030-04-01T08:00:00.000Z');
  return openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: '2030-04-02T08:00:00.000Z',
    ...extra,
  });
};
const post = (needId: string, token: string, amount = 1000) =>
  rt.call('POST', `/v1/needs/${needId}/bids`, { token, body: bidBody(amount) });

describe('who may bid', () => {
  // A supplier who may not take part does not see the need: 404 comes before any rule.
  it('refuses a supplier with no approved membership anywhere (it does not see the need)', async () => {
    const n = await need();
    const stranger = await rt.firm({ kinds: ['supplier'] });
    const res = await post(n.needId, stranger.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('need.not_found');
  });

  it('refuses a tenant-only firm with 403: bidding is a supplier role', async () => {
    const n = await need();
    expect((await post(n.needId, world.owner.token)).status).toBe(403);
  });

  it('answers 404 for a draft need and for an unknown one', async () => {
    const draft = await need({ draft: true });
    expect((await post(draft.needId, world.suppliers[0]!.token)).status).toBe(404);
    expect((await post('need_01J0000000000000000000000', world.suppliers[0]!.token)).status).toBe(404);
  });

  it('refuses a supplier whose membership was suspended', async () => {
    const n = await need();
    const s = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const suspended = await rt.call('POST', `/v1/parks/${world.parkId}/memberships/${s.orgId}/suspend`, {
      token: world.operator.token,
      body: { reason: 'Unpaid fees.' },
    });
    expect(suspended.status).toBe(200);
    const res = await post(n.needId, s.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('need.not_found');
  });

  it('lets a supplier approved in another park bid on a public need, but not on a park-only one', async () => {
    const open = await need({ visibility: 'public' });
    expect((await post(open.needId, elsewhere.supplier.token)).status).toBe(201);
    const parkOnly = await need({ visibility: 'park' });
    const res = await post(parkOnly.needId, elsewhere.supplier.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('need.not_found');
  });

  it('keeps the park-first window to firms located in the delivery park, then opens it to the others', async () => {
    const n = await need({ parkFirstHours: 12 });
    clock.set('2030-04-01T19:59:59.999Z');
    const early = await post(n.needId, elsewhere.supplier.token);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('bid.park_first');
    expect((await post(n.needId, inPark.token)).status).toBe(201);
    clock.set('2030-04-01T20:00:00.000Z');
    expect((await post(n.needId, elsewhere.supplier.token)).status).toBe(201);
  });

  it('makes a supplier approved only to serve the park wait for the end of the park-first window', async () => {
    const n = await need({ parkFirstHours: 12 });
    const servesThePark = world.suppliers[0]!;
    clock.set('2030-04-01T19:59:59.999Z');
    const early = await post(n.needId, servesThePark.token);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('bid.park_first');
    const asked = await rt.call('POST', `/v1/needs/${n.needId}/questions`, {
      token: servesThePark.token,
      body: { text: 'May we deliver in two lots?' },
    });
    expect(asked.status).toBe(422);
    expect(asked.body.code).toBe('bid.park_first');
    clock.set('2030-04-01T20:00:00.000Z');
    expect((await post(n.needId, servesThePark.token)).status).toBe(201);
  });

  it('requires every required certificate to be verified and valid at the moment of the bid', async () => {
    const n = await need({ requiredCertificates: ['iso_9001', 'iso_14001'] });
    const s = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const none = await post(n.needId, s.token);
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('bid.certificate_missing');

    await rt.verifiedCertificate(s.token, s.orgId, world.operator.token, 'iso_9001');
    // Claimed but not verified does not count.
    await rt.call('POST', `/v1/orgs/${s.orgId}/certificates`, {
      token: s.token,
      body: { kind: 'iso_14001', number: 'E-1', issuer: 'Issuer', validUntil: '2099-01-01' },
    });
    const half = await post(n.needId, s.token);
    expect(half.status).toBe(422);
    expect(half.body.detail).toContain('iso_14001');

    // Verified but expired the day before does not count either.
    await rt.verifiedCertificate(s.token, s.orgId, world.operator.token, 'iso_14001', '2030-03-31');
    expect((await post(n.needId, s.token)).status).toBe(422);

    await rt.verifiedCertificate(s.token, s.orgId, world.operator.token, 'iso_14001', '2031-12-31');
    expect((await post(n.needId, s.token)).status).toBe(201);
  });

  it('refuses a bid whose validity ends before the close, or that offers more than asked', async () => {
    const n = await need({ quantity: 50 });
    const s = world.suppliers[0]!;
    const shortLived = await rt.call('POST', `/v1/needs/${n.needId}/bids`, {
      token: s.token,
      body: bidBody(1000, { quantity: 50, validUntil: '2030-04-02T07:00:00Z' }),
    });
    expect(shortLived.status).toBe(422);
    expect(shortLived.body.errors[0].path).toBe('validUntil');
    const tooMuch = await rt.call('POST', `/v1/needs/${n.needId}/bids`, {
      token: s.token,
      body: bidBody(1000, { quantity: 51 }),
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('bid.quantity_too_large');
  });

  it('refuses malformed bids with 400 and names the fields', async () => {
    const n = await need();
    const res = await rt.call('POST', `/v1/needs/${n.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: { ...bidBody(10.5), leadTimeDays: -1, sneaky: true },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['unitPrice.amount', 'leadTimeDays']));
  });
});
