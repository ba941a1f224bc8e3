import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, DomainError, type PageRequest } from '@parkbridge/domain/core';
import type {
  Notification,
  NotificationDraft,
  NotificationRepository,
} from '@parkbridge/domain/notifications';
import { type Db, getItem, queryPage, stripKeys, type TxItem, transact } from '../core';

/** Same org and dedupe key, same id: a retried job or a redelivered stream record cannot notify twice. */
export const notificationId = (orgId: string, dedupeKey: string) =>
  `ntf_${createHash('sha256').update(`${orgId}\n${dedupeKey}`).digest('hex').slice(0, 26)}`;

const DUPLICATE = 'notification.duplicate';

const markerKey = (id: string) => ({ pk: `NOTIF#${id}`, sk: 'NOTIF' });
/**
 * gsi1 `ORG#<orgId>#UNREAD` / the list's sort key: a sparse index of the unread ones only (the
 * keys go when it is read), so the unread list reads what it returns, not the firm's history.
 */
const unreadKeys = (orgId: string, sk: string) => ({ gsi1pk: `ORG#${orgId}#UNREAD`, gsi1sk: sk });
/** Notifications and their markers expire (TTL) a year after they were made. */
const KEEP_S = 365 * 24 * 3600;

/**
 * The two writes of a notification, for callers that must notify in the same transaction as a
 * change (an award tells every bidder). The marker's condition makes the pair idempotent.
 */
export function notificationWrites(
  db: Db,
  draft: NotificationDraft,
  at: Date,
): { items: TxItem[]; id: string } {
  const id = notificationId(draft.orgId, draft.dedupeKey);
  const createdAt = at.toISOString();
  const sk = `${createdAt}#${id}`;
  const ttl = Math.floor(at.getTime() / 1000) + KEEP_S;
  const notification: Notification = {
    notificationId: id,
    orgId: draft.orgId,
    kind: draft.kind,
    entityId: draft.entityId,
    data: draft.data ?? {},
    createdAt,
    readAt: null,
  };
  return {
    id,
    items: [
      {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...markerKey(id), type: 'notification-marker', orgId: draft.orgId, listSk: sk, ttl },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => conflict(DUPLICATE, 'This notification was delivered already.'),
      },
      {
        item: {
          Put: {
            TableName: db.tableName,
            Item: {
              pk: `ORG#${draft.orgId}#NOTIF`,
              sk,
              ...unreadKeys(draft.orgId, sk),
              type: 'notification',
              ttl,
              ...notification,
            },
          },
        },
      },
    ],
  };
}

export class DynamoNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Db) {}

  async notify(draft: NotificationDraft): Promise<boolean> {
    try {
      await transact(this.db, notificationWrites(this.db, draft, this.db.clock.now()).items);
      return true;
    } catch (err) {
      if (isDuplicate(err)) return false;
      throw err;
    }
  }

  async list(orgId: string, page: PageRequest, unreadOnly = false) {
    const res = await queryPage(
      this.db,
      unreadOnly
        ? { index: 'gsi1', pk: unreadKeys(orgId, '').gsi1pk, descending: true }
        : { pk: `ORG#${orgId}#NOTIF`, descending: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Notification>(i)), nextCursor: res.nextCursor };
  }

  async orgOf(notificationId: string) {
    const marker = await getItem(this.db, markerKey(notificationId).pk, 'NOTIF');
    return typeof marker?.orgId === 'string' ? marker.orgId : null;
  }

  async markRead(orgId: string, notificationId: string) {
    const marker = await getItem(this.db, markerKey(notificationId).pk, 'NOTIF');
    // Another organisation's notification looks exactly like a missing one.
    if (!marker || marker.orgId !== orgId) return null;
    const key = { pk: `ORG#${orgId}#NOTIF`, sk: marker.listSk as string };
    try {
      const out = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: key,
          UpdateExpression: 'SET readAt = :now REMOVE gsi1pk, gsi1sk',
          // readAt is stored as null until read (if_not_exists would keep that null): set it once.
          ConditionExpression: 'attribute_exists(pk) AND attribute_type(readAt, :nullType)',
          ExpressionAttributeValues: { ':now': this.db.clock.now().toISOString(), ':nullType': 'NULL' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? stripKeys<Notification>(out.Attributes) : null;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const item = await getItem(this.db, key.pk, key.sk, true);
      return item ? stripKeys<Notification>(item) : null;
    }
  }
}

const isDuplicate = (err: unknown) => err instanceof DomainError && err.code === DUPLICATE;
