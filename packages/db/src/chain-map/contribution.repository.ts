import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AggregateRef,
  type ApplyResult,
  type ContributionStore,
  type Counter,
  diffContribution,
  emptyContribution,
  type HeadSet,
  type NewContribution,
  type OutsideSupplier,
  type StoredContribution,
} from '@parkbridge/domain/chain-map';
import { DomainError, ErrorKind } from '@parkbridge/domain/core';
import { batchGet, batchWrite, type Db, getItem, type Item, queryPage, type TxItem, transact } from '../core';
import {
  aggregateKey,
  aggregateLabels,
  contributionItem,
  counterField,
  type HeadKeys,
  headKeys,
  ItemType,
  markSk,
  marksPk,
  nearKey,
  rowsPk,
  sourcesPk,
  useItem,
  usePk,
} from './chain-map.keys';
import { queryEvery } from './reads';
import { headItem, replaceParkItems } from './rebuild.writes';

const MAX_TX_ITEMS = 100;
const SAMPLE_SIZE = 10;
const HEAD_REFRESH_ATTEMPTS = 6;

const toStored = (item: Item): StoredContribution => ({
  sourceId: String(item.sourceId),
  sourceVersion: Number(item.sourceVersion),
  rev: String(item.rev),
  contribution: (item.contribution as StoredContribution['contribution']) ?? emptyContribution(),
  meta: (item.meta as Record<string, unknown>) ?? {},
});

const id = (k: Record<string, unknown>) => `${String(k.pk)}\n${String(k.sk)}`;

/**
 * One Update per aggregate item the counters move (a period's totals and its counters per category
 * share one item): SET its labels, ADD every counter that moved.
 */
