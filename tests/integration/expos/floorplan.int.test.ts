import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

const clock = fixedClock(new Date());
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { holdTtlS: 900 } });
});
afterAll(() => rt.stop());

describe('the floor plan', { timeout: 120_000 }, () => {
  it('shows held and requested slots without naming who holds them; booked ones show the exhibitor’s public profile', {
    timeout: 90_000,
  }, async () => {
    const { operator, expoId, pavilionId, parkId } = await expoWithPavilion(rt);
    const slots: Awaited<ReturnType<typeof addSlot>>[] = [];
    for (let i = 0; i < 4; i++) slots.push(await addSlot(rt, operator.token, pavilionId, i));
    const holder = await rt.firm({ kinds: ['supplier'], name: 'Secret Holder Industries' });
    const requester = await rt.firm({ kinds: ['supplier'], name: 'Quiet Requester Ltd' });
    const exhibiting = await rt.firm({
      kinds: ['supplier'],
      name: 'Tehran Chemical Supply',
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const visitor = await rt.firm({ kinds: ['tenant'] });
    const listing = await rt.call('POST', '/v1/listings', {
      token: exhibiting.token,
      body: {
        kind: 'product',
        title: 'Industrial solvents',
        description: 'Acetone and toluene in drums.',
        category: '2011',
        unit: 'l',
        leadTimeDays: 7,
        serviceArea: { scope: 'national' },
      },
    });
    expect(listing.status, JSON.stringify(listing.body)).toBe(201);

    await rt.call('POST', `/v1/slots/${slots[0]!.slotId}/hold`, { token: holder.token });
    const r = await rt.call('POST', `/v1/slots/${slots[1]!.slotId}/hold`, { token: requester.token });
    await rt.call('POST', `/v1/bookings/${r.body.bookingId}/submit`, {
      token: requester.token,
      body: exhibitor('Quiet Requester booth'),
    });
    const e = await rt.call('POST', `/v1/slots/${slots[2]!.slotId}/hold`, { token: exhibiting.token });
    const foreign = await rt.call('POST', `/v1/bookings/${e.body.bookingId}/submit`, {
      token: exhibiting.token,
      body: {
        ...exhibitor('Tehran Chemical — solvents'),
        listingIds: [listing.body.listingId, 'lst_someone_else'],
      },
    });
    expect(foreign).toMatchObject({ status: 422, body: { code: 'booking.listings_not_yours' } });
    expect(foreign.body.errors.map((x: { path: string }) => x.path)).toEqual(['listingIds.1']);
    await rt.call('POST', `/v1/bookings/${e.body.bookingId}/submit`, {
      token: exhibiting.token,
      body: { ...exhibitor('Tehran Chemical — solvents'), listingIds: [listing.body.listingId] },
    });
    await rt.call('POST', `/v1/bookings/${e.body.bookingId}/approve`, { token: operator.token });

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: visitor.token });
    expect(plan.status).toBe(200);
    const statuses = plan.body.pavilions[0].slots.map((s: any) => [s.code, s.status, s.mine, !!s.exhibitor]);
    expect(statuses).toEqual([
      ['A-0', 'held', false, false],
      ['A-1', 'requested', false, false],
      ['A-2', 'booked', false, true],
      ['A-3', 'available', false, false],
    ]);
    const text = JSON.stringify(plan.body);
    for (const secret of [
      holder.orgId,
      requester.orgId,
      'Secret Holder',
      'Quiet Requester',
      'sales@example.com',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(plan.body.pavilions[0].slots[2].exhibitor).toEqual({
      orgId: exhibiting.orgId,
      name: 'Tehran Chemical Supply',
      displayName: 'Tehran Chemical — solvents',
      country: 'IR',
      listingIds: [listing.body.listingId],
    });

    const own = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: holder.token });
    expect(own.body.pavilions[0].slots.map((s: any) => s.mine)).toEqual([true, false, false, false]);

    // Without a token: the same plan for everyone, nothing `mine`, cacheable by anyone for 5 s
    // (the 09:00 rush is answered by caches, not by the expo's partition).
    const open = await rt.call('GET', `/v1/public/expos/${expoId}`);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=5');
    expect(open.body.pavilions).toEqual(plan.body.pavilions);
    const holderAnonymous = await rt.call('GET', `/v1/public/expos/${expoId}`, { token: holder.token });
    expect(holderAnonymous.body.pavilions[0].slots.map((s: any) => s.mine)).toEqual([
      false,
      false,
      false,
      false,
    ]);

    // After the hold's expiry the slot reads available, though no job has run.
    clock.advance(901_000);
    const later = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: visitor.token });
    expect(later.body.pavilions[0].slots[0]).toMatchObject({ status: 'available', mine: false });
  });
});

