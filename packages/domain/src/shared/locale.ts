import { z } from 'zod';

/** The interface languages; titles and names may carry any of them. */
export const LANGS = ['en', 'fa', 'mn', 'vi', 'zh'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

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

// With the u flag a lone (unpaired) surrogate is a code point of its own, in Cs.
const LONE_SURROGATE = /\p{Cs}/u;
// Something a reader sees: not only spaces, joiners, bidi marks, combining marks on nothing, or the
// letters that draw nothing (Hangul fillers, the blank Braille pattern).
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** What every piece of users' text must be: well-formed, and something a reader can see. */
export const readableText = <T extends z.ZodString>(schema: T) =>
  schema
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'Holds a lone surrogate: not valid Unicode text.' })
    // Empty text is min(1)'s to refuse: one error per field.
    .refine((s) => !s || VISIBLE.test(s), {
      message: 'Needs a visible character (not only spaces, joiners or direction marks).',
    });

/** Free text from users: any script, but no control characters and no bidi overrides. */
export const Text = (max: number) =>
  readableText(
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(s), {
        message: 'Control and direction-override characters are not allowed.',
      }),
  );

export const LocalizedText = z.partialRecord(Lang, readableText(z.string().min(1).max(300)));
export type LocalizedText = z.infer<typeof LocalizedText>;

export const IsoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
export const IsoDate = z.iso.date();
