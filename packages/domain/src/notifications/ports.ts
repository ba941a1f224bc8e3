import type { Page, PageRequest } from '../core';
import type { Notification, NotificationDraft } from './notification';

export interface NotificationRepository {
  /** Delivers once per (org, dedupeKey); a repeat returns false and writes nothing. */
  notify(draft: NotificationDraft): Promise<boolean>;
  list(orgId: string, page: PageRequest, unreadOnly?: boolean): Promise<Page<Notification>>;
  markRead(orgId: string, notificationId: string): Promise<Notification | null>;
}