function counterUpdates(db: Db, parkId: string, counters: readonly Counter[]): TxItem[] {
  const byItem = new Map<string, { ref: AggregateRef; counters: Counter[] }>();
  for (const c of counters) {
    const k = id(aggregateKey(parkId, c.ref));
    const e = byItem.get(k) ?? { ref: c.ref, counters: [] };
    e.counters.push(c);
    byItem.set(k, e);
  }
  return [...byItem.values()].map(({ ref, counters: cs }) => {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = {
      ':type': ItemType[ref.kind === 'edge' ? 'edge' : 'aggregate'],
    };
    const sets = ['#type = :type'];
    Object.entries(aggregateLabels(ref)).forEach(([k, v], i) => {
      names[`#l${i}`] = k;
      values[`:l${i}`] = v;
      sets.push(`#l${i} = :l${i}`);
    });
    const adds = cs.map((c, i) => {
      names[`#c${i}`] = counterField(c.ref, c.field);
      values[`:c${i}`] = c.n;
      return `#c${i} :c${i}`;
    });
    return {
      item: {
        Update: {
          TableName: db.tableName,
          Key: aggregateKey(parkId, ref),
          UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
    };
  });
}

const raced = () => new DomainError(ErrorKind.conflict, 'chain_map.raced', 'Another writer came between.');
const lostRace = (err: unknown) => err instanceof DomainError && err.kind === ErrorKind.conflict;

/**
 * Contributions and the aggregates they add up to. A contribution and the aggregates' move by its
 * difference commit in one transaction, conditional on the stored contribution (its `rev`) and on
 * every touched mark's count being what was read, so concurrent or repeated applications of the
 * same source can neither both count nor both miss.
 *
 * The current listed sets (declared edges, idle capacity) are also kept as heads: copies of their
 * first rows in the park's partition, which the map reads with the aggregates (a period's awarded
 * edges need none: they sort right after the period's aggregates and are read with them). The same
 * transaction moves the set's small state item: a change inside the head's range bumps `seq` (the
 * head is stale until a refresh copies the rows again, right after the commit); a change past a
 * full head leaves it fresh and only bumps `ver`, conditional on the head's range being the one
 * read. A refresh commits only if `ver` has not moved since it read the rows.
 */
export class DynamoChainMapContributions implements ContributionStore {
  constructor(private readonly db: Db) {}

  async get(parkId: string, sourceId: string) {
    const item = await getItem(this.db, sourcesPk(parkId), sourceId, true);
    return item ? toStored(item) : null;
  }

  async withPrefix(parkId: string, prefix: string) {
    return (await queryEvery(this.db, sourcesPk(parkId), prefix)).map(toStored);
  }

  async all(parkId: string) {
    return (await queryEvery(this.db, sourcesPk(parkId))).map(toStored);
  }

  async apply(parkId: string, prev: StoredContribution | null, next: NewContribution): Promise<ApplyResult> {
    const delta = diffContribution(prev?.contribution ?? emptyContribution(), next.contribution);
    const rev = randomUUID();
    const items: TxItem[] = [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: contributionItem(parkId, next, rev),
            ConditionExpression: prev ? '#rev = :rev' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: prev ? { '#rev': 'rev' } : undefined,
            ExpressionAttributeValues: prev ? { ':rev': prev.rev } : undefined,
          },
        },
        onConditionFailed: raced,
      },
    ];
    const counters = [...delta.counters];

    // The listed sets this change moves, and the sort keys it moves them at.
    const touched = new Map<HeadSet, { keys: HeadKeys; sks: string[] }>();
    for (const r of [...delta.putRows, ...delta.deleteRows]) {
      const e = touched.get(r.set) ?? { keys: headKeys(parkId, r.set), sks: [] };
      e.sks.push(r.id);
      touched.set(r.set, e);
    }
    const categories = [
      ...new Set(counters.flatMap((c) => (c.ref.kind === 'category' ? [c.ref.category] : []))),
    ];

    // One consistent read for what the conditions compare against: marks, head states, and
    // whether the touched categories have their nearest outside suppliers yet.
    const markKeys = delta.marks.map((m) => ({
      pk: marksPk(parkId),
      sk: markSk(m.mark.category, m.mark.tenantOrgId),
    }));
    const found = new Map(
      (
        await batchGet(
          this.db,
          [
            ...markKeys,
            ...[...touched.values()].map((t) => t.keys.state),
            ...categories.map((c) => nearKey(parkId, c)),
          ],
          { consistent: true },
        )
      ).map((i) => [id(i), i]),
    );

    const sampleRefresh = new Set<string>();
    for (const { mark, by } of delta.marks) {
      const key = { pk: marksPk(parkId), sk: markSk(mark.category, mark.tenantOrgId) };
      const had = Number(found.get(id(key))?.n ?? 0);
      const now = had + by;
      const condition =
        had > 0
          ? { expr: '#n = :had', values: { ':had': had } }
          : { expr: 'attribute_not_exists(pk)', values: undefined };
      items.push({
        item:
          now > 0
            ? {
                Put: {
                  TableName: this.db.tableName,
                  Item: {
                    ...key,
                    type: ItemType.mark,
                    category: mark.category,
                    tenantOrgId: mark.tenantOrgId,
                    tenantName: mark.tenantName,
                    n: now,
                  },
                  ConditionExpression: condition.expr,
                  ExpressionAttributeNames: had > 0 ? { '#n': 'n' } : undefined,
                  ExpressionAttributeValues: condition.values,
                },
              }
            : {
                Delete: {
                  TableName: this.db.tableName,
                  Key: key,
                  ConditionExpression: condition.expr,
                  ExpressionAttributeNames: had > 0 ? { '#n': 'n' } : undefined,
                  ExpressionAttributeValues: condition.values,
                },
              },
        onConditionFailed: raced,
      });
      if (had > 0 !== now > 0) {
        counters.push({
          ref: { kind: 'category', scope: 'current', category: mark.category },
          field: 'tenants',
          n: now > 0 ? 1 : -1,
        });
        sampleRefresh.add(mark.category);
      }
    }
    for (const update of counterUpdates(this.db, parkId, counters)) items.push(update);
    for (const r of delta.putRows)
      items.push({
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { pk: rowsPk(parkId, r.set), sk: r.id, type: ItemType.row, set: r.set, ...r.data },
          },
        },
      });
    for (const r of delta.deleteRows)
      items.push({
        item: { Delete: { TableName: this.db.tableName, Key: { pk: rowsPk(parkId, r.set), sk: r.id } } },
      });

    const refresh: HeadKeys[] = [];
    for (const { keys, sks } of touched.values()) {
      const state = found.get(id(keys.state));
      const lastSk = typeof state?.lastSk === 'string' ? state.lastSk : '';
      // Keys are ASCII ids, so JavaScript's order is DynamoDB's byte order.
      const beyond = state?.full === true && lastSk !== '' && sks.every((sk) => sk > lastSk);
      items.push(beyond ? pastHead(this.db, keys, lastSk) : insideHead(this.db, keys));
      if (!beyond) refresh.push(keys);
    }

    if (items.length > MAX_TX_ITEMS)
      throw new Error(`chain-map: ${next.sourceId} moves ${items.length} items, over ${MAX_TX_ITEMS}.`);
    try {
      await transact(this.db, items);
    } catch (err) {
      if (lostRace(err)) return { applied: false };
      throw err;
    }
    for (const category of sampleRefresh) await this.refreshSample(parkId, category);
    for (const keys of refresh) await this.refreshHead(keys);
    return {
      applied: true,
      categoriesWithoutNearest: categories.filter((c) => !found.has(id(nearKey(parkId, c)))),
    };
  }

  /**
   * Copies the set's first rows into its head. Only a refresh that read the rows after every change
   * so far commits (its write is conditional on the state's `ver`); a later change's own refresh
   * takes over otherwise. Until one commits, readers page the set itself.
   */
  private async refreshHead(keys: HeadKeys) {
    for (let attempt = 0; attempt < HEAD_REFRESH_ATTEMPTS; attempt++) {
      const state = await getItem(this.db, keys.state.pk, keys.state.sk, true);
      if (!state) return;
      const seq = Number(state.seq ?? 0);
      if (state.refreshed === seq) return;
      const rows = await this.firstRows(keys);
      const head = headItem(keys, rows, seq);
      try {
        await transact(this.db, [
          { item: { Put: { TableName: this.db.tableName, Item: head } } },
          {
            item: {
              Update: {
                TableName: this.db.tableName,
                Key: keys.state,
                UpdateExpression: 'SET refreshed = :seq, lastSk = :lastSk, #full = :full',
                ConditionExpression: 'ver = :ver',
                ExpressionAttributeNames: { '#full': 'full' },
                ExpressionAttributeValues: {
                  ':seq': seq,
                  ':lastSk': head.lastSk,
                  ':full': head.full,
                  ':ver': Number(state.ver ?? 0),
                },
              },
            },
            onConditionFailed: raced,
          },
        ]);
        return;
      } catch (err) {
        if (!lostRace(err)) throw err;
      }
    }
  }

  private async firstRows(keys: HeadKeys): Promise<Item[]> {
    return (await queryPage(this.db, { pk: keys.rowsPk, consistent: true }, { limit: keys.size })).items;
  }

  /**
   * The category's sample of tenants needing it (the map shows them without reading the marks).
   * Written after the count moved; a later refresh overwrites, and the rebuild recomputes it.
   */
  private async refreshSample(parkId: string, category: string) {
    const { items: marks } = await queryPage(
      this.db,
      { pk: marksPk(parkId), skPrefix: `${category}#`, consistent: true },
      { limit: SAMPLE_SIZE },
    );
    const sample = marks
      .slice(0, SAMPLE_SIZE)
      .map((m) => ({ orgId: String(m.tenantOrgId), name: String(m.tenantName) }));
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: aggregateKey(parkId, { kind: 'category', scope: 'current', category }),
        UpdateExpression: 'SET tenantsSample = :s',
        ExpressionAttributeValues: { ':s': sample },
      }),
    );
  }

  replacePark(
    parkId: string,
    contributions: readonly NewContribution[],
    nearest: ReadonlyMap<string, OutsideSupplier[]>,
  ) {
    return replaceParkItems(this.db, parkId, contributions, nearest);
  }

  async markUsed(parkId: string, categories: readonly string[]) {
    await batchWrite(
      this.db,
      categories.map((category) => ({ put: useItem(parkId, category) })),
    );
  }

  async saveNearest(
    parkId: string,
    category: string,
    suppliers: readonly OutsideSupplier[],
    computedAtMs: number,
  ) {
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: { ...nearKey(parkId, category), type: ItemType.nearest, category, suppliers, computedAtMs },
          // Two computations racing: the one that started later wins.
          ConditionExpression: 'attribute_not_exists(pk) OR computedAtMs <= :at',
          ExpressionAttributeValues: { ':at': computedAtMs },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  async nearestKnown(parkId: string, categories: readonly string[]) {
    const found = await batchGet(
      this.db,
      categories.map((c) => nearKey(parkId, c)),
      { consistent: true },
    );
    return found.map((i) => String(i.category));
  }

  async parksUsing(category: string) {
    return (await queryEvery(this.db, usePk(category))).map((i) => String(i.parkId));
  }
}

/** A change inside the head's range (or of a set whose head is not full): the head is stale now. */
function insideHead(db: Db, keys: HeadKeys): TxItem {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: keys.state,
        UpdateExpression: 'SET #type = :type ADD seq :one, ver :one',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': ItemType.headState, ':one': 1 },
      },
    },
  };
}

/** A change past a full head: the head stays what it is, provided its range is still the one read. */
function pastHead(db: Db, keys: HeadKeys, lastSk: string): TxItem {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: keys.state,
        UpdateExpression: 'ADD ver :one',
        ConditionExpression: 'lastSk = :lastSk AND #full = :true',
        ExpressionAttributeNames: { '#full': 'full' },
        ExpressionAttributeValues: { ':one': 1, ':lastSk': lastSk, ':true': true },
      },
    },
    onConditionFailed: raced,
  };
}
