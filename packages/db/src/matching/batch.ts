import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db, Item } from '../core';

type Key = { pk: string; sk: string };

const MAX_ROUNDS = 8;
const backoff = (round: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));

/** BatchGetItem in chunks of 100, retrying unprocessed keys (DynamoDB returns them under load). */
export async function batchGet(db: Db, keys: readonly Key[]): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] | undefined = unique.slice(i, i + 100);
    for (let round = 0; pending?.length; round++) {
      if (round >= MAX_ROUNDS) throw new Error('BatchGetItem left keys unprocessed after retries.');
      if (round) await backoff(round);
      const out = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }),
      );
      found.push(...(out.Responses?.[db.tableName] ?? []));
      pending = out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined;
    }
  }
  return found;
}

export type WriteRequest = { put: Item } | { delete: Key };

/**
 * BatchWriteItem in chunks of 25, retrying unprocessed requests. Not atomic: for derived items
 * (matches, inbox rows) that a rerun recomputes anyway, never for an invariant.
 */
export async function batchWrite(db: Db, requests: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: unknown[] | undefined = requests
      .slice(i, i + 25)
      .map((r) => ('put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } }));
    for (let round = 0; pending?.length; round++) {
      if (round >= MAX_ROUNDS) throw new Error('BatchWriteItem left requests unprocessed after retries.');
      if (round) await backoff(round);
      const out: BatchWriteCommandOutput = await db.doc.send(
        new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }),
      );
      pending = out.UnprocessedItems?.[db.tableName];
    }
  }
}
