import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, expoWithPavilion } from './expo-fixture';

const clock = fixedClock(new Date());
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { holdTtlS: 60 } });
});
afterAll(() => rt.stop());

const job = (name: string) => rt.jobs.schedules.find((j) => j.name === name)!;
const consumer = (name: string) => rt.jobs.consumers.find((c) => c.name === name)!;

describe('the expos jobs', { timeout: 120_000 }, () => {
  it('the sweeper marks lapsed holds expired once, and a second run finds nothing', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firm = await rt.firm({ kinds: ['supplier'] });
    const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
    expect((await job('expos.hold-expiry').run(clock.now())).processed).toBe(0);

    clock.advance(61_000);
    expect((await job('expos.hold-expiry').run(clock.now())).processed).toBe(1);
    expect((await job('expos.hold-expiry').run(clock.now())).processed).toBe(0);
    const audit = await rt.call('GET', `/v1/audit?entityId=${held.body.bookingId}`, {
      token: operator.token,
    });
    expect(
      audit.body.items.map((r: { action: string; actor: { userId: string } }) => [r.action, r.actor.userId]),
    ).toEqual([
      ['booking.held', expect.any(String)],
      ['booking.expired', 'system'],
    ]);
    const notes = await rt.call('GET', '/v1/notifications', { token: firm.token });
    expect(notes.body.items.filter((n: { kind: string }) => n.kind === 'booking.expired')).toHaveLength(1);
  });

  it('the waitlist consumer offers a freed slot once, however often the change is delivered', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const [holder, first, second] = [
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['supplier'] }),
    ];
    const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder.token });
    await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: first.token });
    clock.advance(1000);
    await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: second.token });
    clock.advance(61_000); // the hold lapses; no sweeper runs

    const change = {
      id: 'seq-1',
      kind: 'MODIFY' as const,
      oldImage: { type: 'booking', status: 'held', slotId: slot.slotId, sliceId: null },
      newImage: {
        type: 'booking',
        status: 'expired',
        slotId: slot.slotId,
        sliceId: null,
        bookingId: held.body.bookingId,
      },
    };
    const offers = consumer('expos.waitlist-offers');
    expect(offers.wants(change)).toBe(true);
    expect(offers.wants({ ...change, oldImage: change.newImage })).toBe(false);
    await offers.handle(change);
    await offers.handle(change);

    const bookingsOf = async (token: string) =>
      (await rt.call('GET', '/v1/bookings?mine=true', { token })).body.items.filter(
        (b: { slotId: string }) => b.slotId === slot.slotId,
      );
    expect(await bookingsOf(first.token)).toMatchObject([{ status: 'held', viaWaitlist: true }]);
    expect(await bookingsOf(second.token)).toEqual([]);
    const notes = await rt.call('GET', '/v1/notifications', { token: first.token });
    expect(notes.body.items.filter((n: { kind: string }) => n.kind === 'booking.offered')).toHaveLength(1);
  });
});
