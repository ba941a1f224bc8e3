import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, type Item, queryAll } from '../core';

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
