import type { Lang } from '@parkbridge/domain/shared';
import type { Formatters } from './catalogue';

/** The same locales as the web app: Persian with its own digits and the Solar Hijri calendar. */
export const LOCALES: Record<Lang, string> = {
  en: 'en',
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  mn: 'mn-MN',
  vi: 'vi-VN',
  zh: 'zh-CN',
};

/** Dates and numbers in the reader's language and time zone, the zone named (as on every screen). */
export function formattersFor(lang: Lang, timeZone: string): Formatters & { date: (ymd: string) => string } {
  const locale = LOCALES[lang];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  return {
    dateTime: (iso) => {
      const at = new Date(iso);
      const zone = zoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
      return zone ? `${dateTime.format(at)} (${zone})` : dateTime.format(at);
    },
    number: (n) => number.format(n),
    // A calendar date (YYYY-MM-DD) as it reads in the language, the same day everywhere.
    date: (ymd) => day.format(new Date(`${ymd}T12:00:00Z`)),
  };
}
