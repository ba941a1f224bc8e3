import { asciiDigits } from './digits';

export interface Money {
  amount: number;
  currency: string;
}

export interface Currency {
  code: string;
  exponent: number;
  name: string;
}

const exponents = new Map<string, number>();

/** Takes the exponents the API states (GET /v1/currencies); the shell loads them before any page. */
export function setCurrencies(items: readonly Currency[]): void {
  for (const c of items) exponents.set(c.code, c.exponent);
}

/**
 * How many minor units an amount of this currency counts, as the API states it: never guessed
 * (CLDR and ISO 4217 disagree for IRR, and a client off by 100× is worse than one that stops).
 */
export function currencyDigits(currency: string): number {
  const exponent = exponents.get(currency);
  if (exponent === undefined) {
    throw new Error(`The exponent of ${currency} is unknown: GET /v1/currencies did not list it.`);
  }
  return exponent;
}

const decimalSeparator = (locale: string) =>
  new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';

/**
 * A typed price ("1 250,50", "۱۲۵۰٫۵", "1,250.50") to integer minor units, without ever passing
 * through a float. Null when it is not a number or has more decimals than the currency allows.
 */
export function parseMoneyInput(input: string, currency: string, locale: string): number | null {
  let s = asciiDigits(input)
    .replace(/[\s\u00a0\u202f\u066c']/g, '')
    .replace('\u066b', '.');
  if (!s) return null;
  if (decimalSeparator(locale) === ',') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const digits = currencyDigits(currency);
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(`${m[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to a plain editable string ("1250.5" for 125050 CNY). */
export function moneyInputValue(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amount);
  const s = String(amount).padStart(digits + 1, '0');
  const whole = s.slice(0, -digits);
  const fraction = s.slice(-digits).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** A plain decimal quantity ("2.5", "۲٫۵") to a number with at most three decimals. */
export function parseQuantityInput(input: string): number | null {
  const s = asciiDigits(input).trim().replace('\u066b', '.').replace(',', '.');
  if (!/^\d+(?:\.\d{1,3})?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}
