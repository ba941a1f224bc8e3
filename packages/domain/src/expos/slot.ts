import { z } from 'zod';
import { Money } from '../core/money';
import { IsoDateTime, Text } from '../shared/locale';
import { Rect } from './floor-geometry';

export const SlotKind = z.enum(['inline', 'corner', 'island', 'outdoor']);
export type SlotKind = z.infer<typeof SlotKind>;

/** What a time slice is for: exhibiting on one day, or a mentorship or pitch session at the expo. */
export const SliceSession = z.enum(['exhibit', 'mentorship', 'pitch']);
export type SliceSession = z.infer<typeof SliceSession>;

export const MAX_SLICES_PER_SLOT = 60;

export const SliceInput = z
  .strictObject({
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    label: Text(100).optional(),
    session: SliceSession.default('exhibit'),
    /** The slice's own price; the slot's when absent. */
    price: Money.optional(),
  })
  .refine((s) => s.startsAt < s.endsAt, { path: ['endsAt'], message: 'endsAt must be after startsAt.' });
export type SliceInput = z.infer<typeof SliceInput>;

/** `{ every: "day" }` cuts the slot into one slice per expo day (24-hour steps from the expo's start). */
export const SliceRule = z.strictObject({
  every: z.literal('day'),
  session: SliceSession.default('exhibit'),
});

export const SlotInput = z.strictObject({
  code: Text(40),
  kind: SlotKind,
  /** Bookable area in m², at most the rectangle's. */
  area: z
    .number()
    .positive()
    .max(1_000_000)
    .refine((a) => Math.abs(Math.round(a * 100) - a * 100) < 1e-6, 'At most two decimals.'),
  rect: Rect,
  price: Money,
  slices: z.union([z.array(SliceInput).min(1).max(MAX_SLICES_PER_SLOT), SliceRule]).optional(),
});
export type SlotInput = z.infer<typeof SlotInput>;

export const Slice = z.object({
  sliceId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string().optional(),
  session: SliceSession,
  price: Money,
});
export type Slice = z.infer<typeof Slice>;

/**
 * A booth. Its definition is written once; what changes is the claim on it (or on each of its
 * slices), which the bookings context keeps on the same item.
 */
export const Slot = z.object({
  slotId: z.string(),
  expoId: z.string(),
  parkId: z.string(),
  pavilionId: z.string(),
  code: z.string(),
  kind: SlotKind,
  area: z.number(),
  rect: Rect,
  price: Money,
  /** Empty: the slot is booked whole. Otherwise only its slices are booked, each on its own. */
  slices: z.array(Slice),
  /** The expo's end, copied so a hold needs no second read to know the slot is still bookable. */
  expoEndsAtMs: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Slot = z.infer<typeof Slot>;

/** A slot's bookable unit: the whole slot, or one of its slices. */
export interface SlotTarget {
  slotId: string;
  sliceId: string | null;
}

export const targetId = (t: SlotTarget): string => (t.sliceId ? `${t.slotId}/${t.sliceId}` : t.slotId);
