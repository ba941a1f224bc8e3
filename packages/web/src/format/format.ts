import { LANGUAGES, type Lang } from '../i18n/languages';
import { currencyDigits, type Money } from './money';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const validZone = (tz: string | undefined) => {
  if (!tz) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
};

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Every number, amount and date the interface shows goes through here: Intl in the user's
 * language (Persian digits and the Solar Hijri calendar for Persian), times in the park's zone.
 */
export function createFormat(lang: Lang) {
  const locale = LANGUAGES[lang].locale;
  const number = (n: number, options: Intl.NumberFormatOptions = {}) =>
    cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(n);
  // Some browsers ship without a language's date data (Chrome's ICU has no Mongolian): dates
  // then fall back to the numeric year.month.day form that Mongolia itself writes.
  const hasDates = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  const numeric = (d: Date, timeZone: string | undefined, withTime: 'none' | 'minutes' | 'seconds') => {
    const parts = dateTimeFormat(
      {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        ...(withTime === 'none'
          ? {}
          : {
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23' as const,
              ...(withTime === 'seconds' ? { second: '2-digit' as const } : {}),
            }),
      },
      timeZone,
      'en-US',
    ).formatToParts(d);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const date = `${get('year')}.${get('month')}.${get('day')}`;
    if (withTime === 'none') return date;
    return `${date} ${get('hour')}:${get('minute')}${withTime === 'seconds' ? `:${get('second')}` : ''}`;
  };
  const dateTimeFormat = (options: Intl.DateTimeFormatOptions, timeZone?: string, as: string = locale) => {
    const tz = validZone(timeZone);
    return cached(
      `d|${as}|${tz ?? ''}|${JSON.stringify(options)}`,
      () => new Intl.DateTimeFormat(as, { ...options, ...(tz ? { timeZone: tz } : {}) }),
    ) as Intl.DateTimeFormat;
  };
  return {
    lang,
    locale,
    number,
    /** 0.42 → "42 %" in the user's digits. */
    percent: (ratio: number) => number(ratio, { style: 'percent', maximumFractionDigits: 1 }),
    /** Integer minor units with their ISO 4217 code; never a float in the data. */
    money(m: Money | null | undefined): string {
      if (!m) return '—';
      const digits = currencyDigits(m.currency);
      return number(m.amount / 10 ** digits, {
        style: 'currency',
        currency: m.currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: digits,
      });
    },
    /** A UTC instant shown in the given (park's) time zone. */
    dateTime(iso: string | null | undefined, timeZone?: string): string {
      if (!iso) return '—';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      if (!hasDates) return numeric(d, timeZone, 'minutes');
      return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(d);
    },
    /** Date and time with seconds, for an auction's close. */
    dateTimeSeconds(iso: string, timeZone?: string): string {
      if (!hasDates) return numeric(new Date(iso), timeZone, 'seconds');
      return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'medium' }, timeZone).format(new Date(iso));
    },
    /** A calendar date ("2028-12-31", which has no zone) in the user's calendar. */
    date(value: string | null | undefined): string {
      if (!value) return '—';
      const d = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
      if (Number.isNaN(d.getTime())) return value;
      if (!hasDates) return numeric(d, 'UTC', 'none');
      return dateTimeFormat({ dateStyle: 'medium' }, 'UTC').format(d);
    },
    /** The time-zone name as the user's language writes it, e.g. "Iran Standard Time". */
    zoneName(timeZone: string, at = new Date()): string {
      const tz = validZone(timeZone);
      if (!tz) return timeZone;
      return (
        dateTimeFormat({ timeZoneName: 'long' }, tz)
          .formatToParts(at)
          .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
      );
    },
    duration(ms: number): DurationParts {
      const total = Math.max(0, Math.floor(ms / 1000));
      return {
        days: Math.floor(total / 86400),
        hours: Math.floor((total % 86400) / 3600),
        minutes: Math.floor((total % 3600) / 60),
        seconds: total % 60,
      };
    },
    /** Two digits in the user's script, for clocks. */
    twoDigits: (n: number) => number(n, { minimumIntegerDigits: 2, useGrouping: false }),
  };
}

export type Format = ReturnType<typeof createFormat>;
