import type { Clock } from '../core';
import type { NotificationRepository } from '../notifications/ports';
import { normalizeEmail } from '../users/user';
import type { MailPeople, Suppression, SuppressionList } from './ports';

/**
 * An address that bounced or complained is never written to again (senders that keep mailing
 * dead addresses lose their reputation, and everyone's mail with it). Its person is told in the
 * app, where they can see it without the email that cannot reach them.
 */
export class MailSuppressions {
  constructor(
    private readonly d: {
      suppressions: SuppressionList;
      people: MailPeople;
      notifications: NotificationRepository;
      clock: Clock;
    },
  ) {}

  async suppress(email: string, reason: Suppression['reason'], detail: string): Promise<boolean> {
    const address = normalizeEmail(email);
    const at = this.d.clock.now().toISOString();
    const fresh = await this.d.suppressions.add({ email: address, reason, detail: detail.slice(0, 500), at });
    if (!fresh) return false;
    const person = await this.d.people.byEmail(address);
    if (person?.orgId) {
      await this.d.notifications.notify({
        orgId: person.orgId,
        kind: 'email.suppressed',
        entityId: person.userId,
        data: { userId: person.userId, name: person.name, email: address, reason },
        dedupeKey: `email.suppressed#${address}#${at}`,
      });
    }
    return true;
  }
}
