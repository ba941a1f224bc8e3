import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '@parkbridge/domain/core';
import type { CategoryRange } from '@parkbridge/domain/matching';
import type { Db } from './db';
import type { Item } from './query';
import type { IndexName } from './table';

/** A sort-key condition: a prefix (begins_with) or an inclusive range (BETWEEN). */
export type SortKeyCondition = { prefix: string } | { between: readonly [string, string] };

export interface Filter {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface FilteredQueryInput {
  index?: IndexName | undefined;
  pk: string;
  sk?: SortKeyCondition | undefined;
  descending?: boolean | undefined;
  filter?: Filter | undefined;
}

/** Reading stops here for one page: a selective filter returns a short page and a cursor, never a long scan. */
export const MAX_READ_PER_PAGE = 1000;

/**
 * A page of a Query with a filter (text and visibility are matched within the key's candidates).
 * Unlike one Query per page, it keeps reading until the page is full or the read budget is spent,
 * and when it stops inside a Query's results the cursor is the key of the last item returned, so
 * nothing is skipped. `itemsRead` is what DynamoDB evaluated (what the read cost is).
 */
export async function filteredPage(
  db: Db,
  input: FilteredQueryInput,
  page: PageRequest,
  maxRead = MAX_READ_PER_PAGE,
): Promise<Page<Item> & { itemsRead: number }> {
  const scope = `f|${input.index ?? 'table'}|${input.pk}|${skScope(input.sk)}`;
  let start = page.cursor ? db.cursors.decode(page.cursor, scope) : undefined;
  const items: Item[] = [];
  let itemsRead = 0;
  let batch = page.limit;
  for (;;) {
    const want = page.limit - items.length;
    const limit = Math.max(1, Math.min(maxRead - itemsRead, input.filter ? Math.max(batch, want) : want));
    const out = await db.doc.send(
      new QueryCommand({ ...queryOf(db, input), Limit: limit, ExclusiveStartKey: start }),
    );
    itemsRead += out.ScannedCount ?? 0;
    const got = out.Items ?? [];
    for (const [i, item] of got.entries()) {
      items.push(item);
      if (items.length === page.limit) {
        const more = i < got.length - 1 || !!out.LastEvaluatedKey;
        const next = i < got.length - 1 ? keyOf(item, input.index) : out.LastEvaluatedKey;
        return { items, itemsRead, nextCursor: more && next ? db.cursors.encode(next, scope) : null };
      }
    }
    start = out.LastEvaluatedKey;
    if (!start) return { items, itemsRead, nextCursor: null };
    if (itemsRead >= maxRead) return { items, itemsRead, nextCursor: db.cursors.encode(start, scope) };
    batch = Math.min(batch * 2, maxRead);
  }
}

/** Every item under the key conditions, up to `max` (matching's bounded candidate reads). */
export async function readRange(
  db: Db,
  input: Omit<FilteredQueryInput, 'filter' | 'descending'>,
  max: number,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        ...queryOf(db, input),
        Limit: Math.min(1000, max - items.length),
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
}

/**
 * A page of a category range (one or two key conditions: see categoryConditions), for matching's
 * steps. The cursor names the condition it stopped in and, signed, where in it.
 */
export async function categoryRangePage(
  db: Db,
  input: { index: IndexName; pk: string; range: CategoryRange },
  page: PageRequest,
): Promise<Page<Item>> {
  const conditions = categoryConditions(input.range);
  const at = page.cursor ? /^(\d+):(.*)$/.exec(page.cursor) : null;
  if (page.cursor && (!at || Number(at[1]) >= conditions.length))
    throw new Error('A category range cursor names no condition of the range.');
  let part = at ? Number(at[1]) : 0;
  let cursor = at?.[2] || undefined;
  const items: Item[] = [];
  while (part < conditions.length) {
    const got = await filteredPage(
      db,
      { index: input.index, pk: input.pk, sk: conditions[part] },
      { limit: page.limit - items.length, cursor },
    );
    items.push(...got.items);
    if (got.nextCursor) return { items, nextCursor: `${part}:${got.nextCursor}` };
    part++;
    cursor = undefined;
    if (items.length >= page.limit)
      return { items, nextCursor: part < conditions.length ? `${part}:` : null };
  }
  return { items, nextCursor: null };
}

/**
 * The sort-key conditions that read a category range: everything under `prefix`, minus the codes
 * under `exclude` (a nearer tier, read already) as two BETWEENs around it. Sort keys are
 * `<code>#<id>`: '#' sorts before digits, and '~' after every character ids use.
 */
export function categoryConditions(range: CategoryRange): SortKeyCondition[] {
  if (!range.exclude) return [{ prefix: range.prefix }];
  return [{ between: [range.prefix, range.exclude] }, { between: [`${range.exclude}~`, `${range.prefix}~`] }];
}

function queryOf(db: Db, input: Omit<FilteredQueryInput, 'filter'> & { filter?: Filter | undefined }) {
  const pkName = input.index ? `${input.index}pk` : 'pk';
  const skName = input.index ? `${input.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName, ...input.filter?.names };
  const values: Record<string, unknown> = { ':pk': input.pk, ...input.filter?.values };
  let condition = '#pk = :pk';
  if (input.sk) {
    names['#sk'] = skName;
    if ('prefix' in input.sk) {
      values[':skPrefix'] = input.sk.prefix;
      condition += ' AND begins_with(#sk, :skPrefix)';
    } else {
      values[':skFrom'] = input.sk.between[0];
      values[':skTo'] = input.sk.between[1];
      condition += ' AND #sk BETWEEN :skFrom AND :skTo';
    }
  }
  return {
    TableName: db.tableName,
    IndexName: input.index,
    KeyConditionExpression: condition,
    FilterExpression: input.filter?.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !input.descending,
  };
}

function keyOf(item: Item, index: IndexName | undefined): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  if (index) {
    key[`${index}pk`] = item[`${index}pk`];
    key[`${index}sk`] = item[`${index}sk`];
  }
  return key;
}

function skScope(sk: SortKeyCondition | undefined): string {
  if (!sk) return '';
  return 'prefix' in sk ? `^${sk.prefix}` : `${sk.between[0]}..${sk.between[1]}`;
}

/** `contains` on the stored search text for each word: text matched within the key's candidates. */
export function termsFilter(terms: readonly string[], attribute = 'searchText'): Filter | undefined {
  if (!terms.length) return undefined;
  const values: Record<string, unknown> = {};
  const parts = terms.map((t, i) => {
    values[`:term${i}`] = t;
    return `contains(#searchText, :term${i})`;
  });
  return { expression: parts.join(' AND '), names: { '#searchText': attribute }, values };
}

/** ANDs filters together, keeping their placeholders apart (callers use distinct names). */
export function allOf(...filters: (Filter | undefined)[]): Filter | undefined {
  const present = filters.filter((f): f is Filter => !!f);
  if (!present.length) return undefined;
  return {
    expression: present.map((f) => `(${f.expression})`).join(' AND '),
    names: Object.assign({}, ...present.map((f) => f.names ?? {})),
    values: Object.assign({}, ...present.map((f) => f.values ?? {})),
  };
}
