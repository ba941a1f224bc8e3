import {
  type AwardedEdgeRow,
  type CategoryAggregate,
  type ChainMapReader,
  type CurrentView,
  type Fields,
  type HeadSet,
  MAP_HEAD,
  type MapPark,
  type OutsideSupplier,
  type PeriodView,
  type TenantRef,
} from '@parkbridge/domain/chain-map';
import type { Page, PageRequest } from '@parkbridge/domain/core';
import { cursorScope, type Db, type Item, queryAll, queryPage } from '../core';
import {
  CURRENT_END,
  CURRENT_PREFIX,
  edgePrefix,
  headKeys,
  NON_COUNTERS,
  PARK_SK,
  parkPk,
  periodPrefix,
  periodsPk,
  rowsPk,
} from './chain-map.keys';

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
const edgeOf = (i: Item): AwardedEdgeRow => ({
  labels: Object.fromEntries(LABELS.map((k) => [k, String(i[k] ?? '')])),
  fields: fieldsOf(i),
});

/** A period's `AGG` item: its totals, and its counters per category (`<category>/<field>`). */
function periodFieldsOf(item: Item): { categories: CategoryAggregate[]; total: Fields } {
  const total: Fields = {};
  const byCategory = new Map<string, Fields>();
  for (const [k, v] of Object.entries(fieldsOf(item))) {
    const slash = k.indexOf('/');
    if (slash < 0) total[k] = v;
    else {
      const category = k.slice(0, slash);
      const fields = byCategory.get(category) ?? {};
      fields[k.slice(slash + 1)] = v;
      byCategory.set(category, fields);
    }
  }
  return {
    categories: [...byCategory].map(([category, fields]) => ({ category, fields, tenants: [] })),
    total,
  };
}

const parkOf = (item: Item): MapPark => ({
  parkId: String(item.parkId),
  operatorOrgId: String(item.operatorOrgId),
  country: String(item.country),
  timeZone: String(item.timeZone),
  location: item.location as MapPark['location'],
  currency: String(item.currency),
});

/**
 * The map's reads. The current view lives in the park's own partition right after the park item,
 * and a period's items under one prefix, so the map is two Queries whatever the size of the park:
 * both partitions hold one item per category in use (not per tenant or deal), plus the heads (the
 * first rows of each listed set, refreshed by the consumer as the set changes). A head being
 * refreshed at the moment of the read is replaced by one page of the set itself.
 */
export class DynamoChainMapReader implements ChainMapReader {
  constructor(private readonly db: Db) {}

  async current(parkId: string): Promise<CurrentView> {
    // Bounded by the categories in use, not by the park's size.
    const items = await queryAll(
      this.db,
      { pk: parkPk(parkId), range: { from: PARK_SK, to: CURRENT_END } },
      Number.POSITIVE_INFINITY,
    );
    const bySk = new Map(items.map((i) => [String(i.sk), i]));
    const park = bySk.get(PARK_SK);
    const summary = bySk.get(`${CURRENT_PREFIX}SUMMARY`);
    const nearest = new Map<string, OutsideSupplier[]>();
    const categories: CategoryAggregate[] = [];
    for (const i of items) {
      const sk = String(i.sk);
      if (sk.startsWith(`${CURRENT_PREFIX}CAT#`)) categories.push(categoryOf(i));
      else if (sk.startsWith(`${CURRENT_PREFIX}NEAR#`))
        nearest.set(String(i.category), (i.suppliers as OutsideSupplier[] | undefined) ?? []);
    }
    const [declared, idle] = await Promise.all([
      this.head(parkId, 'declared', bySk, (page) => this.declaredEdges(parkId, page), rowOf),
      this.head(parkId, 'idle', bySk, (page) => this.idleRows(parkId, page), rowOf),
    ]);
    return {
      park: park ? parkOf(park) : null,
      categories,
      summary: summary ? fieldsOf(summary) : {},
      declared,
      idle,
      nearest,
    };
  }

  /**
   * One Query with a Limit: the period's `AGG` and `BEFORE` items sort first under its prefix, then
   * its awarded edges, so the first page of edges comes with them (one more is read to know
   * whether there are more).
   */
  async period(parkId: string, periodKey: string): Promise<PeriodView> {
    const prefix = periodPrefix(periodKey);
    const pk = periodsPk(parkId);
    const { items } = await queryPage(this.db, { pk, skPrefix: prefix }, { limit: 2 + MAP_HEAD.awarded + 1 });
    const agg = items.find((i) => i.sk === `${prefix}AGG`);
    const before = items.find((i) => i.sk === `${prefix}BEFORE`);
    const edges = items.filter((i) => String(i.sk).startsWith(edgePrefix(periodKey)));
    const shown = edges.slice(0, MAP_HEAD.awarded);
    // One edge past the page says there are more (the page is far under Query's 1 MB: `AGG` is one
    // item, at most 400 KB, and an edge well under 1 KB).
    const more = edges.length > MAP_HEAD.awarded;
    const last = shown[shown.length - 1];
    const { categories, total } = agg ? periodFieldsOf(agg) : { categories: [], total: {} };
    return {
      categories,
      total,
      previousTotal: before ? fieldsOf(before) : {},
      awarded: {
        items: shown.map(edgeOf),
        nextCursor:
          more && last
            ? this.db.cursors.encode(
                { pk, sk: last.sk },
                cursorScope({ pk, skPrefix: edgePrefix(periodKey) }),
              )
            : null,
      },
    };
  }

  async declaredEdges(parkId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: rowsPk(parkId, 'declared') }, page);
    return { items: res.items.map(rowOf), nextCursor: res.nextCursor };
  }

  async awardedEdges(parkId: string, periodKey: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: periodsPk(parkId), skPrefix: edgePrefix(periodKey) }, page);
    return { items: res.items.map(edgeOf), nextCursor: res.nextCursor };
  }

  private async idleRows(parkId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: rowsPk(parkId, 'idle') }, page);
    return { items: res.items.map(rowOf), nextCursor: res.nextCursor };
  }

  /**
   * A set's first page from its head, when the head is as fresh as the set's state says; otherwise
   * (a refresh under way, or one lost) from the set itself. No state and no head: the set is empty.
   */
  private async head<T>(
    parkId: string,
    set: HeadSet,
    bySk: ReadonlyMap<string, Item>,
    page: (p: PageRequest) => Promise<Page<T>>,
    map: (item: Item) => T,
  ): Promise<Page<T>> {
    const keys = headKeys(parkId, set);
    const head = bySk.get(keys.head.sk);
    const state = bySk.get(keys.state.sk);
    if (!head && !state) return { items: [], nextCursor: null };
    if (!head || !state || head.seq !== state.seq) return page({ limit: keys.size });
    const rows = (head.rows as Item[] | undefined) ?? [];
    const lastSk = head.lastSk as string | undefined;
    return {
      items: rows.map(map),
      nextCursor:
        head.full && lastSk
          ? this.db.cursors.encode({ pk: keys.rowsPk, sk: lastSk }, cursorScope({ pk: keys.rowsPk }))
          : null,
    };
  }
}
