import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, ttlFrom } from '../core';

/** A stored response, replayed verbatim to a retry with the same key and request. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'in_progress'; fingerprint: string }
  | { kind: 'completed'; fingerprint: string; response: StoredResponse };

const key = (scope: string, idempotencyKey: string) => ({
  pk: `IDEMPOTENCY#${scope}#${idempotencyKey}`,
  sk: 'KEY',
});

/** Keys live at least 24 hours (docs/api.md); the item stays two days and the TTL sweeps it after. */
const KEEP_S = 48 * 3600;
/** A request that died mid-flight frees its key after this long, so the client can retry. */
const LOCK_S = 60;

export class DynamoIdempotencyRepository {
  constructor(private readonly db: Db) {}

  /** Claims the key for a request, or says what the first request with this key did. */
  async claim(scope: string, idempotencyKey: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.db.clock.now();
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: {
            ...key(scope, idempotencyKey),
            type: 'idempotency',
            status: 'in_progress',
            fingerprint,
            lockedUntil: now.getTime() + LOCK_S * 1000,
            expiresAtMs: now.getTime() + KEEP_S * 1000,
            ttl: ttlFrom(now, KEEP_S),
          },
          // Expiry is checked here, not left to TTL (which deletes hours late, and never locally).
          ConditionExpression:
            'attribute_not_exists(pk) OR expiresAtMs < :now OR (#s = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':now': now.getTime(), ':inProgress': 'in_progress' },
        }),
      );
      return { kind: 'claimed' };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: key(scope, idempotencyKey), ConsistentRead: true }),
    );
    const item = out.Item;
    if (!item) return this.claim(scope, idempotencyKey, fingerprint);
    if (item.status === 'completed') {
      return { kind: 'completed', fingerprint: item.fingerprint, response: item.response as StoredResponse };
    }
    return { kind: 'in_progress', fingerprint: item.fingerprint };
  }

  async complete(scope: string, idempotencyKey: string, response: StoredResponse): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: key(scope, idempotencyKey),
        UpdateExpression: 'SET #s = :completed, #r = :response REMOVE lockedUntil',
        ExpressionAttributeNames: { '#s': 'status', '#r': 'response' },
        ExpressionAttributeValues: { ':completed': 'completed', ':response': response },
      }),
    );
  }

  /** A failed request (5xx) must not pin its key: the client's retry should run for real. */
  async release(scope: string, idempotencyKey: string): Promise<void> {
    await this.db.doc.send(
      new DeleteCommand({ TableName: this.db.tableName, Key: key(scope, idempotencyKey) }),
    );
  }
}
