import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from '../bidding/support/needs';
import { bidBody, biddingWorld } from '../bidding/support/world';

const clock = fixedClock('2030-06-01T08:00:00.000Z');
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, jobs: true, mail: { dispatchEveryMs: 250 } });
});
afterAll(() => rt.stop());

const kindsOf = async (token: string) =>
  ((await rt.call('GET', '/v1/notifications', { token })).body.items as { kind: string }[]).map(
    (n) => n.kind,
  );

describe('being outbid in a reverse auction', () => {
  it('tells the bidder who lost the lead, in the app and at once by email, and not one who withdrew', {
    timeout: 120_000,
  }, async () => {
    const world = await biddingWorld(rt, { suppliers: 3 });
    const [a, b, c] = world.suppliers;
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: '2030-06-01T12:00:00.000Z',
      mode: 'auction',
      auction: { minDecrementBps: 100, maxExtensions: 2 },
      title: 'Zinc ingot SHG, 25 t',
    });
    clock.set('2030-06-01T09:00:00.000Z');
    const bid = (who: { token: string }, amount: number) =>
      rt.call('POST', `/v1/needs/${need.needId}/bids`, { token: who.token, body: bidBody(amount) });
    expect((await bid(a!, 10_000)).status).toBe(201);
    expect((await bid(b!, 9_800)).status).toBe(201);
    await eventually(
      () => kindsOf(a!.token),
      (k) => k.includes('bid.outbid'),
    );
    const aEmail = (await rt.call('GET', '/v1/me', { token: a!.token })).body.emailAddress as string;
    const [mail] = await rt.mail.server.waitFor(aEmail, 1);
    // A firm in Iran that chose no language reads Persian.
    expect(mail!.subject).toBe('پیشنهاد بهتری از شما برای Zinc ingot SHG, 25 t رسید');
    // The leader withdraws and the lead falls back to A: B gave it up, nobody outbid B.
    const withdrawn = await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: b!.token });
    expect(withdrawn.status).toBe(200);
    // C takes the lead from A: A is told a second time; B, who withdrew, never.
    expect((await bid(c!, 9_500)).status).toBe(201);
    await eventually(
      () => kindsOf(a!.token),
      (k) => k.filter((x) => x === 'bid.outbid').length === 2,
      60_000,
    );
    expect(await kindsOf(b!.token)).not.toContain('bid.outbid');
    expect(await kindsOf(c!.token)).not.toContain('bid.outbid');
  });
});
