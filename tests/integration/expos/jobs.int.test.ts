import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

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

  it('the exhibitor-profile consumer puts an organisation’s edited public profile on its booked booths, once', async () => {
    const { operator, expoId, pavilionId } = await expoWithPavilion(rt);
    const [booked, pending] = [
      await addSlot(rt, operator.token, pavilionId, 0),
      await addSlot(rt, operator.token, pavilionId, 1),
    ];
    const firm = await rt.firm({ kinds: ['supplier'], name: 'Old Name Metals' });
    for (const [slot, approve] of [
      [booked, true],
      [pending, false],
    ] as const) {
      const h = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
      await rt.call('POST', `/v1/bookings/${h.body.bookingId}/submit`, {
        token: firm.token,
        body: exhibitor('Metals booth'),
      });
      if (approve)
        await rt.call('POST', `/v1/bookings/${h.body.bookingId}/approve`, { token: operator.token });
    }
    const exhibitorOn = async () =>
      (
        await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: firm.token })
      ).body.pavilions[0].slots.map((s: { exhibitor: unknown }) => s.exhibitor);
    expect((await exhibitorOn())[0]).toMatchObject({ name: 'Old Name Metals', displayName: 'Metals booth' });

    const org = (await rt.call('GET', `/v1/orgs/${firm.orgId}`, { token: firm.token })).body;
    const edited = await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      headers: { 'if-match': `"v${org.version}"` },
      body: { name: 'New Name Metals', city: 'Karaj', website: 'https://metals.example' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const change = {
      id: 'seq-org-1',
      kind: 'MODIFY' as const,
      oldImage: { type: 'org', orgId: firm.orgId, name: 'Old Name Metals', country: 'IR' },
      newImage: { type: 'org', orgId: firm.orgId, name: 'New Name Metals', country: 'IR', city: 'Karaj' },
    };
    const profiles = consumer('expos.exhibitor-profiles');
    expect(profiles.wants(change)).toBe(true);
    expect(profiles.wants({ ...change, oldImage: change.newImage })).toBe(false);
    await profiles.handle(change);
    await profiles.handle(change);

    const [onBooked, onPending] = await exhibitorOn();
    expect(onBooked).toEqual({
      orgId: firm.orgId,
      name: 'New Name Metals',
      displayName: 'Metals booth',
      country: 'IR',
      city: 'Karaj',
      website: 'https://metals.example',
      listingIds: [],
    });
    expect(onPending).toBeNull();
    expect(await rt.container.expos.bookings.refreshExhibitorProfile(firm.orgId)).toBe(0);
  });
});
