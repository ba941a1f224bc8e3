import { z } from 'zod';
import { CurrencyCode } from '../core/money';
import { GeoPoint } from '../shared/geo';
import { CountryCode, LocalizedText, Text, TimeZone } from '../shared/locale';

export const ParkKind = z.enum(['industrial_park', 'cluster', 'technology_park']);

export const ParkInput = z.strictObject({
  name: Text(200),
  names: LocalizedText.optional(),
  kind: ParkKind.default('industrial_park'),
  country: CountryCode,
  city: Text(200).optional(),
  location: GeoPoint,
  currency: CurrencyCode,
  timeZone: TimeZone,
  description: Text(4000).optional(),
});
export type ParkInput = z.infer<typeof ParkInput>;

export const ParkPatch = ParkInput.partial();
export type ParkPatch = z.infer<typeof ParkPatch>;

export const Park = ParkInput.extend({
  parkId: z.string(),
  operatorOrgId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Park = z.infer<typeof Park>;
