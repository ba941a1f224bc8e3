import { type AuditEntry, conflict, type PageRequest, type Stored } from '@parkbridge/domain/core';
import type { AwardRequest, AwardRequestRepository } from '@parkbridge/domain/deals';
import type { NotificationDraft } from '@parkbridge/domain/notifications';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { getItem, queryPage } from '../core/query';
import { type TxItem, transact } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { notificationWrites } from '../notifications/notification.repository';
import {
  pendingAwardKey,
  pendingAwardKeys,
  pendingAwardsPartition,
  settledAwardKey,
} from './award-request.keys';

type Audit = Omit<AuditEntry, 'entityId'>;

export class DynamoAwardRequestRepository implements AwardRequestRepository {
  constructor(private readonly db: Db) {}

  async pending(needId: string) {
    const key = pendingAwardKey(needId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<AwardRequest>>(item) : null;
  }

  async listPending(orgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi1', pk: pendingAwardsPartition(orgId) }, page);
    return { items: res.items.map((i) => stripKeys<Stored<AwardRequest>>(i)), nextCursor: res.nextCursor };
  }

  create(request: AwardRequest, audit: Audit, notification: NotificationDraft) {
    return writeVersioned(this.db, {
      keys: pendingAwardKeys(request),
      entityId: request.requestId,
      next: request as Stored<AwardRequest>,
      prev: null,
      audit,
      extra: { type: 'award-request' },
      onExists: () =>
        conflict(
          'award.approval_pending',
          'An award of this need is waiting for an admin’s approval already.',
        ),
      with: notificationWrites(this.db, notification, this.db.clock.now()).items,
    });
  }

  async settle(next: AwardRequest, prev: Stored<AwardRequest>, audit: Audit) {
    const { items, settled } = settleWrites(this.db, next, prev, audit, this.db.clock.now());
    await transact(this.db, items);
    return settled;
  }
}

/**
 * A pending request's settlement, to commit alone or inside the award it approves: the pending item
 * goes (only from the version read), its history item and audit record are written.
 */
export function settleWrites(
  db: Db,
  next: AwardRequest,
  prev: Stored<AwardRequest>,
  audit: Audit,
  at: Date,
): { items: TxItem[]; settled: Stored<AwardRequest> } {
  const step = auditStep(db, { ...audit, entityId: prev.requestId }, prev, at);
  const settled: Stored<AwardRequest> = { ...next, ...step.next };
  return {
    settled,
    items: [
      {
        item: {
          Delete: {
            TableName: db.tableName,
            Key: pendingAwardKey(prev.needId),
            ConditionExpression: 'requestId = :id AND #version = :seen',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':id': prev.requestId, ':seen': prev.version },
          },
        },
        onConditionFailed: () =>
          conflict('award.no_pending_request', 'The award request was settled at the same time.'),
      },
      {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...settledAwardKey(settled), type: 'award-request', ...settled },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      step.tx,
    ],
  };
}
