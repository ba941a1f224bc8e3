import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

const clock = fixedClock(new Date());
const HOLD_TTL_S = 600;
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { holdTtlS: HOLD_TTL_S } });
});
afterAll(() => rt.stop());

/** Runs the hold-expiry sweeper once, as the scheduler would. */
const sweep = () => rt.jobs.schedules.find((j) => j.name === 'expos.hold-expiry')!.run(clock.now());
const lapse = () => clock.advance(HOLD_TTL_S * 1000 + 1000);

async function heldBy(token: string, slotId: string) {
  const mine = await rt.call('GET', '/v1/bookings?mine=true', { token });
  return mine.body.items.find(
    (b: { slotId: string; status: string }) => b.slotId === slotId && b.status === 'held',
  );
}

describe('waitlists', { timeout: 120_000 }, () => {
  it('offers a freed slot to park members first, then in order of joining, and to the next when an offer lapses', async () => {
    const { operator, parkId, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const holder = await rt.firm({ kinds: ['supplier'] });
    const outsiderFirst = await rt.firm({ kinds: ['supplier'], name: 'Outside, joined first' });
    const member = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const outsiderLast = await rt.firm({ kinds: ['supplier'], name: 'Outside, joined last' });
    const leaver = await rt.firm({ kinds: ['supplier'] });

    const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder.token });
    expect(held.status).toBe(201);
    for (const f of [outsiderFirst, leaver, member, outsiderLast]) {
      clock.advance(1000);
      const joined = await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: f.token });
      expect(joined.status).toBe(201);
    }
    expect(
      (await rt.call('DELETE', `/v1/slots/${slot.slotId}/waitlist`, { token: leaver.token })).body.status,
    ).toBe('left');
    const positions = await Promise.all(
      [member, outsiderFirst, outsiderLast].map(async (f) => {
        const r = await rt.call('GET', `/v1/slots/${slot.slotId}/waitlist`, { token: f.token });
        return [r.body.place.priority, r.body.position];
      }),
    );
    expect(positions).toEqual([
      ['park', 1],
      ['other', 2],
      ['other', 3],
    ]);

    // The holder cancels: the park member is offered the slot as a hold of its own.
    expect(
      (await rt.call('POST', `/v1/bookings/${held.body.bookingId}/cancel`, { token: holder.token })).status,
    ).toBe(200);
    const offer1 = await heldBy(member.token, slot.slotId);
    expect(offer1).toMatchObject({ viaWaitlist: true, orgId: member.orgId });
    expect(Date.parse(offer1.expiresAt) - clock.now().getTime()).toBe(HOLD_TTL_S * 1000);
    const note = await rt.call('GET', '/v1/notifications', { token: member.token });
    expect(note.body.items.map((n: { kind: string }) => n.kind)).toContain('booking.offered');
    expect(await heldBy(outsiderFirst.token, slot.slotId)).toBeUndefined();

    // The member lets it lapse; the sweeper offers it to the outsider who joined first.
    lapse();
    await sweep();
    const offer2 = await heldBy(outsiderFirst.token, slot.slotId);
    expect(offer2).toMatchObject({ viaWaitlist: true });
    const expired = await rt.call('GET', `/v1/bookings/${offer1.bookingId}`, { token: member.token });
    expect(expired.body.status).toBe('expired');

    // Lapses again: the last outsider; the one who left is never offered.
    lapse();
    await sweep();
    const offer3 = await heldBy(outsiderLast.token, slot.slotId);
    expect(offer3).toMatchObject({ viaWaitlist: true });
    expect(await heldBy(leaver.token, slot.slotId)).toBeUndefined();

    const trail = await rt.call(
      'GET',
      `/v1/audit?entityId=${slot.slotId}/whole/waitlist/${outsiderFirst.orgId}`,
      {
        token: operator.token,
      },
    );
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual([
      'waitlist.joined',
      'waitlist.offered',
    ]);

    // The queue is empty now: when the last offer lapses the slot stays available to anyone.
    lapse();
    await sweep();
    const anyone = await rt.firm({ kinds: ['tenant'] });
    expect((await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: anyone.token })).status).toBe(
      201,
    );
  });

  it('offers the slot on a rejection, and refuses to queue for a free slot or twice', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const [holder, waiter] = [await rt.firm({ kinds: ['supplier'] }), await rt.firm({ kinds: ['supplier'] })];

    const free = await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: waiter.token });
    expect(free).toMatchObject({ status: 409, body: { code: 'waitlist.slot_available' } });

    const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder.token });
    const own = await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: holder.token });
    expect(own).toMatchObject({ status: 409, body: { code: 'waitlist.own_claim' } });
    expect((await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: waiter.token })).status).toBe(
      201,
    );
    const twice = await rt.call('POST', `/v1/slots/${slot.slotId}/waitlist`, { token: waiter.token });
    expect(twice).toMatchObject({ status: 409, body: { code: 'waitlist.already_waiting' } });

    await rt.call('POST', `/v1/bookings/${held.body.bookingId}/submit`, {
      token: holder.token,
      body: exhibitor(),
    });
    const rejected = await rt.call('POST', `/v1/bookings/${held.body.bookingId}/reject`, {
      token: operator.token,
      body: { reason: 'Duplicate application.' },
    });
    expect(rejected.body.status).toBe('rejected');
    expect(await heldBy(waiter.token, slot.slotId)).toMatchObject({ viaWaitlist: true });
  });

  it('passes over a waiting organisation at its hold limit, which keeps its place', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slots: Awaited<ReturnType<typeof addSlot>>[] = [];
    for (let i = 0; i < 5; i++) slots.push(await addSlot(rt, operator.token, pavilionId, i));
    const [holder, busy, next] = [
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['supplier'] }),
    ];
    const held = await rt.call('POST', `/v1/slots/${slots[0]!.slotId}/hold`, { token: holder.token });
    await rt.call('POST', `/v1/slots/${slots[0]!.slotId}/waitlist`, { token: busy.token });
    clock.advance(1000);
    await rt.call('POST', `/v1/slots/${slots[0]!.slotId}/waitlist`, { token: next.token });
    for (const s of slots.slice(1, 4)) {
      expect((await rt.call('POST', `/v1/slots/${s.slotId}/hold`, { token: busy.token })).status).toBe(201);
    }
    await rt.call('POST', `/v1/bookings/${held.body.bookingId}/cancel`, { token: holder.token });
    expect(await heldBy(next.token, slots[0]!.slotId)).toMatchObject({ viaWaitlist: true });
    const kept = await rt.call('GET', `/v1/slots/${slots[0]!.slotId}/waitlist`, { token: busy.token });
    expect(kept.body).toMatchObject({ place: { status: 'waiting' }, position: 1 });
  });
});

