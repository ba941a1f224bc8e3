import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

describe('a booking from hold to approval', { timeout: 120_000 }, () => {
  it('holds, submits and is approved by the park operator; the floor plan shows the exhibitor', async () => {
    const { operator, expoId, pavilionId, parkId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const supplier = await rt.firm({
      kinds: ['supplier'],
      name: 'Karaj Packaging',
      approvedIn: { parkId, operatorToken: operator.token },
    });

    const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: supplier.token });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ status: 'held', slotId: slot.slotId, orgId: supplier.orgId });
    expect(Date.parse(hold.body.expiresAt)).toBeGreaterThan(Date.now());

    const submitted = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/submit`, {
      token: supplier.token,
      body: exhibitor('Karaj Packaging — cartons'),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('requested');

    const approved = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/approve`, {
      token: operator.token,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('confirmed');

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: supplier.token });
    expect(plan.status).toBe(200);
    const booth = plan.body.pavilions[0].slots[0];
    expect(booth).toMatchObject({ status: 'booked', mine: true });
    expect(booth.exhibitor).toMatchObject({
      orgId: supplier.orgId,
      name: 'Karaj Packaging',
      displayName: 'Karaj Packaging — cartons',
    });
    expect(JSON.stringify(booth.exhibitor)).not.toContain('sales@example.com');

    const audit = await rt.call('GET', `/v1/audit?entityId=${hold.body.bookingId}`, {
      token: operator.token,
    });
    expect(audit.body.items.map((r: { action: string }) => r.action)).toEqual([
      'booking.held',
      'booking.submitted',
      'booking.approved',
    ]);
  });
});
