import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict, type DomainError } from '@parkbridge/domain/core';
import type { Db } from './db';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TxItem {
  item: TransactItem;
  /** The domain error that this item's failed condition means (the invariant it guards). */
  onConditionFailed?: ((old: Record<string, unknown> | undefined) => DomainError) | undefined;
}

const raceLost = () =>
  conflict('write.concurrent', 'Another change to the same record happened at the same time; try again.');

/**
 * Runs items as one TransactWriteItems and turns a cancellation into the domain error of the
 * first item whose condition failed, so invariants live in conditions and callers get a reason.
 */
export async function transact(db: Db, items: TxItem[], token?: string): Promise<void> {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: items.map((i) => withOldValues(i.item)),
        ClientRequestToken: token,
      }),
    );
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const reasons = err.CancellationReasons ?? [];
      for (const [n, reason] of reasons.entries()) {
        if (reason.Code === 'ConditionalCheckFailed') {
          const mapper = items[n]?.onConditionFailed;
          throw mapper ? mapper(unmarshallLoose(reason.Item)) : raceLost();
        }
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw raceLost();
    }
    throw err;
  }
}

/** For single conditional writes: translate the SDK's exception into the invariant's error. */
export async function guarded<T>(write: Promise<T>, onConditionFailed: () => DomainError): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw onConditionFailed();
    throw err;
  }
}

function withOldValues(item: TransactItem): TransactItem {
  const [kind] = Object.keys(item) as (keyof TransactItem)[];
  const op = kind ? item[kind] : undefined;
  if (!op || !('ConditionExpression' in op) || !op.ConditionExpression) return item;
  return { [kind as string]: { ...op, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
}

// Cancellation reasons carry raw attribute values; callers only need flat scalars from them.
function unmarshallLoose(raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const av = v as Record<string, unknown>;
    if ('S' in av) out[k] = av.S;
    else if ('N' in av) out[k] = Number(av.N);
    else if ('BOOL' in av) out[k] = av.BOOL;
  }
  return out;
}
