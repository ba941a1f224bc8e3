import type { QuotaCharge, QuotaRepository } from '@parkbridge/domain/quotas';
import { rateLimited } from '@parkbridge/domain/quotas';
import type { Db } from '../core/db';
import { type TxItem, transact } from '../core/transact';
import { quotaKey } from './quota.keys';

const DAY_S = 86_400;

/**
 * The quota's part of an action's transaction: each counter grows by the action's amount only
 * if it stays within its limit. A counter over the limit cancels the whole transaction, so an
 * action refused for its quota writes nothing, and concurrent actions cannot pass the limit.
 */
export function quotaWrites(db: Db, charges: readonly QuotaCharge[] = []): TxItem[] {
  return charges.map((c) => ({
    item: {
      Update: {
        TableName: db.tableName,
        Key: quotaKey(c),
        UpdateExpression: 'ADD n :amount SET #ttl = :ttl, #type = :type',
        ConditionExpression: 'attribute_not_exists(n) OR n <= :room',
        ExpressionAttributeNames: { '#ttl': 'ttl', '#type': 'type' },
        ExpressionAttributeValues: {
          ':amount': c.amount,
          ':room': c.limit - c.amount,
          ':ttl': Math.floor((c.windowStartMs + c.windowS * 1000) / 1000) + DAY_S,
          ':type': 'quota',
        },
      },
    },
    onConditionFailed: () => rateLimited(c, db.clock.now().getTime()),
  }));
}

/** Charges for an action whose own write is a single item (an upload's presign): one round trip more. */
export class DynamoQuotaRepository implements QuotaRepository {
  constructor(private readonly db: Db) {}

  async take(charges: readonly QuotaCharge[]): Promise<void> {
    if (charges.length) await transact(this.db, quotaWrites(this.db, charges));
  }
}