describe('the operator’s views of an expo', { timeout: 120_000 }, () => {
  it('lists every booking with filters, and reports occupancy per pavilion and revenue by currency', async () => {
    const { operator, expoId, pavilionId } = await expoWithPavilion(rt, { floor: { width: 30, depth: 10 } });
    const hall2 = await rt.call('POST', `/v1/expos/${expoId}/pavilions`, {
      token: operator.token,
      body: { name: 'Hall B', themes: ['10'], floor: { width: 10, depth: 10 } },
    });
    const a0 = await addSlot(rt, operator.token, pavilionId, 0); // 9 m², 150 000 000 IRR
    const a1 = await addSlot(rt, operator.token, pavilionId, 1, {
      area: 6,
      price: { amount: 2_500_00, currency: 'USD' },
    });
    const a2 = await addSlot(rt, operator.token, pavilionId, 2, { slices: { every: 'day' } }); // 3 days
    await addSlot(rt, operator.token, hall2.body.pavilionId, 0);
    const [f1, f2, f3] = [
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['supplier'] }),
      await rt.firm({ kinds: ['tenant'] }),
    ];
    const book = async (token: string, slotId: string, sliceId?: string, approve = true) => {
      const h = await rt.call('POST', `/v1/slots/${slotId}/hold`, {
        token,
        body: sliceId ? { sliceId } : undefined,
      });
      await rt.call('POST', `/v1/bookings/${h.body.bookingId}/submit`, { token, body: exhibitor() });
      if (approve)
        await rt.call('POST', `/v1/bookings/${h.body.bookingId}/approve`, { token: operator.token });
      return h.body.bookingId as string;
    };
    await book(f1.token, a0.slotId);
    const pending = await book(f2.token, a1.slotId, undefined, false);
    await book(f3.token, a2.slotId, 's01'); // a day slice is priced as its slot, per slice
    const held = await rt.call('POST', `/v1/slots/${a2.slotId}/hold`, {
      token: f1.token,
      body: { sliceId: 's02' },
    });

    const stats = await rt.call('GET', `/v1/expos/${expoId}/stats`, { token: operator.token });
    expect(stats.status).toBe(200);
    const [hallA, hallB] = stats.body.pavilions;
    expect(hallA).toMatchObject({ floorArea: 300, slotArea: 24, bookedArea: 12 });
    expect(hallA.occupancy).toBeCloseTo(0.5, 4);
    expect(hallA.slots).toMatchObject({ total: 3, booked: 1.33, requested: 1, held: 0.33, available: 0.33 });
    expect(hallB).toMatchObject({ slotArea: 9, bookedArea: 0, occupancy: 0 });
    expect(stats.body.revenue).toEqual([
      { currency: 'IRR', confirmed: 300_000_000, pending: 0 },
      { currency: 'USD', confirmed: 0, pending: 2_500_00 },
    ]);

    const all = await rt.call('GET', `/v1/expos/${expoId}/bookings`, { token: operator.token });
    expect(all.body.items).toHaveLength(4);
    const requested = await rt.call('GET', `/v1/expos/${expoId}/bookings?status=requested`, {
      token: operator.token,
    });
    expect(requested.body.items.map((b: { bookingId: string }) => b.bookingId)).toEqual([pending]);
    const bySlot = await rt.call('GET', `/v1/expos/${expoId}/bookings?slotId=${a2.slotId}`, {
      token: operator.token,
    });
    expect(bySlot.body.items).toHaveLength(2);
    const byOrg = await rt.call('GET', `/v1/expos/${expoId}/bookings?orgId=${f1.orgId}&status=held`, {
      token: operator.token,
    });
    expect(byOrg.body.items.map((b: { bookingId: string }) => b.bookingId)).toEqual([held.body.bookingId]);

    clock.advance(901_000);
    const lapsed = await rt.call('GET', `/v1/expos/${expoId}/bookings?status=expired`, {
      token: operator.token,
    });
    expect(
      lapsed.body.items.map((b: { bookingId: string; status: string }) => [b.bookingId, b.status]),
    ).toEqual([[held.body.bookingId, 'expired']]);
    const noneHeld = await rt.call('GET', `/v1/expos/${expoId}/bookings?status=held`, {
      token: operator.token,
    });
    expect(noneHeld.body.items).toEqual([]);

    const stranger = await rt.operator('stranger');
    expect((await rt.call('GET', `/v1/expos/${expoId}/bookings`, { token: stranger.token })).status).toBe(
      403,
    );
    expect((await rt.call('GET', `/v1/expos/${expoId}/stats`, { token: stranger.token })).status).toBe(403);
    expect((await rt.call('GET', `/v1/expos/${expoId}/stats`, { token: f1.token })).status).toBe(403);
  });

  it('answers 404 for the floor plan, stats and bookings of an expo that does not exist', async () => {
    const { operator } = await expoWithPavilion(rt);
    const firm = await rt.firm({ kinds: ['tenant'] });
    const missing = 'expo_01J0000000000000000000000';
    expect((await rt.call('GET', `/v1/expos/${missing}/floorplan`, { token: firm.token })).status).toBe(404);
    const open = await rt.call('GET', `/v1/public/expos/${missing}`);
    expect(open.status).toBe(404);
    expect(open.headers.get('cache-control') ?? '').not.toContain('public');
    expect((await rt.call('GET', `/v1/expos/${missing}/stats`, { token: operator.token })).status).toBe(404);
    expect((await rt.call('GET', `/v1/expos/${missing}/bookings`, { token: operator.token })).status).toBe(
      404,
    );
  });

  it('lists a park’s expos soonest first, and only that park’s', async () => {
    const { operator, parkId, expoId } = await expoWithPavilion(rt, { startsInDays: 40 });
    const earlier = await rt.call('POST', '/v1/expos', {
      token: operator.token,
      body: {
        parkId,
        name: 'Spring fair',
        startsAt: new Date(rt.container.clock.now().getTime() + 10 * 86_400_000).toISOString(),
        endsAt: new Date(rt.container.clock.now().getTime() + 11 * 86_400_000).toISOString(),
        venue: 'Hall 2',
      },
    });
    await expoWithPavilion(rt); // another park's expo
    const list = await rt.call('GET', `/v1/expos?parkId=${parkId}`, { token: operator.token });
    expect(list.body.items.map((e: { expoId: string }) => e.expoId)).toEqual([earlier.body.expoId, expoId]);
  });
});
