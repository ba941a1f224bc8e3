import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AuctionBook,
  AuctionGuard,
  AuctionStateRead,
  Bid,
  BidRepository,
  BidRevision,
  BidWrite,
} from '@parkbridge/domain/bids';
import { retryWrite } from '@parkbridge/domain/bids';
import { conflict, type PageRequest, type Stored, versionChanged } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import { auditStep } from '../core/audit';
import { batchGet } from '../core/batch';
import type { Db } from '../core/db';
import { getItem, queryAll, queryPage } from '../core/query';
import type { TxItem } from '../core/transact';
import { stripKeys } from '../core/versioned-write';
import { attachmentWrites } from '../documents/upload.repository';
import { needKey } from '../needs/need.keys';
import { quotaWrites } from '../quotas/quota.repository';
import {
  AUCTION_PREFIX,
  auctionStateKey,
  BID_PREFIX,
  bidKey,
  bidRevisionKey,
  bidRevisionPrefix,
} from './bid.keys';
import { type CapacityObserver, transactBidding } from './bidding-tx';
import { gateItems } from './need-gate';

const stateOf = (item: Record<string, unknown> | undefined): AuctionStateRead => ({
  bestMinor: typeof item?.bestMinor === 'number' ? item.bestMinor : null,
  leaderOrgId: typeof item?.leaderOrgId === 'string' ? item.leaderOrgId : null,
  bidSeq: Number(item?.bidSeq ?? 0),
  snipingExtensions: Number(item?.snipingExtensions ?? 0),
});

/** Bids on one need are a bounded partition; past this many, listing refuses rather than truncating silently. */
const MAX_BIDS_PER_NEED = 2000;

export class DynamoBidRepository implements BidRepository {
  private observer: CapacityObserver | undefined;

  constructor(private readonly db: Db) {}

  /** Reports the capacity each bid transaction consumed (ReturnConsumedCapacity TOTAL). */
  observeCapacity(observer: CapacityObserver | undefined) {
    this.observer = observer;
  }

  async get(needId: string, orgId: string) {
    const key = bidKey(needId, orgId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Bid>>(item) : null;
  }

  /** The need and the caller's bid in one consistent BatchGetItem: both live in the need's partition. */
  async needAndBid(needId: string, orgId: string) {
    const [needAt, bidAt] = [needKey(needId), bidKey(needId, orgId)];
    const found = await batchGet(this.db, [needAt, bidAt], { consistent: true });
    const need = found.find((i) => i.sk === needAt.sk);
    const bid = found.find((i) => i.sk === bidAt.sk);
    return {
      need: need ? stripKeys<Stored<Need>>(need) : null,
      bid: bid ? stripKeys<Stored<Bid>>(bid) : null,
    };
  }

  /**
   * Every auction state and every bid of a need in one Query (consistent): `AUCTION#…` sorts right
   * before `BID#…` and nothing lies between them (`BIDREV#…` sorts after `BID#\uffff`).
   */
  async auctionBook(needId: string): Promise<AuctionBook> {
    const items = await queryAll(
      this.db,
      {
        pk: needKey(needId).pk,
        range: { from: AUCTION_PREFIX, to: `${BID_PREFIX}\uffff` },
        consistent: true,
      },
      MAX_BIDS_PER_NEED,
    );
    const states = new Map<number, AuctionStateRead>();
    const bids: Stored<Bid>[] = [];
    for (const item of items) {
      const sk = String(item.sk);
      if (sk.startsWith(BID_PREFIX)) bids.push(stripKeys<Stored<Bid>>(item));
      else if (sk.startsWith(AUCTION_PREFIX))
        states.set(Number(sk.slice(AUCTION_PREFIX.length)), stateOf(item));
    }
    return { states, bids };
  }

  async listForNeed(needId: string) {
    const items = await queryAll(
      this.db,
      { pk: needKey(needId).pk, skPrefix: BID_PREFIX },
      MAX_BIDS_PER_NEED,
    );
    return items.map((i) => stripKeys<Stored<Bid>>(i));
  }

  /** Select COUNT: the sealed count never reads a bid out, and needs no counter on the hot need item. */
  async countLive(needId: string, amendment: number) {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bid)',
          FilterExpression: '#status = :submitted AND amendmentSeen = :amend',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': needKey(needId).pk,
            ':bid': BID_PREFIX,
            ':submitted': 'submitted',
            ':amend': amendment,
          },
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

  async revisions(needId: string, orgId: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { pk: needKey(needId).pk, skPrefix: bidRevisionPrefix(orgId), descending: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<BidRevision>(i)), nextCursor: res.nextCursor };
  }

  async auctionState(needId: string, amendment: number): Promise<AuctionStateRead> {
    const key = auctionStateKey(needId, amendment);
    return stateOf(await getItem(this.db, key.pk, key.sk, true));
  }

  /**
   * One TransactWriteItems: the bid (conditioned on the version read, or on being new), its audit
   * record, its revision, the gate on the need, membership and certificates, and the auction state.
   */
  async write(w: BidWrite): Promise<Stored<Bid>> {
    const now = w.gate?.now ?? this.db.clock.now();
    const step = auditStep(this.db, { ...w.audit, entityId: w.next.bidId }, w.prev, now);
    const next: Stored<Bid> = { ...w.next, ...step.next };
    const key = bidKey(next.needId, next.supplierOrgId);
    const items: TxItem[] = [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { ...key, type: 'bid', ...next },
            ConditionExpression: w.prev ? '#version = :seen' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: w.prev ? { '#version': 'version' } : undefined,
            ExpressionAttributeValues: w.prev ? { ':seen': w.prev.version } : undefined,
          },
        },
        onConditionFailed: () =>
          w.intent === 'create'
            ? conflict('bid.exists', 'You have a bid on this need already: revise it instead.')
            : versionChanged(),
      },
      step.tx,
    ];
    if (w.revision) {
      items.push({
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...bidRevisionKey(next.needId, next.supplierOrgId, w.revision.revision),
              type: 'bid-revision',
              ...w.revision,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => retryWrite(),
      });
    }
    if (w.gate) items.push(...gateItems(this.db, next.supplierOrgId, w.gate, 'bid'));
    if (w.auction) items.push(this.auctionItem(next.needId, w.auction));
    // Last: a closed need or a lost approval is the reason to report before a file's.
    items.push(...attachmentWrites(this.db, w.files, now), ...quotaWrites(this.db, w.charges));
    await transactBidding(this.db, items, `bid.${w.intent}`, this.observer);
    return next;
  }

  private auctionItem(needId: string, g: AuctionGuard): TxItem {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':one': 1, ':type': 'auction-state', ':needId': needId };
    const set = ['#type = :type', 'needId = :needId'];
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
        conditions.push('(attribute_not_exists(bestMinor) OR bestMinor >= :threshold)');
        values[':threshold'] = m.thresholdMinor;
      }
    } else if (m.kind === 'improve_lead') {
      set.push('bestMinor = :price');
      values[':price'] = g.priceMinor;
      values[':org'] = g.orgId;
      conditions.push('leaderOrgId = :org');
    } else if (m.kind === 'follow') {
      values[':price'] = g.priceMinor;
      conditions.push('bestMinor <= :price');
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
          TableName: this.db.tableName,
          Key: auctionStateKey(needId, g.amendment),
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
}
