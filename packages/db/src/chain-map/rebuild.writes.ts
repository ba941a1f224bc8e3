import { randomUUID } from 'node:crypto';
import {
  type HeadSet,
  type NewContribution,
  type OutsideSupplier,
  totalOf,
} from '@parkbridge/domain/chain-map';
import { batchGet, batchWrite, canonicalJson, type Db, type Item } from '../core';
import {
  aggregateKey,
  aggregateLabels,
  CURRENT_PREFIX,
  contributionItem,
  counterField,
  type HeadKeys,
  headKeys,
  ItemType,
  markSk,
  marksPk,
  nearKey,
  parkPk,
  periodsPk,
  rowsPk,
  sourcesPk,
  useItem,
  usePk,
} from './chain-map.keys';
import { queryEvery } from './reads';

type Key = { pk: string; sk: string };
const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });
const id = (k: Key) => `${k.pk}\n${k.sk}`;
type HeadRange = { lastSk: string; full: boolean };
const bySk = (a: Item, b: Item) => (String(a.sk) < String(b.sk) ? -1 : String(a.sk) > String(b.sk) ? 1 : 0);

/** A head item: a set's first rows, as stored but for the partition key (its state records the same `lastSk` and `full`). */
export function headItem(keys: HeadKeys, rows: readonly Item[], seq: number): Item & HeadRange {
  const lastSk = rows.length ? String(rows[rows.length - 1]!.sk) : '';
  return {
    ...keys.head,
    type: ItemType.head,
    set: keys.set,
    rows: rows.map(({ pk: _pk, ...rest }) => rest),
    seq,
    lastSk,
    full: rows.length >= keys.size,
  };
}

/**
 * The rebuild's write: every chain-map item of the park as the sum of the given contributions
 * (with each set's head and the nearest outside suppliers of each category), and the park's old
 * items that the sum no longer has deleted. BatchWriteItem is not atomic: run it while the park's
 * changes are quiet (docs/chain-map.md), or run it again.
 */
export async function replaceParkItems(
  db: Db,
  parkId: string,
  contributions: readonly NewContribution[],
  nearest: ReadonlyMap<string, OutsideSupplier[]>,
) {
  const total = totalOf(contributions.map((c) => c.contribution));
  const existing = [
    // The current view, never the park item itself (`PARK` sorts before `PARK#MAP#`).
    ...(await queryEvery(db, parkPk(parkId), CURRENT_PREFIX)),
    // Every period: its aggregates and its awarded edges.
    ...(await queryEvery(db, periodsPk(parkId))),
    ...(await queryEvery(db, rowsPk(parkId, 'declared'))),
    ...(await queryEvery(db, rowsPk(parkId, 'idle'))),
    ...(await queryEvery(db, marksPk(parkId))),
    ...(await queryEvery(db, sourcesPk(parkId))),
  ];
  const held = new Map(existing.map((i) => [id(keyOf(i)), i]));

  const items = new Map<string, Item>();
  for (const c of total.counters) {
    const key = aggregateKey(parkId, c.ref);
    const item = items.get(id(key)) ?? {
      ...key,
      type: ItemType[c.ref.kind === 'edge' ? 'edge' : 'aggregate'],
      ...aggregateLabels(c.ref),
    };
    item[counterField(c.ref, c.field)] = c.n;
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
  for (const [category, suppliers] of nearest) {
    const key = nearKey(parkId, category);
    items.set(id(key), {
      ...key,
      type: ItemType.nearest,
      category,
      suppliers,
      computedAtMs: db.clock.now().getTime(),
    });
  }

  // Each set's head: its first rows as now computed. A head that already holds them, fresh, stays.
  const sets: HeadSet[] = ['declared', 'idle'];
  const kept = new Set<string>();
  for (const set of sets) {
    const keys = headKeys(parkId, set);
    const rows = [...items.values()]
      .filter((i) => i.pk === keys.rowsPk)
      .sort(bySk)
      .slice(0, keys.size);
    const oldHead = held.get(id(keys.head));
    const oldState = held.get(id(keys.state));
    if (!rows.length && !oldHead && !oldState) continue;
    const oldSeq = Number(oldState?.seq ?? 0);
    const head = headItem(keys, rows, oldSeq);
    if (oldHead && oldState && oldHead.seq === oldState.seq && sameness(oldHead) === sameness(head)) {
      kept.add(id(keys.head)).add(id(keys.state));
      continue;
    }
    items.set(id(keys.head), { ...head, seq: oldSeq + 1 });
    items.set(id(keys.state), {
      ...keys.state,
      type: ItemType.headState,
      seq: oldSeq + 1,
      ver: Number(oldState?.ver ?? 0) + 1,
      refreshed: oldSeq + 1,
      lastSk: head.lastSk,
      full: head.full,
    });
  }

  const stale = existing.map(keyOf).filter((k) => !items.has(id(k)) && !kept.has(id(k)));
  // An item that already holds what the sum says is left alone (a contribution's `rev`, a
  // computation's time aside), so a rebuild of a park whose aggregates are right writes nothing.
  const changed = [...items.values()].filter((i) => {
    const old = held.get(id(keyOf(i)));
    return !old || sameness(old) !== sameness(i);
  });
  // The index of parks by category they use (the consumer refreshes their nearest suppliers from it).
  const useKeys = [...nearest.keys()].map((category) => ({ pk: usePk(category), sk: parkId }));
  const used = new Set((await batchGet(db, useKeys, { consistent: true })).map((i) => id(keyOf(i))));
  const uses = [...nearest.keys()]
    .filter((category) => !used.has(id({ pk: usePk(category), sk: parkId })))
    .map((category) => useItem(parkId, category));
  await batchWrite(db, [
    ...stale.map((k) => ({ delete: k })),
    ...[...changed, ...uses].map((put) => ({ put })),
  ]);
  return { written: changed.length + uses.length, deleted: stale.length };
}

const sameness = (item: Item): string => {
  const { rev: _rev, computedAtMs: _at, seq: _seq, ...rest } = item;
  return canonicalJson(rest);
};
