import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleague } from '../../support/people';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

let rt: TestRuntime;
let server: Awaited<ReturnType<TestRuntime['listen']>>;
beforeAll(async () => {
  rt = await startTestRuntime();
  server = await rt.listen();
});
afterAll(async () => {
  await server.close();
  await rt.stop();
});

describe('two operators deciding the same booking at once', { timeout: 120_000 }, () => {
  it('lets exactly one decision win; the other gets 409, and the slot agrees with the winner', async () => {
    const { operator, pavilionId, expoId } = await expoWithPavilion(rt);
    // A colleague at the same park authority, joined as its staff.
    const second = (await colleague(rt, operator, 'staff')).token;
    const rounds = 6; // three of each pairing below
    const slots: Awaited<ReturnType<typeof addSlot>>[] = [];
    for (let i = 0; i < rounds; i++) slots.push(await addSlot(rt, operator.token, pavilionId, i));
    const firm = await rt.firm({ kinds: ['supplier'] });

    const winners: string[] = [];
    for (const [i, slot] of slots.entries()) {
      const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
      const id = held.body.bookingId;
      expect(
        (await rt.call('POST', `/v1/bookings/${id}/submit`, { token: firm.token, body: exhibitor() })).status,
      ).toBe(200);

      // Rounds alternate: approve against reject, and approve against approve.
      const secondAction = i % 2 ? 'approve' : 'reject';
      const [a, b] = await Promise.all([
        server.http('POST', `/v1/bookings/${id}/approve`, { token: operator.token }),
        server.http('POST', `/v1/bookings/${id}/${secondAction}`, {
          token: second,
          body: secondAction === 'reject' ? { reason: 'Hall A is for metalworking firms only.' } : undefined,
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses, `round ${i}`).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(['booking.decided', 'write.concurrent']).toContain(loser.body.code);
      const winner = (a.status === 200 ? a : b).body;
      winners.push(winner.status);

      const stored = await rt.call('GET', `/v1/bookings/${id}`, { token: operator.token });
      expect(stored.body.status).toBe(winner.status);
      const claim = await rt.container.expos.repos.bookings.claim({ slotId: slot.slotId, sliceId: null });
      expect(claim).toMatchObject({ bookingId: id, status: winner.status });
      const audit = await rt.call('GET', `/v1/audit?entityId=${id}`, { token: operator.token });
      const decisions = audit.body.items.filter((r: { action: string }) =>
        ['booking.approved', 'booking.rejected'].includes(r.action),
      );
      expect(decisions).toHaveLength(1);
    }

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: firm.token });
    const byId = new Map(plan.body.pavilions[0].slots.map((s: { slotId: string }) => [s.slotId, s]));
    slots.forEach((slot, i) => {
      expect((byId.get(slot.slotId) as { status: string }).status).toBe(
        winners[i] === 'confirmed' ? 'booked' : 'available',
      );
    });
  });

  it('refuses to approve a booking that is only held (409), and hides bookings from other parks’ operators (404)', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const other = await rt.operator('other-park');
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firm = await rt.firm({ kinds: ['tenant'] });
    const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
    const early = await rt.call('POST', `/v1/bookings/${held.body.bookingId}/approve`, {
      token: operator.token,
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'booking.not_requested' } });
    const foreign = await rt.call('POST', `/v1/bookings/${held.body.bookingId}/approve`, {
      token: other.token,
    });
    expect(foreign.status).toBe(404);
    const peek = await rt.call('GET', `/v1/bookings/${held.body.bookingId}`, { token: other.token });
    expect(peek.status).toBe(404);
  });
});
