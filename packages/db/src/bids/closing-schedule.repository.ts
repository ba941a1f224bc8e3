import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ClosingScheduleRepository, retryWrite } from '@parkbridge/domain/bids';
import type { AuditEntry, Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { pad } from '../core/keys';
import { transact } from '../core/transact';
import { needKey } from '../needs/need.keys';

/**
 * The closing schedule entry: one per open need, in the need's partition, indexed on gsi1 by its
 * effective close so the close job reads only what is due. Bidding writes it (from the need's
 * stream), because the need item's index keys belong to the market context.
 */
export const CLOSING_PK = 'BIDDING#CLOSING';
export const closingKey = (needId: string) => ({ pk: needKey(needId).pk, sk: 'CLOSING' });
export const closingIndexKeys = (needId: string, closesAtMs: number) => ({
  gsi1pk: CLOSING_PK,
  gsi1sk: `${pad(closesAtMs, 15)}#${needId}`,
});

export class DynamoClosingScheduleRepository implements ClosingScheduleRepository {
  constructor(private readonly db: Db) {}

  async schedule(needId: string, closesAtMs: number) {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: {
          ...closingKey(needId),
          ...closingIndexKeys(needId, closesAtMs),
          type: 'closing-schedule',
          needId,
          closesAtMs,
        },
      }),
    );
  }

  async unschedule(needId: string) {
    await this.db.doc.send(new DeleteCommand({ TableName: this.db.tableName, Key: closingKey(needId) }));
  }

  async due(nowMs: number, limit: number) {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': CLOSING_PK, ':now': `${pad(nowMs, 15)}#~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({ needId: i.needId as string, closesAtMs: Number(i.closesAtMs) }));
  }

  async close(need: Stored<Need>, now: Date, audit: Omit<AuditEntry, 'entityId'>) {
    const step = auditStep(this.db, { ...audit, entityId: need.needId }, need, now);
    await transact(this.db, [
      {
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: needKey(need.needId),
            UpdateExpression:
              'SET #status = :closed, updatedAt = :at, #version = :version, auditHash = :hash',
            ConditionExpression: '#status = :open AND closesAtMs <= :now AND #version = :seen',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':open': 'open',
              ':now': now.getTime(),
              ':at': now.toISOString(),
              ':version': step.next.version,
              ':hash': step.next.auditHash,
              ':seen': need.version,
            },
          },
        },
        onConditionFailed: () => retryWrite(),
      },
      step.tx,
      { item: { Delete: { TableName: this.db.tableName, Key: closingKey(need.needId) } } },
    ]);
  }
}
