import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications/kinds';
import { Lang, Text, TimeZone } from '../shared/locale';

/** How a person hears of one kind of notification by email. */
export const EmailMode = z.enum(['instant', 'daily', 'off']);
export type EmailMode = z.infer<typeof EmailMode>;

/**
 * What arrives by itself: a matched need and a deal message at once (someone waits for an answer),
 * and the two notices that lose their worth within minutes (a waitlist offer held for a quarter
 * of an hour, being outbid while an auction runs); everything else in the morning's digest.
 */
const INSTANT: readonly NotificationKind[] = [
  'need.matched',
  'deal.message',
  'award.approval_requested',
  'booking.offered',
  'bid.outbid',
];

export const defaultEmailMode = (kind: NotificationKind): EmailMode =>
  INSTANT.includes(kind) ? 'instant' : 'daily';

export const EmailModes = z.partialRecord(z.enum(NOTIFICATION_KINDS), EmailMode);
export type EmailModes = z.infer<typeof EmailModes>;

/** A person's own settings: the stored part, every field optional (defaults fill the rest). */
export const StoredPreferences = z.object({
  userId: z.string(),
  language: Lang.optional(),
  timeZone: TimeZone.optional(),
  email: EmailModes,
});
export type StoredPreferences = z.infer<typeof StoredPreferences>;

export const MePatch = z
  .strictObject({
    // A name goes into email headers: one line only (senders also flatten whatever gets past).
    name: Text(120)
      .refine((n) => !/[\r\n\t]/.test(n), { message: 'A name is one line.' })
      .optional(),
    language: Lang.optional(),
    timeZone: TimeZone.optional(),
    email: EmailModes.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Send at least one field.' });
export type MePatch = z.infer<typeof MePatch>;

/** The language and time zone a person is most likely to read in, from their firm's country. */
const BY_COUNTRY: Record<string, { language: Lang; timeZone: string }> = {
  IR: { language: 'fa', timeZone: 'Asia/Tehran' },
  MN: { language: 'mn', timeZone: 'Asia/Ulaanbaatar' },
  VN: { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' },
  CN: { language: 'zh', timeZone: 'Asia/Shanghai' },
};

export interface EffectivePreferences {
  language: Lang;
  timeZone: string;
  email: Record<NotificationKind, EmailMode>;
}

/**
 * A person's settings with the defaults filled in: their own choice first, then the language they
 * last used the web app in, then their firm's country, then English and UTC.
 */
export function effectivePreferences(
  stored: Omit<StoredPreferences, 'userId'> | null,
  hints: { lang?: Lang | undefined; country?: string | null | undefined } = {},
): EffectivePreferences {
  const byCountry = hints.country ? BY_COUNTRY[hints.country] : undefined;
  return {
    language: stored?.language ?? hints.lang ?? byCountry?.language ?? 'en',
    timeZone: stored?.timeZone ?? byCountry?.timeZone ?? 'UTC',
    email: Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, stored?.email[k] ?? defaultEmailMode(k)]),
    ) as Record<NotificationKind, EmailMode>,
  };
}
