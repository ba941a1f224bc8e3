import { describe, expect, it } from 'vitest';
import type { SlotClaim } from '../bookings/claim';
import { buildExpoStats } from './expo-stats';
import { buildFloorPlan } from './floorplan';
import type { FloorData } from './ports';

const now = new Date('2027-03-01T09:00:00.000Z');
const base = {
  expoId: 'expo_1',
  parkId: 'park_1',
  createdAt: '2027-01-01T00:00:00.000Z',
  version: 1,
  auditHash: 'h',
};
const pavilion = {
  ...base,
  pavilionId: 'pav_1',
  name: 'Hall A',
  themes: ['24'],
  floor: { width: 20, depth: 10 },
};
const slot = (code: string, x: number, extra: Record<string, unknown> = {}) => ({
  ...base,
  slotId: `slot_${code}`,
  pavilionId: 'pav_1',
  code,
  kind: 'inline' as const,
  area: 10,
  rect: { x, y: 0, w: 5, h: 2 },
  price: { amount: 1000, currency: 'IRR' },
  slices: [],
  expoEndsAtMs: now.getTime() + 1e9,
  ...extra,
});
const claim = (orgId: string, status: SlotClaim['status'], extra: Partial<SlotClaim> = {}): SlotClaim => ({
  orgId,
  bookingId: `bkg_${orgId}`,
  status,
  expiresAtMs: status === 'held' ? now.getTime() + 60_000 : null,
  exhibitor: null,
  ...extra,
});
const slices = [
  {
    sliceId: 's01',
    startsAt: '2027-03-10T00:00:00.000Z',
    endsAt: '2027-03-11T00:00:00.000Z',
    session: 'exhibit' as const,
    price: { amount: 400, currency: 'IRR' },
  },
  {
    sliceId: 's02',
    startsAt: '2027-03-11T00:00:00.000Z',
    endsAt: '2027-03-13T00:00:00.000Z',
    session: 'exhibit' as const,
    price: { amount: 600, currency: 'IRR' },
  },
];

const data: FloorData = {
  expo: null,
  pavilions: [pavilion],
  slots: [slot('A-10', 10), slot('A-2', 0), slot('A-3', 5), slot('A-4', 15, { slices })],
  claims: new Map([
    ['slot_A-2', claim('org_holder', 'held')],
    [
      'slot_A-3',
      claim('org_exh', 'confirmed', {
        exhibitor: {
          orgId: 'org_exh',
          displayName: 'Booth X',
          listingIds: ['lst_1'],
          profile: { name: 'Exhibitor Co', country: 'IR', website: 'https://exhibitor.example' },
        },
      }),
    ],
    ['slot_A-10', claim('org_req', 'requested')],
    [
      'slot_A-4/s02',
      claim('org_exh', 'confirmed', {
        exhibitor: { orgId: 'org_exh', displayName: 'Booth X', listingIds: [] },
      }),
    ],
  ]),
};

describe('the floor plan builder', () => {
  it('orders booths by code naturally and names only confirmed exhibitors, from the profile their claim carries', () => {
    const plan = buildFloorPlan('expo_1', data, 'org_other', now);
    const slots = plan.pavilions[0]!.slots;
    expect(slots.map((s) => [s.code, s.status, s.mine])).toEqual([
      ['A-2', 'held', false],
      ['A-3', 'booked', false],
      ['A-4', 'available', false],
      ['A-10', 'requested', false],
    ]);
    expect(slots[1]!.exhibitor).toEqual({
      orgId: 'org_exh',
      name: 'Exhibitor Co',
      displayName: 'Booth X',
      country: 'IR',
      website: 'https://exhibitor.example',
      listingIds: ['lst_1'],
    });
    expect(JSON.stringify(plan)).not.toMatch(/org_holder|org_req/);
    expect(slots[2]!.slices.map((s) => s.status)).toEqual(['available', 'booked']);
  });

  it('falls back to the booth’s display name for a claim without a profile copy', () => {
    const slice = buildFloorPlan('expo_1', data, 'org_other', now).pavilions[0]!.slots[2]!.slices[1]!;
    expect(slice.exhibitor).toEqual({
      orgId: 'org_exh',
      name: 'Booth X',
      displayName: 'Booth X',
      listingIds: [],
    });
  });

  it('marks the caller’s own live claims as mine', () => {
    const plan = buildFloorPlan('expo_1', data, 'org_holder', now);
    expect(plan.pavilions[0]!.slots.map((s) => s.mine)).toEqual([true, false, false, false]);
  });
});

describe('expo stats', () => {
  it('weighs a sliced slot by the confirmed share of its time, and sums revenue by currency', () => {
    const stats = buildExpoStats('expo_1', data, now);
    const hall = stats.pavilions[0]!;
    // A-3 booked whole (10 m²) + A-4's second slice (2 of 3 days of 10 m²).
    expect(hall.bookedArea).toBeCloseTo(16.67, 2);
    expect(hall.slotArea).toBe(40);
    expect(hall.occupancy).toBeCloseTo(16.6667 / 40, 3);
    expect(hall.slots).toEqual({ total: 4, available: 0.33, held: 1, requested: 1, booked: 1.67 });
    expect(stats.revenue).toEqual([{ currency: 'IRR', confirmed: 1600, pending: 1000 }]);
  });
});
