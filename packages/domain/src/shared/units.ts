import { z } from 'zod';

/** Units of measure for quantities (UN/CEFACT-style symbols kept short and unambiguous). */
export const UNITS = [
  'pcs',
  'kg',
  't',
  'g',
  'l',
  'm3',
  'm',
  'm2',
  'set',
  'pair',
  'roll',
  'h',
  'day',
  'kWh',
  'pallet',
  'container',
] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

export const Period = z.enum(['week', 'month', 'quarter', 'year']);
export type Period = z.infer<typeof Period>;

/** A positive quantity with at most three decimals (2.5 t, 0.125 m3), never a float artefact. */
export const Quantity = z
  .number()
  .positive()
  .max(1e12)
  .refine((q) => Math.round(q * 1000) === q * 1000, 'At most three decimals.');
