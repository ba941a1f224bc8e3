import { quotaEnvName } from '@parkbridge/config';
import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from '../bidding/support/needs';
import { bidBody, biddingWorld } from '../bidding/support/world';
import { addSlot, expoWithPavilion } from '../expos/expo-fixture';

// Quotas (packages/config/src/quotas.ts), small here through the same environment variables an
// operator would set: past a limit, 429 rate_limited with Retry-After, and nothing written.

const clock = fixedClock('2030-07-01T08:10:00.000Z');
const HOUR = 3600;
const env = {
  ...process.env,
  [quotaEnvName('question.ask', 'user')]: `3/${HOUR}`,
  [quotaEnvName('question.ask', 'org')]: `5/${HOUR}`,
  [quotaEnvName('listing.create', 'user')]: 'off',
  [quotaEnvName('listing.create', 'org')]: `7/${HOUR}`,
  [quotaEnvName('need.create', 'user')]: `5/${HOUR}`,
  [quotaEnvName('bid.place', 'user')]: `2/${HOUR}`,
  [quotaEnvName('slot.hold', 'user')]: `1/${HOUR}`,
  [quotaEnvName('membership.apply', 'org')]: '1/86400',
  [quotaEnvName('certificate.claim', 'org')]: '1/86400',
  [quotaEnvName('upload.create', 'user')]: `1/${HOUR}`,
};

let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, env, rules: { maxClaimsPerOrgPerExpo: 100 } });
  world = await biddingWorld(rt, { suppliers: 2 });
});
afterAll(() => rt.stop());

const need = () =>
  openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: '2030-07-03T08:00:00.000Z' });
const ask = (needId: string, token: string, i: number) =>
  rt.call('POST', `/v1/needs/${needId}/questions`, { token, body: { text: `Question ${i}?` } });

function expectLimited(res: { status: number; body: any; headers: Headers }, maxRetryS: number) {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('rate_limited');
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(maxRetryS);
}

describe('quotas', () => {
  it('answers 429 rate_limited with Retry-After past a person’s question limit, and writes nothing more', async () => {
    const n = await need();
    const supplier = world.suppliers[0]!;
    for (let i = 0; i < 3; i++) expect((await ask(n.needId, supplier.token, i)).status).toBe(201);
    const over = await ask(n.needId, supplier.token, 3);
    // 08:10 in an hourly window: the window ends at 09:00, 50 minutes on.
    expectLimited(over, 50 * 60);
    expect(Number(over.headers.get('retry-after'))).toBe(50 * 60);
    const owner = await rt.call('GET', `/v1/needs/${n.needId}/questions`, { token: world.owner.token });
    expect(owner.body.items).toHaveLength(3);
    const notes = await rt.call('GET', '/v1/notifications?limit=100', { token: world.owner.token });
    expect(
      notes.body.items.filter((x: any) => x.kind === 'question.asked' && x.entityId === n.needId),
    ).toHaveLength(3);
  });

  it('admits again in the next window', async () => {
    const n = await need();
    const supplier = world.suppliers[1]!;
    for (let i = 0; i < 3; i++) await ask(n.needId, supplier.token, i);
    expect((await ask(n.needId, supplier.token, 3)).status).toBe(429);
    clock.set('2030-07-01T09:00:00.000Z');
    expect((await ask(n.needId, supplier.token, 4)).status).toBe(201);
    clock.set('2030-07-01T08:10:00.000Z');
  });

  it('holds an organisation’s limit under parallel requests: exactly the limit is written', async () => {
    const supplier = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const listing = (i: number) => ({
      kind: 'product',
      title: `Galvanised pipe lot ${i}`,
      description: 'Ex works.',
      category: '2410',
      unit: 't',
      leadTimeDays: 7,
      serviceArea: { scope: 'national' },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rt.call('POST', '/v1/listings', { token: supplier.token, body: listing(i) }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(7);
    for (const r of results.filter((x) => x.status !== 201)) expectLimited(r, HOUR);
    const mine = await rt.call('GET', '/v1/listings?mine=true&limit=100', { token: supplier.token });
    expect(mine.body.items).toHaveLength(7);
  });

  it('counts needs, bids, holds, applications, certificate claims and uploads', async () => {
    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const needBody = {
      title: 'Zinc ingots',
      description: 'Monthly.',
      category: '2420',
      quantity: 5,
      unit: 't',
      parkId: world.parkId,
      currency: 'IRR',
      closesAt: '2030-07-05T08:00:00.000Z',
      mode: 'sealed',
    };
    const needs = [];
    for (let i = 0; i < 6; i++)
      needs.push(await rt.call('POST', '/v1/needs', { token: tenant.token, body: needBody }));
    expect(needs.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429]);

    const n = await need();
    const bidder = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    expect(
      (await rt.call('POST', `/v1/needs/${n.needId}/bids`, { token: bidder.token, body: bidBody(900) }))
        .status,
    ).toBe(201);
    const revise = (amount: number) =>
      rt.call('PUT', `/v1/needs/${n.needId}/bids/mine`, { token: bidder.token, body: bidBody(amount) });
    expect((await revise(880)).status).toBe(200);
    expectLimited(await revise(860), HOUR);

    const e = await expoWithPavilion(rt);
    const slots = [
      await addSlot(rt, e.operator.token, e.pavilionId, 0),
      await addSlot(rt, e.operator.token, e.pavilionId, 1),
    ];
    const holder = await rt.firm({ kinds: ['supplier'] });
    expect(
      (await rt.call('POST', `/v1/slots/${slots[0]!.slotId}/hold`, { token: holder.token })).status,
    ).toBe(201);
    expectLimited(await rt.call('POST', `/v1/slots/${slots[1]!.slotId}/hold`, { token: holder.token }), HOUR);

    const other = await rt.park({ name: 'Second park' });
    const third = await rt.park({ name: 'Third park' });
    expect(
      (await rt.call('POST', `/v1/parks/${other.parkId}/memberships`, { token: holder.token })).status,
    ).toBe(201);
    expectLimited(
      await rt.call('POST', `/v1/parks/${third.parkId}/memberships`, { token: holder.token }),
      86_400,
    );

    const cert = { kind: 'iso_9001', number: 'QMS-1', issuer: 'TÜV', validUntil: '2031-01-01' };
    const claim = () =>
      rt.call('POST', `/v1/orgs/${holder.orgId}/certificates`, { token: holder.token, body: cert });
    expect((await claim()).status).toBe(201);
    expectLimited(await claim(), 86_400);

    const upload = { purpose: 'need', fileName: 'drawing.pdf', contentType: 'application/pdf', size: 1000 };
    const presign = () => rt.call('POST', '/v1/uploads', { token: holder.token, body: upload });
    expect((await presign()).status).toBe(201);
    expectLimited(await presign(), HOUR);
  });
});
