import { z } from 'zod';
import type { NotificationKind } from './kinds';

/**
 * Notifications carry a kind and structured data, not prose: the web app words them in the
 * reader's language. `dedupeKey` makes delivery idempotent: one notification per key per org.
 */
export const Notification = z.object({
  notificationId: z.string(),
  orgId: z.string(),
  kind: z.string(),
  entityId: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export interface NotificationDraft {
  orgId: string;
  /** A kind from NOTIFICATION_KINDS: each has an email template in five languages. */
  kind: NotificationKind;
  entityId: string;
  data?: Record<string, unknown>;
  dedupeKey: string;
}
