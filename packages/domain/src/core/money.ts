import { z } from 'zod';

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 code, upper case, one the runtime knows (so formatting never fails later). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as IRR, MNT, VND, CNY.')
  .refine((c) => knownCurrencies.has(c), 'Unknown ISO 4217 currency code.');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Money is an integer in minor units: floats never carry prices. */
export const Money = z.strictObject({
  amount: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const money = (amount: number, currency: string): Money => ({ amount, currency });
