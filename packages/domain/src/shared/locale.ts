import { z } from 'zod';

/** The interface languages; titles and names may carry any of them. */
export const LANGS = ['en', 'fa', 'mn', 'vi', 'zh'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const LocalizedText = z.partialRecord(Lang, z.string().min(1).max(300));
export type LocalizedText = z.infer<typeof LocalizedText>;

// Listed on first use: every bundle imports this module, few requests name a time zone.
let zones: Set<string> | undefined;
// ICU lists one name per zone, and on some runtimes the old one (Asia/Saigon, not Asia/Ho_Chi_Minh):
// any name the runtime can format in is an IANA zone or alias, so ask it. Offsets like +03:30 are not zones.
const isTimeZone = (tz: string): boolean => {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (zones.has(tz)) return true;
  if (!/^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
export const TimeZone = z.string().max(64).refine(isTimeZone, 'Unknown IANA time zone.');

/** ISO 3166-1 alpha-2. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 code such as IR, MN, VN, CN.');

/** Free text from users: any script, but no control characters and no bidi overrides. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(s), {
      message: 'Control and direction-override characters are not allowed.',
    });

export const IsoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
export const IsoDate = z.iso.date();
