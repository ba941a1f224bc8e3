import { type Caller, notFound, type PageRequest, requireOrg } from '../core';
import type { NotificationRepository } from './ports';

export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(caller: Caller, page: PageRequest, unreadOnly = false) {
    return this.notifications.list(requireOrg(caller).orgId, page, unreadOnly);
  }

  /** A notification is its organisation's alone. */
  async visible(caller: Caller, notificationId: string): Promise<void> {
    const orgId = await this.notifications.orgOf(notificationId);
    if (!orgId || orgId !== requireOrg(caller).orgId) throw notFound('notification');
  }

  async markRead(caller: Caller, notificationId: string) {
    const n = await this.notifications.markRead(requireOrg(caller).orgId, notificationId);
    if (!n) throw notFound('notification');
    return n;
  }
}
