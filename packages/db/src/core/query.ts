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
  filter?: Pick<
    QueryCommandInput,
    'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
  >;
}

/**
 * One Query per page, with the signed cursor bound to the partition and index it came from.
 * With a filter a page may come back short; `nextCursor` still says whether more remain.
 */
export async function queryPage(db: Db, input: PageQueryInput, page: PageRequest): Promise<Page<Item>> {
  const pkName = input.index ? `${input.index}pk` : 'pk';
  const skName = input.index ? `${input.index}sk` : 'sk';
  const scope = `${input.index ?? 'table'}|${input.pk}|${input.skPrefix ?? ''}`;
  const names: Record<string, string> = { '#pk': pkName, ...input.filter?.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ':pk': input.pk, ...input.filter?.ExpressionAttributeValues };
  let condition = '#pk = :pk';
  if (input.skPrefix) {
    names['#sk'] = skName;
    values[':skPrefix'] = input.skPrefix;
    condition += ' AND begins_with(#sk, :skPrefix)';
  }
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: input.index,
      KeyConditionExpression: condition,
      FilterExpression: input.filter?.FilterExpression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !input.descending,
      Limit: page.limit,
      ExclusiveStartKey: page.cursor ? db.cursors.decode(page.cursor, scope) : undefined,
    }),
  );
  return {
    items: out.Items ?? [],
    nextCursor: out.LastEvaluatedKey ? db.cursors.encode(out.LastEvaluatedKey, scope) : null,
  };
}

/** Reads every item of a small, bounded partition (e.g. a pavilion's slots). Never for unbounded lists. */
export async function queryAll(
  db: Db,
  input: Omit<PageQueryInput, 'descending'>,
  max = 1000,
): Promise<Item[]> {
  const pkName = input.index ? `${input.index}pk` : 'pk';
  const skName = input.index ? `${input.index}sk` : 'sk';
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: input.index,
        KeyConditionExpression: input.skPrefix ? '#pk = :pk AND begins_with(#sk, :p)' : '#pk = :pk',
        FilterExpression: input.filter?.FilterExpression,
        ExpressionAttributeNames: {
          '#pk': pkName,
          ...(input.skPrefix ? { '#sk': skName } : {}),
          ...input.filter?.ExpressionAttributeNames,
        },
        ExpressionAttributeValues: {
          ':pk': input.pk,
          ...(input.skPrefix ? { ':p': input.skPrefix } : {}),
          ...input.filter?.ExpressionAttributeValues,
        },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
}
