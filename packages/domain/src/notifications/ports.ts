import type { Page, PageRequest } from '../core';
import type { Notification, NotificationDraft } from './notification';

export interface NotificationRepository {
  /** Delivers once per (org, dedupeKey); a repeat returns false and writes nothing. */
  notify(draft: NotificationDraft): Promise<boolean>;
  list(orgId: string, page: PageRequest, unreadOnly?: boolean): Promise<Page<Notification>>;
  /** The organisation a notification was delivered to; null when there is none. */
  orgOf(notificationId: string): Promise<string | null>;
  markRead(orgId: string, notificationId: string): Promise<Notification | null>;
}
