/**
 * The Solar Hijri (Jalali) calendar, through the browser's own Intl data (`ca-persian`): no
 * arithmetic of our own to get wrong, only a search that Intl confirms. Dates here are calendar
 * dates ("2026-12-08", no zone), the same strings a date input holds.
 */
export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

const persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const DAY_MS = 86_400_000;

function partsOf(utcMs: number): JalaliDate {
  const parts = persian.formatToParts(new Date(utcMs));
  const get = (t: string) => Number.parseInt(parts.find((p) => p.type === t)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const isoDay = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/** "2026-12-08" (Gregorian) → { year: 1405, month: 9, day: 17 }; null for a malformed date. */
export function toJalali(gregorian: string): JalaliDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(gregorian);
  if (!m) return null;
  return partsOf(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const ordinal = (d: JalaliDate) => d.year * 400 + d.month * 32 + d.day;

/**
 * { year: 1405, month: 9, day: 17 } → "2026-12-08"; null when that day does not exist (the 30th of
 * Esfand in a common year). Starts from Nowruz's neighbourhood and walks until Intl agrees.
 */
export function fromJalali(j: JalaliDate): string | null {
  if (j.month < 1 || j.month > 12 || j.day < 1 || j.day > 31) return null;
  const daysIn = j.month <= 6 ? (j.month - 1) * 31 : 186 + (j.month - 7) * 30;
  let at = Date.UTC(j.year + 621, 2, 20) + (daysIn + j.day - 1) * DAY_MS;
  for (let i = 0; i < 8; i++) {
    const got = partsOf(at);
    if (got.year === j.year && got.month === j.month && got.day === j.day) return isoDay(at);
    const diff = ordinal(j) - ordinal(got);
    // Within a month the ordinal difference is the day difference; across months it overshoots
    // by at most a day or two, which the next round corrects.
    at += Math.sign(diff) * Math.max(1, Math.min(Math.abs(diff), 40)) * DAY_MS;
  }
  return null;
}

/** How many days a Jalali month has (Esfand: 29, or 30 in a leap year). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return fromJalali({ year, month: 12, day: 30 }) ? 30 : 29;
}

/** The month names as the user's language writes them (Farvardin … Esfand). */
export function jalaliMonthNames(locale: string): string[] {
  const base = locale.split('-u-')[0] as string;
  const f = new Intl.DateTimeFormat(`${base}-u-ca-persian`, { timeZone: 'UTC', month: 'long' });
  return Array.from({ length: 12 }, (_, i) => {
    const iso = fromJalali({ year: 1404, month: i + 1, day: 10 }) as string;
    return f.format(new Date(`${iso}T00:00:00Z`));
  });
}
