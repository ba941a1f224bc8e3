import type {
  AwardedEdgeRow,
  CategoryAggregate,
  ChainMapReader,
  CurrentAggregates,
  Fields,
  PeriodAggregates,
  TenantRef,
} from '@parkbridge/domain/chain-map';
import type { PageRequest } from '@parkbridge/domain/core';
import { type Db, type Item, queryPage } from '../core';
import { aggregatesPk, CURRENT_PREFIX, edgesPk, NON_COUNTERS, periodPrefix, rowsPk } from './chain-map.keys';
import { queryEvery } from './reads';

const fieldsOf = (item: Item): Fields => {
  const out: Fields = {};
  for (const [k, v] of Object.entries(item)) if (typeof v === 'number' && !NON_COUNTERS.has(k)) out[k] = v;
  return out;
};

const categoryOf = (item: Item): CategoryAggregate => ({
  category: String(item.category),
  fields: fieldsOf(item),
  tenants: (item.tenantsSample as TenantRef[] | undefined) ?? [],
});

const LABELS = ['buyerOrgId', 'buyerName', 'sellerOrgId', 'sellerName', 'sellerOrigin', 'category'];
const rowOf = (item: Item): Record<string, unknown> => {
  const { pk: _pk, sk: _sk, type: _type, set: _set, ...data } = item;
  return data;
};

/**
 * The map's reads. The aggregate partition holds one item per category and period (bounded by
 * the categories in use, not by tenants or deals), so `current` and `period` are one Query each;
 * edges and idle capacity are read one bounded page at a time.
 */
export class DynamoChainMapReader implements ChainMapReader {
  constructor(private readonly db: Db) {}

  async current(parkId: string): Promise<CurrentAggregates> {
    const items = await queryEvery(this.db, aggregatesPk(parkId), CURRENT_PREFIX);
    const summary = items.find((i) => i.sk === 'CUR#SUMMARY');
    return {
      categories: items.filter((i) => String(i.sk).startsWith('CUR#CAT#')).map(categoryOf),
      summary: summary ? fieldsOf(summary) : {},
    };
  }

  async period(parkId: string, periodKey: string): Promise<PeriodAggregates> {
    const prefix = periodPrefix(periodKey);
    const items = await queryEvery(this.db, aggregatesPk(parkId), prefix);
    const total = items.find((i) => i.sk === `${prefix}TOTAL`);
    return {
      categories: items.filter((i) => String(i.sk).startsWith(`${prefix}CAT#`)).map(categoryOf),
      total: total ? fieldsOf(total) : {},
    };
  }

  async declaredEdges(parkId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: rowsPk(parkId, 'declared') }, page);
    return { items: res.items.map(rowOf), nextCursor: res.nextCursor };
  }

  async awardedEdges(parkId: string, periodKey: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: edgesPk(parkId, periodKey) }, page);
    const items: AwardedEdgeRow[] = res.items.map((i) => ({
      labels: Object.fromEntries(LABELS.map((k) => [k, String(i[k] ?? '')])),
      fields: fieldsOf(i),
    }));
    return { items, nextCursor: res.nextCursor };
  }

  async idleRows(parkId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: rowsPk(parkId, 'idle') }, page);
    return { items: res.items.map(rowOf), nextCursor: res.nextCursor };
  }
}
