import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AggregateRef,
  type ContributionStore,
  type Counter,
  diffContribution,
  emptyContribution,
  type NewContribution,
  refKey,
  type StoredContribution,
} from '@parkbridge/domain/chain-map';
import { DomainError, ErrorKind } from '@parkbridge/domain/core';
import { type Db, getItem, type Item, type TxItem, transact } from '../core';
import {
  aggregateKey,
  aggregateLabels,
  contributionItem,
  ItemType,
  markSk,
  marksPk,
  rowsPk,
  sourcesPk,
} from './chain-map.keys';
import { consistentBatchGet, queryEvery, queryFirst } from './reads';
import { replaceParkItems } from './rebuild.writes';

const MAX_TX_ITEMS = 100;
const SAMPLE_SIZE = 10;

const toStored = (item: Item): StoredContribution => ({
  sourceId: String(item.sourceId),
  sourceVersion: Number(item.sourceVersion),
  rev: String(item.rev),
  contribution: (item.contribution as StoredContribution['contribution']) ?? emptyContribution(),
  meta: (item.meta as Record<string, unknown>) ?? {},
});

/** One Update per aggregate item: SET its labels, ADD every counter that moved. */
export function counterUpdate(
  db: Db,
  parkId: string,
  ref: AggregateRef,
  counters: readonly Counter[],
): TxItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': ItemType[ref.kind === 'edge' ? 'edge' : 'aggregate'] };
  const sets = ['#type = :type'];
  Object.entries(aggregateLabels(ref)).forEach(([k, v], i) => {
    names[`#l${i}`] = k;
    values[`:l${i}`] = v;
    sets.push(`#l${i} = :l${i}`);
  });
  const adds = counters.map((c, i) => {
    names[`#c${i}`] = c.field;
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
}

const raced = () => new DomainError(ErrorKind.conflict, 'chain_map.raced', 'Another writer came between.');

/**
 * Contributions and the aggregates they add up to. A contribution and the aggregates' move by its
 * difference commit in one transaction, conditional on the stored contribution (its `rev`) and on
 * every touched mark's count being what was read, so concurrent or repeated applications of the
 * same source can neither both count nor both miss.
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

  async apply(parkId: string, prev: StoredContribution | null, next: NewContribution): Promise<boolean> {
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
    const sampleRefresh = new Set<string>();
    if (delta.marks.length) {
      const keys = delta.marks.map((m) => ({
        pk: marksPk(parkId),
        sk: markSk(m.mark.category, m.mark.tenantOrgId),
      }));
      const found = new Map(
        (await consistentBatchGet(this.db, keys)).map((i) => [String(i.sk), Number(i.n ?? 0)]),
      );
      for (const { mark, by } of delta.marks) {
        const sk = markSk(mark.category, mark.tenantOrgId);
        const had = found.get(sk) ?? 0;
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
                      pk: marksPk(parkId),
                      sk,
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
                    Key: { pk: marksPk(parkId), sk },
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
    }
    const byRef = new Map<string, { ref: AggregateRef; counters: Counter[] }>();
    for (const c of counters) {
      const k = refKey(c.ref);
      const e = byRef.get(k) ?? { ref: c.ref, counters: [] };
      e.counters.push(c);
      byRef.set(k, e);
    }
    for (const { ref, counters: cs } of byRef.values()) items.push(counterUpdate(this.db, parkId, ref, cs));
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
    if (items.length > MAX_TX_ITEMS)
      throw new Error(`chain-map: ${next.sourceId} moves ${items.length} items, over ${MAX_TX_ITEMS}.`);
    try {
      await transact(this.db, items);
    } catch (err) {
      if (err instanceof DomainError && err.kind === ErrorKind.conflict) return false;
      throw err;
    }
    for (const category of sampleRefresh) await this.refreshSample(parkId, category);
    return true;
  }

  /**
   * The category's sample of tenants needing it (the map shows them without reading the marks).
   * Written after the count moved; a later refresh overwrites, and the rebuild recomputes it.
   */
  private async refreshSample(parkId: string, category: string) {
    const marks = await queryFirst(this.db, marksPk(parkId), `${category}#`, SAMPLE_SIZE);
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

  replacePark(parkId: string, contributions: readonly NewContribution[]) {
    return replaceParkItems(this.db, parkId, contributions);
  }
}
