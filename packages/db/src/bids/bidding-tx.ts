import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { conflict } from '@parkbridge/domain/core';
import type { Db } from '../core/db';
import type { TransactItem, TxItem } from '../core/transact';

/** Receives the write capacity units a bidding transaction consumed (the bid-storm bench listens). */
export type CapacityObserver = (units: number, operation: string, items: number) => void;

/**
 * As core `transact`, plus ReturnConsumedCapacity so the cost of one bid can be measured, and the
 * failed item's old image fully unmarshalled (the need's condition reads several attributes).
 */
export async function transactBidding(
  db: Db,
  items: TxItem[],
  operation: string,
  observe?: CapacityObserver,
): Promise<void> {
  try {
    const out = await db.doc.send(
      new TransactWriteCommand({
        TransactItems: items.map((i) => withOldValues(i.item)),
        ReturnConsumedCapacity: observe ? 'TOTAL' : undefined,
      }),
    );
    if (observe) {
      observe(
        (out.ConsumedCapacity ?? []).reduce(
          (sum, c) => sum + (c.CapacityUnits ?? c.WriteCapacityUnits ?? 0),
          0,
        ),
        operation,
        items.length,
      );
    }
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const reasons = err.CancellationReasons ?? [];
      for (const [n, reason] of reasons.entries()) {
        if (reason.Code === 'ConditionalCheckFailed') {
          const mapper = items[n]?.onConditionFailed;
          const old = reason.Item ? unmarshall(reason.Item as never) : undefined;
          throw mapper ? mapper(old) : raceLost();
        }
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw raceLost();
    }
    throw err;
  }
}

const raceLost = () =>
  conflict('write.concurrent', 'Another change to the same record happened at the same time; try again.');

function withOldValues(item: TransactItem): TransactItem {
  const [kind] = Object.keys(item) as (keyof TransactItem)[];
  const op = kind ? item[kind] : undefined;
  if (!op || !('ConditionExpression' in op) || !op.ConditionExpression) return item;
  return { [kind as string]: { ...op, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
}
