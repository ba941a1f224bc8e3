import { z } from 'zod';
import { publicStatus } from '../bookings/claim';
import { shareOf } from './floorplan';
import type { FloorData } from './ports';
import { targetId } from './slot';

export const PavilionOccupancy = z.object({
  pavilionId: z.string(),
  name: z.string(),
  /** Width × depth of the pavilion's floor, m². */
  floorArea: z.number(),
  /** The sum of its slots' bookable areas, m². */
  slotArea: z.number(),
  /** Confirmed area, m²; a sliced slot counts by the share of its time that is confirmed. */
  bookedArea: z.number(),
  /** bookedArea ÷ slotArea, 0 to 1 (0 when the pavilion has no slots). */
  occupancy: z.number(),
  slots: z.object({
    total: z.number().int(),
    available: z.number(),
    held: z.number(),
    requested: z.number(),
    booked: z.number(),
  }),
});

export const CurrencyRevenue = z.object({
  currency: z.string(),
  /** Confirmed bookings, minor units. */
  confirmed: z.number().int(),
  /** Bookings awaiting the operator's decision, minor units. */
  pending: z.number().int(),
});

export const ExpoStats = z.object({
  expoId: z.string(),
  generatedAt: z.string(),
  pavilions: z.array(PavilionOccupancy),
  revenue: z.array(CurrencyRevenue),
});
export type ExpoStats = z.infer<typeof ExpoStats>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Occupancy per pavilion and revenue per currency, from one read of the floor. */
export function buildExpoStats(expoId: string, data: FloorData, now: Date): ExpoStats {
  const revenue = new Map<string, { confirmed: number; pending: number }>();
  const pavilions = data.pavilions.map((p) => {
    const counts = { total: 0, available: 0, held: 0, requested: 0, booked: 0 };
    let slotArea = 0;
    let bookedArea = 0;
    for (const slot of data.slots.filter((s) => s.pavilionId === p.pavilionId)) {
      counts.total++;
      slotArea += slot.area;
      const units = slot.slices.length
        ? slot.slices.map((sl) => ({ sliceId: sl.sliceId as string | null, price: sl.price }))
        : [{ sliceId: null as string | null, price: slot.price }];
      for (const unit of units) {
        const share = shareOf(slot, unit.sliceId);
        const status = publicStatus(
          data.claims.get(targetId({ slotId: slot.slotId, sliceId: unit.sliceId })) ?? null,
          now,
        );
        // A sliced slot counts in the status tallies by its slices' shares.
        counts[status] += share;
        const r = revenue.get(unit.price.currency) ?? { confirmed: 0, pending: 0 };
        if (status === 'booked') {
          bookedArea += slot.area * share;
          r.confirmed += unit.price.amount;
        } else if (status === 'requested') {
          r.pending += unit.price.amount;
        }
        revenue.set(unit.price.currency, r);
      }
    }
    return {
      pavilionId: p.pavilionId,
      name: p.name,
      floorArea: round2(p.floor.width * p.floor.depth),
      slotArea: round2(slotArea),
      bookedArea: round2(bookedArea),
      occupancy: slotArea > 0 ? Math.round((bookedArea / slotArea) * 10_000) / 10_000 : 0,
      slots: {
        total: counts.total,
        available: round2(counts.available),
        held: round2(counts.held),
        requested: round2(counts.requested),
        booked: round2(counts.booked),
      },
    };
  });
  return {
    expoId,
    generatedAt: now.toISOString(),
    pavilions,
    revenue: [...revenue.entries()]
      .map(([currency, r]) => ({ currency, ...r }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
