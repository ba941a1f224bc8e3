import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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

/** Receives the write capacity units a transaction consumed (the bid-storm bench listens). */
export type CapacityObserver = (units: number, operation: string, items: number) => void;

export interface TransactOptions {
  /** Makes a retried call idempotent for 10 minutes (DynamoDB's ClientRequestToken). */
  token?: string | undefined;
  /** Asks for ReturnConsumedCapacity and reports it, named by `operation`. */
  observe?: CapacityObserver | undefined;
  operation?: string | undefined;
}

/**
 * Runs items as one TransactWriteItems and turns a cancellation into the domain error of the
 * first item whose condition failed, so invariants live in conditions and callers get a reason.
 * The mapper receives the failed item's old image, unmarshalled (ALL_OLD on every conditioned item).
 */
export async function transact(db: Db, items: TxItem[], options: TransactOptions = {}): Promise<void> {
  try {
    const out = await db.doc.send(
      new TransactWriteCommand({
        TransactItems: items.map((i) => withOldValues(i.item)),
        ClientRequestToken: options.token,
        ReturnConsumedCapacity: options.observe ? 'TOTAL' : undefined,
      }),
    );
    options.observe?.(
      (out.ConsumedCapacity ?? []).reduce(
        (sum, c) => sum + (c.CapacityUnits ?? c.WriteCapacityUnits ?? 0),
        0,
      ),
      options.operation ?? 'transaction',
      items.length,
    );
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const reasons = err.CancellationReasons ?? [];
      for (const [n, reason] of reasons.entries()) {
        if (reason.Code === 'ConditionalCheckFailed') {
          const mapper = items[n]?.onConditionFailed;
          throw mapper ? mapper(reason.Item ? unmarshall(reason.Item as never) : undefined) : raceLost();
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