describe('the per-organisation hold limit', { timeout: 120_000 }, () => {
  it('refuses a fourth claim in one expo (422): a submitted hold still counts, a lapsed one stops at once', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slots: Awaited<ReturnType<typeof addSlot>>[] = [];
    for (let i = 0; i < 8; i++) slots.push(await addSlot(rt, operator.token, pavilionId, i));
    const firm = await rt.firm({ kinds: ['supplier'] });
    const hold = (i: number) => rt.call('POST', `/v1/slots/${slots[i]!.slotId}/hold`, { token: firm.token });

    const first = [await hold(0), await hold(1), await hold(2)];
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await hold(3)).toMatchObject({ status: 422, body: { code: 'booking.hold_limit' } });

    await rt.call('POST', `/v1/bookings/${first[0]!.body.bookingId}/submit`, {
      token: firm.token,
      body: exhibitor(),
    });
    expect((await hold(3)).status).toBe(422);

    // No job runs here: lapsed holds stop counting by themselves; the request does not lapse.
    lapse();
    const after = [await hold(3), await hold(4)];
    expect(after.map((r) => r.status)).toEqual([201, 201]);
    expect((await hold(5)).status).toBe(422);
  });

  it('holds the limit when one organisation fires many holds at once', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slots: Awaited<ReturnType<typeof addSlot>>[] = [];
    for (let i = 0; i < 8; i++) slots.push(await addSlot(rt, operator.token, pavilionId, i));
    const firm = await rt.firm({ kinds: ['tenant'] });
    const server = await rt.listen();
    try {
      const results = await Promise.all(
        slots.map((s) => server.http('POST', `/v1/slots/${s.slotId}/hold`, { token: firm.token })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('booking.hold_limit');
      const mine = await rt.call('GET', '/v1/bookings?mine=true', { token: firm.token });
      expect(mine.body.items.filter((b: { status: string }) => b.status === 'held')).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('reads a waiting place as it was saved, from the queue; a left place, an unknown slot and a sliced slot answer as before', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const sliced = await addSlot(rt, operator.token, pavilionId, 1, { slices: { every: 'day' } });
    const [holder, waiter, stranger] = [
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['tenant'] }),
      await rt.firm({ kinds: ['supplier'] }),
    ];
    await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder.token });
    const url = `/v1/slots/${slot.slotId}/waitlist`;
    const joined = await rt.call('POST', url, { token: waiter.token });
    expect(joined.status).toBe(201);
    expect(await rt.call('GET', url, { token: waiter.token })).toMatchObject({
      status: 200,
      body: { place: joined.body, position: 1 },
    });

    const left = await rt.call('DELETE', url, { token: waiter.token });
    expect(await rt.call('GET', url, { token: waiter.token })).toMatchObject({
      status: 200,
      body: { place: { ...left.body, status: 'left' }, position: null },
    });
    // Joining again starts a new entry with the place's next version.
    const again = await rt.call('POST', url, { token: waiter.token });
    expect(again.body.version).toBe(left.body.version + 1);
    expect((await rt.call('GET', url, { token: waiter.token })).body).toEqual({
      place: again.body,
      position: 1,
    });

    expect((await rt.call('GET', url, { token: stranger.token })).status).toBe(404);
    expect(
      (await rt.call('GET', '/v1/slots/slot_01J0000000000000000000000/waitlist', { token: waiter.token }))
        .status,
    ).toBe(404);
    const noSlice = await rt.call('GET', `/v1/slots/${sliced.slotId}/waitlist`, { token: waiter.token });
    expect(noSlice).toMatchObject({ status: 422, body: { code: 'slot.sliced' } });
    expect((await rt.call('GET', `${url}?sliceId=s01`, { token: waiter.token })).status).toBe(404);
  });
});
