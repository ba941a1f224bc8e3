import type { MailedNotification } from '@parkbridge/domain/mail';
import type { MailContext } from '@parkbridge/runtime';
import type { StreamConsumer } from '../stream/consumer';

/**
 * The outbox's source: each notification written to the table (never changed after, but read)
 * becomes the emails it means. Planning is conditional on each email's id, so a redelivered
 * record, or this consumer run again over old records, plans nothing twice.
 */
export function mailPlanConsumer(mail: MailContext): StreamConsumer {
  return {
    name: 'mail.plan',
    wants: (c) => c.kind === 'INSERT' && c.newImage?.type === 'notification',
    handle: async (c) => {
      await mail.planner.plan(mailedNotification(c.newImage as Record<string, unknown>));
    },
  };
}

const mailedNotification = (i: Record<string, unknown>): MailedNotification => ({
  notificationId: i.notificationId as string,
  orgId: i.orgId as string,
  kind: i.kind as MailedNotification['kind'],
  entityId: i.entityId as string,
  data: (i.data as Record<string, unknown> | undefined) ?? {},
  createdAt: i.createdAt as string,
});
