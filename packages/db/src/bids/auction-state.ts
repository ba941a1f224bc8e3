import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuctionGuard,
  type AuctionStateRead,
  type Direction,
  retryWrite,
} from '@parkbridge/domain/bids';
import type { Db } from '../core/db';
import type { TxItem } from '../core/transact';

/**
 * The Update of an auction's state item inside a bid's transaction, for either direction: a lead
 * is conditioned on the best not having moved past the threshold, a follow on the best still being
 * at least as good as the price, a leader's improvement on still leading; every accepted bid bumps
 * `bidSeq`, and an anti-sniping extension counts in `snipingExtensions`. Needs (lowest wins) and
 * park offerings (highest wins) share it.
 */
export function auctionStateWrite(
  db: Db,
  key: { pk: string; sk: string },
  g: AuctionGuard,
  /** The auction's owner written on the state item, e.g. `{ needId }`. */
  owner: Record<string, string>,
  direction: Direction = 'lowest_wins',
): TxItem {
  // "At least as good as" for the best price, in this direction.
  const asGood = direction === 'lowest_wins' ? '<=' : '>=';
  const notPast = direction === 'lowest_wins' ? '>=' : '<=';
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':one': 1, ':type': 'auction-state' };
  const set = ['#type = :type'];
  for (const [i, [field, value]] of Object.entries(owner).entries()) {
    names[`#owner${i}`] = field;
    values[`:owner${i}`] = value;
    set.push(`#owner${i} = :owner${i}`);
  }
  const remove: string[] = [];
  const add = ['bidSeq :one'];
  const conditions: string[] = [];
  const m = g.move;
  if (m.kind === 'lead') {
    set.push('bestMinor = :price', 'leaderOrgId = :org');
    values[':price'] = g.priceMinor;
    values[':org'] = g.orgId;
    if (m.thresholdMinor === null) conditions.push('attribute_not_exists(bestMinor)');
    else {
      conditions.push(`(attribute_not_exists(bestMinor) OR bestMinor ${notPast} :threshold)`);
      values[':threshold'] = m.thresholdMinor;
    }
  } else if (m.kind === 'improve_lead') {
    set.push('bestMinor = :price');
    values[':price'] = g.priceMinor;
    values[':org'] = g.orgId;
    conditions.push('leaderOrgId = :org');
  } else if (m.kind === 'follow') {
    values[':price'] = g.priceMinor;
    conditions.push(`bestMinor ${asGood} :price`);
  } else {
    if (m.best) {
      set.push('bestMinor = :best', 'leaderOrgId = :leader');
      values[':best'] = m.best.priceMinor;
      values[':leader'] = m.best.orgId;
    } else remove.push('bestMinor', 'leaderOrgId');
  }
  if (g.seenBidSeq !== null) {
    if (g.seenBidSeq === 0) conditions.push('attribute_not_exists(bidSeq)');
    else {
      conditions.push('bidSeq = :seenSeq');
      values[':seenSeq'] = g.seenBidSeq;
    }
  }
  if (g.snipingSeen !== null) {
    add.push('snipingExtensions :one');
    if (g.snipingSeen === 0) conditions.push('attribute_not_exists(snipingExtensions)');
    else {
      conditions.push('snipingExtensions = :seenSniping');
      values[':seenSniping'] = g.snipingSeen;
    }
  }
  const update = [
    `SET ${set.join(', ')}`,
    `ADD ${add.join(', ')}`,
    remove.length ? `REMOVE ${remove.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: key,
        UpdateExpression: update,
        ConditionExpression: conditions.length ? conditions.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    // Another bid moved the best, or came between the read and this write: decide again.
    onConditionFailed: () => retryWrite(),
  };
}

/** An auction state item as read (absent: an auction nobody has bid in yet). */
export const auctionStateOf = (item: Record<string, unknown> | undefined): AuctionStateRead => ({
  bestMinor: typeof item?.bestMinor === 'number' ? item.bestMinor : null,
  leaderOrgId: typeof item?.leaderOrgId === 'string' ? item.leaderOrgId : null,
  bidSeq: Number(item?.bidSeq ?? 0),
  snipingExtensions: Number(item?.snipingExtensions ?? 0),
});

/**
 * Select COUNT of the standing bids under a partition (consistent): a sealed count never reads a
 * bid out, and needs no counter on the hot item. `filter` adds conditions on the bid items.
 */
export async function countStandingBids(
  db: Db,
  pk: string,
  filter: { expression: string; values: Record<string, unknown> } = { expression: '', values: {} },
): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bid)',
        FilterExpression: `#status = :submitted${filter.expression ? ` AND ${filter.expression}` : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': pk, ':bid': 'BID#', ':submitted': 'submitted', ...filter.values },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}
