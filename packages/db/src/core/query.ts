import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '@parkbridge/domain/core';
import type { Db } from './db';
import type { IndexName } from './table';

export type Item = Record<string, unknown>;

export async function getItem(db: Db, pk: string, sk: string, consistent = false): Promise<Item | undefined> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: { pk, sk }, ConsistentRead: consistent }),
  );
  return out.Item;
}

export interface PageQueryInput {
  index?: IndexName | undefined;
  /** The partition to read, e.g. `ORG#org_…#NOTIF`. */
  pk: string;
  /** Restrict the sort key to those starting with this prefix. */
  skPrefix?: string | undefined;
  /** Newest first when the sort key is time-ordered. */
  descending?: boolean | undefined;
  /** Strongly consistent (table only: indexes cannot be read consistently). */
  consistent?: boolean | undefined;
  filter?: Pick<
    QueryCommandInput,
    'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
  >;
}

/** The Query's key condition, names and values (filter included) for a partition and sort-key restriction. */
function keyCondition(input: PageQueryInput & { range?: SortKeyRange | undefined }) {
  const names: Record<string, string> = {
    '#pk': input.index ? `${input.index}pk` : 'pk',
    ...input.filter?.ExpressionAttributeNames,
  };
  const values: Record<string, unknown> = { ':pk': input.pk, ...input.filter?.ExpressionAttributeValues };
  let condition = '#pk = :pk';
  if (input.skPrefix || input.range) names['#sk'] = input.index ? `${input.index}sk` : 'sk';
  if (input.skPrefix) {
    values[':skPrefix'] = input.skPrefix;
    condition += ' AND begins_with(#sk, :skPrefix)';
  } else if (input.range) {
    values[':skFrom'] = input.range.from;
    values[':skTo'] = input.range.to;
    condition += ' AND #sk BETWEEN :skFrom AND :skTo';
  }
  return {
    KeyConditionExpression: condition,
    FilterExpression: input.filter?.FilterExpression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * What a list's cursors are bound to (its index, partition and sort-key prefix): a cursor made for
 * one list is refused by another. For the few lists that page by hand.
 */
export const cursorScope = (input: Pick<PageQueryInput, 'index' | 'pk' | 'skPrefix'>) =>
  `${input.index ?? 'table'}|${input.pk}|${input.skPrefix ?? ''}`;

/**
 * One Query per page, with the signed cursor bound to the partition and index it came from.
 * With a filter a page may come back short; `nextCursor` still says whether more remain.
 */
export async function queryPage(db: Db, input: PageQueryInput, page: PageRequest): Promise<Page<Item>> {
  const scope = cursorScope(input);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: input.index,
      ...keyCondition(input),
      ScanIndexForward: !input.descending,
      ConsistentRead: input.consistent,
      Limit: page.limit,
      ExclusiveStartKey: page.cursor ? db.cursors.decode(page.cursor, scope) : undefined,
    }),
  );
  return {
    items: out.Items ?? [],
    nextCursor: out.LastEvaluatedKey ? db.cursors.encode(out.LastEvaluatedKey, scope) : null,
  };
}

/** A sort-key range, both ends included. */
export interface SortKeyRange {
  from: string;
  to: string;
}

export interface QueryAllInput extends Omit<PageQueryInput, 'descending'> {
  /** Instead of a prefix: the sort keys between these two. */
  range?: SortKeyRange | undefined;
}

/**
 * Reads every item of a bounded partition (e.g. a pavilion's slots), page after page, stopping at
 * the first page boundary past `max` items. Never for unbounded lists: those are paginated.
 */
export async function queryAll(db: Db, input: QueryAllInput, max = 1000): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: input.index,
        ...keyCondition(input),
        ConsistentRead: input.consistent,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
}
