import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@parkbridge/domain/core';
import type { Db } from './db';
import type { Item } from './query';
import type { TxItem } from './transact';

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
 * writer then commits without the roster's write: the roster undercounts rather than the entity's
 * own change failing, and says so (see reportRosterFull).
 */
function rosterFull(err: unknown): boolean {
  return (
    err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'ValidationError' && /size/i.test(r.Message ?? ''))
  );
}

const MAX_ATTEMPTS = 5;
const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20 * attempt) + 5 * attempt));

/**
 * Runs an entity's write with its roster writes (`write(true)`), as one transaction. A roster is
 * shared by many entities (every open need of a park's division), so two of their writes at once
 * can cancel each other (`TransactionConflict` → `write.concurrent`): the write is then retried,
 * which is safe because a cancelled transaction wrote nothing and the entity's own version
 * condition still refuses a change that lost a real race. A roster that would pass 400 KB is left
 * out (`write(false)`).
 */
export async function writeWithRoster<T>(
  write: (withRoster: boolean) => Promise<T>,
  report: (err: unknown) => void = reportRosterFull,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(true);
    } catch (err) {
      if (rosterFull(err)) {
        report(err);
        return write(false);
      }
      if (attempt < MAX_ATTEMPTS && err instanceof DomainError && err.code === 'write.concurrent') {
        await pause(attempt);
        continue;
      }
      throw err;
    }
  }
}

/**
 * A roster at its bound (~5,400 members at ~75 B each) is reported, not left to undercount in
 * silence: one structured warning line (`roster.full`) that a log metric filter counts and alarms on.
 */
export function reportRosterFull(err: unknown): void {
  const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
  console.warn(
    JSON.stringify({
      level: 'WARN',
      message: 'roster.full',
      detail: 'A roster would pass 400 KB: the entity was written without it, and the roster undercounts.',
      reasons: reasons.map((r) => r.Message ?? r.Code),
    }),
  );
}
