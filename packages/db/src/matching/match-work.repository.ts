import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MatchWork, MatchWorkQueue } from '@parkbridge/domain/matching';
import type { Db } from '../core';
import { matchWorkKey } from './match-work.keys';

/** Work items outlive any retry of the stream (24 h of records) by nothing more than they must. */
const TTL_SECONDS = 24 * 3600;

/** A work item's id: the same for the same work left by the same record (a redelivery). */
export const matchWorkId = (sourceId: string, work: MatchWork) =>
  createHash('sha256')
    .update(sourceId)
    .update('\n')
    .update(JSON.stringify(work))
    .digest('base64url')
    .slice(0, 32);

/** The table as matching's work queue: each item's INSERT record is the next step's trigger. */
export class DynamoMatchWorkQueue implements MatchWorkQueue {
  constructor(private readonly db: Db) {}

  async enqueue(sourceId: string, work: readonly MatchWork[]) {
    const now = this.db.clock.now();
    await Promise.all(
      work.map(async (w) => {
        const text = JSON.stringify(w);
        try {
          await this.db.doc.send(
            new PutCommand({
              TableName: this.db.tableName,
              Item: {
                ...matchWorkKey(matchWorkId(sourceId, w)),
                type: 'match-work',
                work: JSON.parse(text),
                createdAt: now.toISOString(),
                ttl: Math.floor(now.getTime() / 1000) + TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }),
    );
  }
}
