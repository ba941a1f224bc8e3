import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

// An organisation has at most PARKBRIDGE_MAX_CLAIMS_PER_ORG_PER_EXPO (default 3) live claims per
// expo, held and requested together: submitting a hold frees no place, a decision or a cancellation does.

let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

async function expoWithSlots(n: number) {
  const e = await expoWithPavilion(rt);
  const slots: string[] = [];
  for (let i = 0; i < n; i++) slots.push((await addSlot(rt, e.operator.token, e.pavilionId, i)).slotId);
  const firm = await rt.firm({ kinds: ['supplier'] });
  const hold = (slotId: string) => rt.call('POST', `/v1/slots/${slotId}/hold`, { token: firm.token });
  const submit = (bookingId: string) =>
    rt.call('POST', `/v1/bookings/${bookingId}/submit`, { token: firm.token, body: exhibitor() });
  const decide = (bookingId: string, d: 'approve' | 'reject') =>
    rt.call('POST', `/v1/bookings/${bookingId}/${d}`, {
      token: e.operator.token,
      ...(d === 'reject' ? { body: { reason: 'Hall reserved.' } } : {}),
    });
  return { ...e, slots, firm, hold, submit, decide };
}

describe('claims per organisation and expo', () => {
  it('counts submitted requests with holds: one firm cannot request every slot of an expo', async () => {
    const x = await expoWithSlots(6);
    for (const slotId of x.slots.slice(0, 3)) {
      const held = await x.hold(slotId);
      expect(held.status).toBe(201);
      expect((await x.submit(held.body.bookingId)).status).toBe(200);
    }
    const fourth = await x.hold(x.slots[3]!);
    expect(fourth.status).toBe(422);
    expect(fourth.body.code).toBe('booking.hold_limit');
    const plan = await rt.call('GET', `/v1/expos/${x.expoId}/floorplan`, { token: x.firm.token });
    const statuses = plan.body.pavilions.flatMap((p: any) => p.slots.map((s: any) => s.status));
    expect(statuses.filter((st: string) => st === 'requested')).toHaveLength(3);
    expect(statuses.filter((st: string) => st === 'available')).toHaveLength(3);
  });

  it('frees a place when the operator decides on a request, or when it is cancelled', async () => {
    const x = await expoWithSlots(6);
    const ids: string[] = [];
    for (const slotId of x.slots.slice(0, 3)) {
      const held = await x.hold(slotId);
      await x.submit(held.body.bookingId);
      ids.push(held.body.bookingId);
    }
    expect((await x.hold(x.slots[3]!)).status).toBe(422);
    expect((await x.decide(ids[0]!, 'reject')).status).toBe(200);
    expect((await x.hold(x.slots[3]!)).status).toBe(201);
    expect((await x.hold(x.slots[4]!)).status).toBe(422);
    expect((await x.decide(ids[1]!, 'approve')).status).toBe(200);
    expect((await x.hold(x.slots[4]!)).status).toBe(201);
    const cancelled = await rt.call('POST', `/v1/bookings/${ids[2]}/cancel`, {
      token: x.firm.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    expect((await x.hold(x.slots[5]!)).status).toBe(201);
  });

  it('keeps the limit when holds race: never more than three live claims', async () => {
    const x = await expoWithSlots(8);
    const first = await x.hold(x.slots[0]!);
    await x.submit(first.body.bookingId);
    const results = await Promise.all(x.slots.slice(1).map((slotId) => x.hold(slotId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.code).toBe('booking.hold_limit');
  });
});
