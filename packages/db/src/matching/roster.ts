import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Db, Item, TxItem } from '../core';

/**
 * A roster: an item that lists its members as one top-level attribute each (`<prefix><id>`), so
 * adding, refreshing or dropping a member is a plain SET or REMOVE of that attribute: no read, no
 * condition, nothing that can fail or race. It is kept in the same transaction as the entity whose
 * membership it records. (A REMOVE from a roster that does not exist leaves an item with keys only.)
 */
export interface RosterKey {
  pk: string;
  sk: string;
}

const sameKey = (a: RosterKey | null, b: RosterKey | null) => !!a && !!b && a.pk === b.pk && a.sk === b.sk;

/**
 * The writes that move one member from the roster it was on (`from`, if any) to the one it belongs
 * on now (`to` with its value, or none). Removing from `from` even when the member may not be
 * there makes the move right whatever was recorded before.
 */
export function rosterMove(
  db: Db,
  type: string,
  attribute: string,
  from: RosterKey | null,
  to: { key: RosterKey; value: unknown } | null,
): TxItem[] {
  const update = (key: RosterKey, value: unknown): TxItem => ({
    item: {
      Update: {
        TableName: db.tableName,
        Key: { pk: key.pk, sk: key.sk },
        UpdateExpression: value === undefined ? 'SET #type = :type REMOVE #m' : 'SET #type = :type, #m = :v',
        ExpressionAttributeNames: { '#type': 'type', '#m': attribute },
        ExpressionAttributeValues: { ':type': type, ...(value === undefined ? {} : { ':v': value }) },
      },
    },
  });
  if (to && sameKey(from, to.key)) return [update(to.key, to.value)];
  return [...(from ? [update(from, undefined)] : []), ...(to ? [update(to.key, to.value)] : [])];
}

/** The members of a roster item, by id (the attribute name without its prefix). */
export function rosterMembers<T>(item: Item, prefix: string): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of Object.entries(item))
    if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v as T);
  return out;
}

/**
 * Whether a transaction failed because a roster would outgrow DynamoDB's 400 KB item limit. The
 * writer then commits without the roster's write: the roster undercounts (as a capped read would)
 * rather than the entity's own change failing.
 */
export function rosterFull(err: unknown): boolean {
  return (
    err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'ValidationError' && /size/i.test(r.Message ?? ''))
  );
}
