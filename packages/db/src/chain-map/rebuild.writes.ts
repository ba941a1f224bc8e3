import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { type NewContribution, totalOf } from '@parkbridge/domain/chain-map';
import { canonicalJson, type Db, type Item } from '../core';
import {
  aggregateKey,
  aggregateLabels,
  aggregatesPk,
  contributionItem,
  edgesPk,
  ItemType,
  markSk,
  marksPk,
  rowsPk,
  sourcesPk,
} from './chain-map.keys';
import { queryEvery } from './reads';

type Key = { pk: string; sk: string };
const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });
const id = (k: Key) => `${k.pk}\n${k.sk}`;

/**
 * The rebuild's write: every chain-map item of the park as the sum of the given contributions,
 * and the park's old items that the sum no longer has deleted. BatchWriteItem is not atomic: run
 * it while the park's changes are quiet (docs/chain-map.md), or run it again.
 */
export async function replaceParkItems(db: Db, parkId: string, contributions: readonly NewContribution[]) {
  const aggregates = await queryEvery(db, aggregatesPk(parkId));
  const periods = new Set(
    aggregates.map((i) => /^P#([^#]+)#/.exec(String(i.sk))?.[1]).filter((p): p is string => !!p),
  );
  const total = totalOf(contributions.map((c) => c.contribution));
  for (const c of total.counters)
    if (c.ref.kind === 'edge' || c.ref.kind === 'total') periods.add(c.ref.scope);
  const existing = [
    ...aggregates,
    ...(await Promise.all([...periods].map((p) => queryEvery(db, edgesPk(parkId, p))))).flat(),
    ...(await queryEvery(db, rowsPk(parkId, 'declared'))),
    ...(await queryEvery(db, rowsPk(parkId, 'idle'))),
    ...(await queryEvery(db, marksPk(parkId))),
    ...(await queryEvery(db, sourcesPk(parkId))),
  ];

  const items = new Map<string, Item>();
  for (const c of total.counters) {
    const key = aggregateKey(parkId, c.ref);
    const item = items.get(id(key)) ?? {
      ...key,
      type: ItemType[c.ref.kind === 'edge' ? 'edge' : 'aggregate'],
      ...aggregateLabels(c.ref),
    };
    item[c.field] = c.n;
    items.set(id(key), item);
  }
  const byCategory = new Map<string, { orgId: string; name: string; sk: string }[]>();
  for (const { mark, count } of total.marks) {
    const sk = markSk(mark.category, mark.tenantOrgId);
    items.set(id({ pk: marksPk(parkId), sk }), {
      pk: marksPk(parkId),
      sk,
      type: ItemType.mark,
      category: mark.category,
      tenantOrgId: mark.tenantOrgId,
      tenantName: mark.tenantName,
      n: count,
    });
    const list = byCategory.get(mark.category) ?? [];
    list.push({ orgId: mark.tenantOrgId, name: mark.tenantName, sk });
    byCategory.set(mark.category, list);
  }
  for (const [category, tenants] of byCategory) {
    const ref = { kind: 'category' as const, scope: 'current', category };
    const key = aggregateKey(parkId, ref);
    const item = items.get(id(key)) ?? { ...key, type: ItemType.aggregate, ...aggregateLabels(ref) };
    item.tenants = tenants.length;
    item.tenantsSample = tenants
      .sort((a, b) => (a.sk < b.sk ? -1 : 1))
      .slice(0, 10)
      .map(({ orgId, name }) => ({ orgId, name }));
    items.set(id(key), item);
  }
  for (const r of total.rows) {
    const key = { pk: rowsPk(parkId, r.set), sk: r.id };
    items.set(id(key), { ...key, type: ItemType.row, set: r.set, ...r.data });
  }
  for (const c of contributions) {
    const item = contributionItem(parkId, c, randomUUID());
    items.set(id(keyOf(item)), item);
  }
  const stale = existing.map(keyOf).filter((k) => !items.has(id(k)));
  // An item that already holds what the sum says is left alone (a contribution's `rev` aside), so
  // a rebuild of a park whose aggregates are right writes next to nothing.
  const held = new Map(existing.map((i) => [id(keyOf(i)), sameness(i)]));
  const changed = [...items.values()].filter((i) => held.get(id(keyOf(i))) !== sameness(i));
  await batchWrite(db, [...stale.map((k) => ({ delete: k })), ...changed.map((put) => ({ put }))]);
  return { written: changed.length, deleted: stale.length };
}

const sameness = (item: Item): string => {
  const { rev: _rev, ...rest } = item;
  return canonicalJson(rest);
};

type WriteRequest = { put: Item } | { delete: Key };

async function batchWrite(db: Db, requests: readonly WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  // A few batches in flight at once: a large park's rebuild is tens of thousands of items.
  await Promise.all(
    Array.from({ length: Math.min(4, chunks.length) }, async () => {
      while (next < chunks.length) await writeChunk(db, chunks[next++] as WriteRequest[]);
    }),
  );
}

async function writeChunk(db: Db, chunk: readonly WriteRequest[]): Promise<void> {
  let pending: unknown[] | undefined = chunk.map((r) =>
    'put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } },
  );
  for (let round = 0; pending?.length; round++) {
    if (round >= 8) throw new Error('BatchWriteItem left requests unprocessed after retries.');
    if (round) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
    const out: BatchWriteCommandOutput = await db.doc.send(
      new BatchWriteCommand({ RequestItems: { [db.tableName]: pending as never } }),
    );
    pending = out.UnprocessedItems?.[db.tableName];
  }
}
