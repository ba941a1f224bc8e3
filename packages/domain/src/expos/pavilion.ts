import { z } from 'zod';
import { categories } from '../categories/isic-rev4';
import { LocalizedText, Text } from '../shared/locale';
import { Metres } from './floor-geometry';

/** Bounds that keep an expo's floor plan one small, bounded read. */
export const MAX_PAVILIONS_PER_EXPO = 30;
export const MAX_SLOTS_PER_PAVILION = 300;

export const Floor = z.strictObject({ width: Metres, depth: Metres });
export type Floor = z.infer<typeof Floor>;

/** A pavilion's theme: an ISIC division (2 digits) or group (3 digits) that exists. */
export const ThemeCode = z
  .string()
  .regex(/^\d{2,3}$/, 'A theme is an ISIC division (2 digits) or group (3 digits), e.g. 24 or 242.')
  .refine((c) => categories.has(c), 'Unknown ISIC division or group.');

export const PavilionInput = z.strictObject({
  name: Text(200),
  names: LocalizedText.optional(),
  themes: z
    .array(ThemeCode)
    .min(1)
    .max(10)
    .refine((t) => new Set(t).size === t.length, 'Themes must not repeat.'),
  floor: Floor,
});
export type PavilionInput = z.infer<typeof PavilionInput>;

export const Pavilion = z.object({
  pavilionId: z.string(),
  expoId: z.string(),
  parkId: z.string(),
  name: z.string(),
  names: LocalizedText.optional(),
  themes: z.array(z.string()),
  floor: Floor,
  createdAt: z.string(),
  version: z.number().int(),
});
export type Pavilion = z.infer<typeof Pavilion>;
