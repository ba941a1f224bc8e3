import { ledgerMoved, REQUESTED } from '@parkbridge/domain/bookings';
import type { Db, TxItem } from '../core';
import { holdAttribute, ledgerKey } from './booking.keys';

/**
 * Adds a hold to the organisation's ledger, dropping the entries that lapsed, if the ledger is
 * still the version the limit was checked against; so the limit holds under concurrent holds.
 */
export function ledgerHoldWrite(
  db: Db,
  h: { expoId: string; orgId: string; bookingId: string; expiresAtMs: number },
  ledger: { version: number | null; lapsed: string[] },
): TxItem {
  const names: Record<string, string> = { '#h': holdAttribute(h.bookingId), '#type': 'type' };
  ledger.lapsed.forEach((id, i) => {
    names[`#x${i}`] = holdAttribute(id);
  });
  const remove = ledger.lapsed.length ? ` REMOVE ${ledger.lapsed.map((_, i) => `#x${i}`).join(', ')}` : '';
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: ledgerKey(h.expoId, h.orgId),
        UpdateExpression: `SET #h = :exp, ledgerVersion = :next, expoId = :expo, orgId = :org, #type = :type${remove}`,
        ConditionExpression:
          ledger.version === null ? 'attribute_not_exists(ledgerVersion)' : 'ledgerVersion = :seen',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':exp': h.expiresAtMs,
          ':next': (ledger.version ?? 0) + 1,
          ':expo': h.expoId,
          ':org': h.orgId,
          ':type': 'hold-ledger',
          ...(ledger.version === null ? {} : { ':seen': ledger.version }),
        },
      },
    },
    onConditionFailed: ledgerMoved,
  };
}

/** Takes a claim off the ledger (decided, cancelled, expired). Moves the version, so a racing hold re-reads. */
export function ledgerReleaseWrite(db: Db, h: { expoId: string; orgId: string; bookingId: string }): TxItem {
  return ledgerUpdate(db, h, 'REMOVE #h SET ledgerVersion = if_not_exists(ledgerVersion, :zero) + :one', {});
}

/** A submitted hold's entry stops lapsing: the request keeps its place in the count until decided. */
export function ledgerRequestWrite(db: Db, h: { expoId: string; orgId: string; bookingId: string }): TxItem {
  return ledgerUpdate(
    db,
    h,
    'SET #h = :requested, ledgerVersion = if_not_exists(ledgerVersion, :zero) + :one',
    {
      ':requested': REQUESTED,
    },
  );
}

function ledgerUpdate(
  db: Db,
  h: { expoId: string; orgId: string; bookingId: string },
  expression: string,
  values: Record<string, unknown>,
): TxItem {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: ledgerKey(h.expoId, h.orgId),
        UpdateExpression: expression,
        ExpressionAttributeNames: { '#h': holdAttribute(h.bookingId) },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ...values },
      },
    },
  };
}
