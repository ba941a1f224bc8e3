import { z } from 'zod';
import { CurrencyCode } from '../core/money';
import { requireOperatorOf } from '../parks/operator';
import { IsoDateTime, LocalizedText, Text } from '../shared/locale';

/** The longest expo Parkbridge plans for; it bounds the day slices of a slot. */
export const MAX_EXPO_DAYS = 60;

export const ExpoInput = z
  .strictObject({
    parkId: z.string().min(1).max(64),
    name: Text(200),
    names: LocalizedText.optional(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    venue: Text(300),
    description: Text(4000).optional(),
    /** Prices of this expo's slots default to it; the park's currency when absent. */
    currency: CurrencyCode.optional(),
  })
  .refine((e) => e.startsAt < e.endsAt, { path: ['endsAt'], message: 'endsAt must be after startsAt.' })
  .refine((e) => Date.parse(e.endsAt) - Date.parse(e.startsAt) <= MAX_EXPO_DAYS * 86_400_000, {
    path: ['endsAt'],
    message: `An expo lasts at most ${MAX_EXPO_DAYS} days.`,
  });
export type ExpoInput = z.infer<typeof ExpoInput>;

export const Expo = z.object({
  expoId: z.string(),
  parkId: z.string(),
  /** The park's operator when the expo was made: who approves its bookings. */
  operatorOrgId: z.string(),
  name: z.string(),
  names: LocalizedText.optional(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Epoch-ms twins of the dates, for comparisons in conditions. */
  startsAtMs: z.number().int(),
  endsAtMs: z.number().int(),
  venue: z.string(),
  description: z.string().optional(),
  currency: CurrencyCode,
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Expo = z.infer<typeof Expo>;

/** Slots can be held until the expo ends; after that the floor plan is history. */
export const isBookable = (expo: Pick<Expo, 'endsAtMs'>, now: Date): boolean => now.getTime() < expo.endsAtMs;

/**
 * The expo's operator is its park's, copied when the expo is made (a park's operator never
 * changes: ParkPatch has no operatorOrgId), so no park read is needed. The expo is public: 403.
 */
export function requireExpoOperator(expo: Pick<Expo, 'operatorOrgId'>, orgId: string): void {
  requireOperatorOf(expo, orgId);
}
