import { z } from 'zod';
import { CURRENCY_CODES } from './currencies';

const LISTED: ReadonlySet<string> = new Set(CURRENCY_CODES);

/** ISO 4217 code of a currency Parkbridge prices in (GET /v1/currencies lists them). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as IRR, MNT, VND, CNY.')
  .refine((c) => LISTED.has(c), `Use a currency GET /v1/currencies lists: ${CURRENCY_CODES.join(', ')}.`);
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Money is an integer in minor units (GET /v1/currencies says how many per currency): floats never carry prices. */
export const Money = z.strictObject({
  amount: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const money = (amount: number, currency: string): Money => ({ amount, currency });

/**
 * A decimal number as the exact fraction it was written as (`0.1` is 1/10, not the binary float
 * next to it): JavaScript's shortest round-trip text of a number is the decimal a client sent.
 */
export function exactFraction(value: number): { numerator: bigint; denominator: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new Error(`Not a finite decimal: ${value}`);
  const [, sign, whole, fraction = '', exp = '0'] = m;
  const scale = fraction.length - Number(exp);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0
    ? { numerator: digits, denominator: 10n ** BigInt(scale) }
    : { numerator: digits * 10n ** BigInt(-scale), denominator: 1n };
}

/** numerator / denominator (both ≥ 0) rounded to an integer, half to even (banker's rounding). */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}
