import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, type Item, queryAll } from '../core';

type Key = { pk: string; sk: string };

/** BatchGetItem, strongly consistent (marks are counted from what it reads), retrying unprocessed keys. */
export async function consistentBatchGet(db: Db, keys: readonly Key[]): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] | undefined = unique.slice(i, i + 100);
    for (let round = 0; pending?.length; round++) {
      if (round >= 8) throw new Error('BatchGetItem left keys unprocessed after retries.');
      if (round) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
      const out = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[db.tableName] ?? []));
      pending = out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined;
    }
  }
  return found;
}

/** The first `limit` items of a partition (one Query). */
export async function queryFirst(db: Db, pk: string, skPrefix: string, limit: number): Promise<Item[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
      ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
      ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** Every item of one of the park's own partitions, page after page (the rebuild and bounded reads). */
export function queryEvery(db: Db, pk: string, skPrefix?: string): Promise<Item[]> {
  // No cap: the rebuild must see a park's whole partition, however large it has grown.
  return queryAll(db, { pk, skPrefix }, Number.POSITIVE_INFINITY);
}
