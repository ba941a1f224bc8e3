import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '@parkbridge/domain/core';
import type { Db } from './db';
import type { Item } from './query';

type Key = { pk: string; sk: string };

const MAX_ROUNDS = 8;
/** Batches in flight at once: enough to hide latency, few enough not to throttle a small table. */
const PARALLEL_BATCHES = 4;

const backoff = (round: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));

/**
 * BatchGetItem in chunks of 100, a few at once, retrying unprocessed keys (DynamoDB returns them
 * under load). `consistent` where what is read decides a write (counted marks, a bid's need).
 */
export async function batchGet(
  db: Db,
  keys: readonly Key[],
  /** `attributes`: read only these (and the keys), when the items are large and little is needed. */
  options: { consistent?: boolean; attributes?: readonly string[] } = {},
): Promise<Item[]> {
  const names = options.attributes?.length
    ? Object.fromEntries(['pk', 'sk', ...options.attributes].map((a, i) => [`#a${i}`, a]))
    : undefined;
  const unique = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  const found = await mapLimit(chunked(unique, 100), PARALLEL_BATCHES, async (chunk) => {
    const items: Item[] = [];
    let pending: Key[] | undefined = chunk;
    for (let round = 0; pending?.length; round++) {
      if (round >= MAX_ROUNDS) throw new Error('BatchGetItem left keys unprocessed after retries.');
      if (round) await backoff(round);
      const out: BatchGetCommandOutput = await db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: pending,
              ConsistentRead: options.consistent,
              ...(names
                ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }
                : {}),
            },
          },
        }),
      );
      items.push(...(out.Responses?.[db.tableName] ?? []));
      pending = out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined;
    }
    return items;
  });
  return found.flat();
}

export type WriteRequest = { put: Item } | { delete: Key };

/**
 * BatchWriteItem in chunks of 25, a few at once, retrying unprocessed requests. Not atomic: for
 * derived items (matches, inbox rows) that a rerun recomputes anyway, never for an invariant.
 */
export async function batchWrite(db: Db, requests: readonly WriteRequest[]): Promise<void> {
  await mapLimit(chunked(requests, 25), PARALLEL_BATCHES, async (chunk) => {
    let pending: unknown[] | undefined = chunk.map((r) =>
      'put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } },
    );
    for (let round = 0; pending?.length; round++) {
      if (round >= MAX_ROUNDS) throw new Error('BatchWriteItem left requests unprocessed after retries.');
      if (round) await backoff(round);
      const out: BatchWriteCommandOutput = await db.doc.send(
        new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }),
      );
      pending = out.UnprocessedItems?.[db.tableName];
    }
  });
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
