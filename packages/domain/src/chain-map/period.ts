import { z } from 'zod';
import type { Period } from '../shared/units';

/**
 * A map period is a calendar month, quarter or year in the park's time zone, named by its key:
 * `2025-04`, `2025-Q2`, `2025`. Awarded figures are kept under all three keys of an award's
 * local date, so any of them is read with one Query.
 */
export const MapPeriodKind = z.enum(['month', 'quarter', 'year']);
export type MapPeriodKind = z.infer<typeof MapPeriodKind>;

export const PeriodKey = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/,
    'A month (2025-04), a quarter (2025-Q2) or a year (2025).',
  );

export interface MapPeriod {
  key: string;
  kind: MapPeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 1 for a year. */
  index: number;
}

export function parsePeriod(key: string): MapPeriod {
  const year = Number(key.slice(0, 4));
  if (key.length === 4) return { key, kind: 'year', year, index: 1 };
  if (key[5] === 'Q') return { key, kind: 'quarter', year, index: Number(key.slice(6)) };
  return { key, kind: 'month', year, index: Number(key.slice(5)) };
}

const periodOf = (kind: MapPeriodKind, year: number, index: number): MapPeriod => {
  if (kind === 'year') return { key: String(year), kind, year, index: 1 };
  if (kind === 'quarter') return { key: `${year}-Q${index}`, kind, year, index };
  return { key: `${year}-${String(index).padStart(2, '0')}`, kind, year, index };
};

/** The period just before (the trend compares the two). */
export function previousPeriod(p: MapPeriod): MapPeriod {
  if (p.kind === 'year') return periodOf('year', p.year - 1, 1);
  const last = p.kind === 'quarter' ? 4 : 12;
  return p.index > 1 ? periodOf(p.kind, p.year, p.index - 1) : periodOf(p.kind, p.year - 1, last);
}

/** The period just after (an award's figures are also kept as the next period's trend baseline). */
export function nextPeriod(p: MapPeriod): MapPeriod {
  if (p.kind === 'year') return periodOf('year', p.year + 1, 1);
  const last = p.kind === 'quarter' ? 4 : 12;
  return p.index < last ? periodOf(p.kind, p.year, p.index + 1) : periodOf(p.kind, p.year + 1, 1);
}

/** The calendar year and month of an instant in a time zone. */
export function localYearMonth(at: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month') };
}

/** The month, quarter and year an instant falls in, in the park's time zone. */
export function periodsContaining(at: Date, timeZone: string): MapPeriod[] {
  const { year, month } = localYearMonth(at, timeZone);
  return [
    periodOf('month', year, month),
    periodOf('quarter', year, Math.ceil(month / 3)),
    periodOf('year', year, 1),
  ];
}

export function currentPeriod(now: Date, timeZone: string, kind: MapPeriodKind = 'quarter'): MapPeriod {
  return periodsContaining(now, timeZone).find((p) => p.kind === kind) as MapPeriod;
}

/** How many of a period fit in a year: declared quantities are kept per year and shown per map period. */
export const PER_YEAR: Readonly<Record<Period | MapPeriodKind, number>> = {
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

/** Quantities are counted in integer thousandths (inputs allow three decimals), so sums stay exact. */
export const toMilli = (quantity: number): number => Math.round(quantity * 1000);
export const fromMilli = (milli: number): number => Math.round(milli) / 1000;

/** A per-year thousandths figure shown per map period, rounded to three decimals. */
export const milliPerYearIn = (milliPerYear: number, kind: MapPeriodKind): number =>
  Math.round(milliPerYear / PER_YEAR[kind]) / 1000;
