import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { amendNeed, cancelNeed, extendNeed, openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

describe('the close job, on a fixed clock', () => {
  const clock = fixedClock('2030-08-01T08:00:00.000Z');
  let rt: TestRuntime;
  let world: Awaited<ReturnType<typeof biddingWorld>>;
  beforeAll(async () => {
    rt = await startTestRuntime({ clock });
    world = await biddingWorld(rt, { suppliers: 1 });
  });
  afterAll(() => rt.stop());
  const job = () => rt.jobs.schedules.find((j) => j.name === 'bidding.close-needs')!;

  it('closes a need once its effective close has passed, once, and tells the owner how many bids came', async () => {
    clock.set('2030-08-01T08:00:00.000Z');
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: '2030-08-01T10:00:00.000Z',
    });
    await rt.container.bidding.closing.track(need.needId);
    await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(500),
    });

    clock.set('2030-08-01T09:59:59.999Z');
    await job().run(clock.now());
    expect((await rt.container.bidding.repos.needs.get(need.needId))!.status).toBe('open');

    clock.set('2030-08-01T10:00:00.000Z');
    await job().run(clock.now());
    expect((await rt.container.bidding.repos.needs.get(need.needId))!.status).toBe('closed');
    expect(await job().run(clock.now())).toEqual({ processed: 0 });
    const notes = await rt.call('GET', '/v1/notifications', { token: world.owner.token });
    expect(
      notes.body.items.filter((n: any) => n.kind === 'need.closed' && n.entityId === need.needId),
    ).toEqual([expect.objectContaining({ data: { needId: need.needId, bids: 1 } })]);
    const audit = await rt.call('GET', `/v1/audit?entityId=${need.needId}`, { token: world.operator.token });
    expect(audit.body.items.at(-1)).toMatchObject({ action: 'need.closed', actor: { userId: 'system' } });
  });

  it('waits for a close that moved after it was scheduled', async () => {
    clock.set('2030-08-01T08:00:00.000Z');
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: '2030-08-01T10:00:00.000Z',
    });
    await rt.container.bidding.closing.track(need.needId);
    // The owner extended it; the stream consumer that would reschedule has not run yet.
    await extendNeed(rt, world.owner, need.needId, '2030-08-01T11:00:00.000Z');
    clock.set('2030-08-01T10:30:00.000Z');
    expect(await job().run(clock.now())).toEqual({ processed: 0 });
    expect((await rt.container.bidding.repos.needs.get(need.needId))!.status).toBe('open');
    clock.set('2030-08-01T11:00:00.000Z');
    expect(await job().run(clock.now())).toEqual({ processed: 1 });
  });

  it('never needs the job to refuse a late bid: the write refuses it while the need still says open', async () => {
    clock.set('2030-08-01T08:00:00.000Z');
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: '2030-08-01T10:00:00.000Z',
    });
    clock.set('2030-08-01T10:00:00.001Z');
    expect((await rt.container.bidding.repos.needs.get(need.needId))!.status).toBe('open');
    const late = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: world.suppliers[0]!.token,
      body: bidBody(500),
    });
    expect(late.status).toBe(422);
  });
});

describe('the jobs, running off the table stream as the local server runs them', () => {
  let rt: TestRuntime;
  let world: Awaited<ReturnType<typeof biddingWorld>>;
  beforeAll(async () => {
    rt = await startTestRuntime({ jobs: true, rules: { minBiddingWindowS: 0 } });
    world = await biddingWorld(rt, { suppliers: 2 });
  });
  afterAll(() => rt.stop());

  const kindsFor = async (token: string, needId: string) =>
    (await rt.call('GET', '/v1/notifications', { token })).body.items
      .filter((n: any) => n.entityId === needId)
      .map((n: any) => n.kind);

  it('schedules a published need and closes it by itself after its close', async () => {
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: new Date(Date.now() + 1500),
    });
    const { value: closed } = await eventually(
      () => rt.container.bidding.repos.needs.get(need.needId),
      (n) => n?.status === 'closed',
    );
    expect(closed!.status).toBe('closed');
  });

  it('tells the bidders when the market context cancels a need, and asks them to reconfirm after an amendment', async () => {
    const [a, b] = world.suppliers;
    const amended = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: new Date(Date.now() + 3600_000),
    });
    const cancelled = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: new Date(Date.now() + 3600_000),
    });
    for (const n of [amended, cancelled]) {
      for (const s of [a!, b!]) {
        expect(
          (await rt.call('POST', `/v1/needs/${n.needId}/bids`, { token: s.token, body: bidBody(700) }))
            .status,
        ).toBe(201);
      }
    }
    await amendNeed(rt, world.owner, amended.needId, 'Thicker coil.');
    await cancelNeed(rt, world.owner, cancelled.needId, 'The line was sold.');
    for (const s of [a!, b!]) {
      expect(
        (
          await eventually(
            () => kindsFor(s.token, amended.needId),
            (k) => k.includes('bid.needs_reconfirmation'),
          )
        ).value,
      ).toContain('bid.needs_reconfirmation');
      expect(
        (
          await eventually(
            () => kindsFor(s.token, cancelled.needId),
            (k) => k.includes('need.cancelled'),
          )
        ).value,
      ).toEqual(['need.cancelled']);
    }
    const mine = await rt.call('GET', `/v1/needs/${amended.needId}/bids/mine`, { token: a!.token });
    expect(mine.body.status).toBe('needs_reconfirmation');
    const stored = await rt.container.bidding.repos.bids.get(amended.needId, a!.orgId);
    expect(stored!.status).toBe('needs_reconfirmation');
  });
});
