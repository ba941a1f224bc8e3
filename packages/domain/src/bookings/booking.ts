import { z } from 'zod';
import { Money } from '../core/money';
import { Text } from '../shared/locale';
import { BookingStatus } from './claim';

export const Contact = z.union([
  Text(300),
  z
    .strictObject({
      name: Text(200).optional(),
      email: z.email().max(254).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 ()-]{5,30}$/, 'A phone number: digits, spaces, ( ) - and an optional leading +.')
        .optional(),
    })
    .refine((c) => c.name || c.email || c.phone, 'Give at least a name, an email or a phone number.'),
]);

export const Exhibitor = z.strictObject({
  /** The name on the booth and on the public floor plan. */
  displayName: Text(200),
  /** For the park's operator; never on the floor plan. */
  contact: Contact,
});
export type Exhibitor = z.infer<typeof Exhibitor>;

export const SubmitInput = z.strictObject({
  exhibitor: Exhibitor,
  /** The exhibitor's own listings to show at the booth. */
  listingIds: z
    .array(z.string().min(1).max(64))
    .max(20)
    .refine((l) => new Set(l).size === l.length, 'Listings must not repeat.')
    .default([]),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const HoldInput = z.strictObject({
  /** Which time slice of a sliced slot; absent for a slot booked whole. */
  sliceId: z.string().min(1).max(16).optional(),
});

export const DecisionInput = z.strictObject({ reason: Text(1000) });
export const CancelInput = z.strictObject({ reason: Text(1000).optional() });

export const Booking = z.object({
  bookingId: z.string(),
  expoId: z.string(),
  parkId: z.string(),
  pavilionId: z.string(),
  slotId: z.string(),
  sliceId: z.string().nullable(),
  slotCode: z.string(),
  orgId: z.string(),
  heldByUserId: z.string(),
  status: BookingStatus,
  /** When the hold lapses (the hold's TTL); kept after submitting, as history. */
  expiresAt: z.string(),
  expiresAtMs: z.number().int(),
  price: Money,
  area: z.number(),
  exhibitor: Exhibitor.nullable(),
  listingIds: z.array(z.string()),
  reason: z.string().nullable(),
  /** Offered to the organisation from the slot's waitlist rather than held by it. */
  viaWaitlist: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Booking = z.infer<typeof Booking>;

/** Statuses a caller may filter an expo's bookings by (`expired` includes lapsed holds). */
export const BookingFilter = z.object({
  status: BookingStatus.optional(),
  pavilionId: z.string().min(1).max(64).optional(),
  slotId: z.string().min(1).max(64).optional(),
  orgId: z.string().min(1).max(64).optional(),
});
export type BookingFilter = z.infer<typeof BookingFilter>;
