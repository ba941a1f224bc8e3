/**
 * The currencies Parkbridge prices in, and how many minor units each `amount` counts: the one
 * source of exponents for the API (GET /v1/currencies), its validation and the web app.
 *
 * ISO 4217 and everyday practice disagree for the Iranian rial: ISO gives it 2 decimals (the
 * dinar), but no price has been written in dinars for decades, CLDR formats it with none, and
 * people quote whole rials (or tomans of ten rials). Parkbridge counts IRR in whole rials
 * (exponent 0), as prices are actually written; `{ amount: 1250000, currency: 'IRR' }` is
 * 1,250,000 rials. The others follow ISO 4217 (VND 0; the rest 2).
 */
export interface Currency {
  code: string;
  exponent: number;
  name: string;
}

export const CURRENCIES = [
  { code: 'IRR', exponent: 0, name: 'Iranian rial' },
  { code: 'MNT', exponent: 2, name: 'Mongolian tögrög' },
  { code: 'VND', exponent: 0, name: 'Vietnamese đồng' },
  { code: 'CNY', exponent: 2, name: 'Chinese yuan renminbi' },
  { code: 'USD', exponent: 2, name: 'US dollar' },
  { code: 'EUR', exponent: 2, name: 'Euro' },
  { code: 'AED', exponent: 2, name: 'UAE dirham' },
  { code: 'TRY', exponent: 2, name: 'Turkish lira' },
  { code: 'RUB', exponent: 2, name: 'Russian ruble' },
  { code: 'KZT', exponent: 2, name: 'Kazakhstani tenge' },
] as const satisfies readonly Currency[];

export type CurrencyCodeValue = (typeof CURRENCIES)[number]['code'];
export const CURRENCY_CODES = CURRENCIES.map((c) => c.code) as [CurrencyCodeValue, ...CurrencyCodeValue[]];

const EXPONENTS: ReadonlyMap<string, number> = new Map(CURRENCIES.map((c) => [c.code, c.exponent]));

/** Minor units per major unit of a listed currency, as 10^exponent. */
export function exponentOf(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new Error(`${code} is not a currency Parkbridge prices in.`);
  return exponent;
}
