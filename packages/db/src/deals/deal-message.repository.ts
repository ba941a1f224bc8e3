import type { AuditEntry, PageRequest } from '@parkbridge/domain/core';
import type { DealMessage, DealMessageRepository } from '@parkbridge/domain/deals';
import type { AttachmentChange } from '@parkbridge/domain/documents';
import type { NotificationDraft } from '@parkbridge/domain/notifications';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { queryPage } from '../core/query';
import { transact } from '../core/transact';
import { stripKeys } from '../core/versioned-write';
import { attachmentWrites } from '../documents/upload.repository';
import { notificationWrites } from '../notifications/notification.repository';
import { quotaWrites } from '../quotas/quota.repository';
import { dealKey } from './deal.keys';
import { dealMessageKey, MESSAGE_PREFIX } from './deal-message.keys';

export class DynamoDealMessageRepository implements DealMessageRepository {
  constructor(private readonly db: Db) {}

  async post(
    message: DealMessage,
    effects: {
      notification: NotificationDraft;
      files: AttachmentChange | null;
      audit: Omit<AuditEntry, 'entityId'>;
      charges?: readonly QuotaCharge[];
    },
  ) {
    const at = new Date(message.createdAt);
    const audit = auditStep(this.db, { ...effects.audit, entityId: message.messageId }, null, at);
    await transact(this.db, [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...dealMessageKey(message.dealId, message.createdAt, message.messageId),
              type: 'deal-message',
              ...message,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      // The deal must still exist (it always does: deals are never deleted); keeps the thread honest.
      {
        item: {
          ConditionCheck: {
            TableName: this.db.tableName,
            Key: dealKey(message.dealId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      },
      audit.tx,
      ...notificationWrites(this.db, effects.notification, at).items,
      ...attachmentWrites(this.db, effects.files, at),
      ...quotaWrites(this.db, effects.charges),
    ]);
  }

  async list(dealId: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { pk: dealKey(dealId).pk, skPrefix: MESSAGE_PREFIX, consistent: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<DealMessage>(i)), nextCursor: res.nextCursor };
  }
}
