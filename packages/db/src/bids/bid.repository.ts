import type {
  AuctionBook,
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
import { type CapacityObserver, type TxItem, transact } from '../core/transact';
import { stripKeys } from '../core/versioned-write';
import { attachmentWrites } from '../documents/upload.repository';
import { needKey } from '../needs/need.keys';
import { quotaWrites } from '../quotas/quota.repository';
import { auctionStateOf, auctionStateWrite, countStandingBids } from './auction-state';
import {
  AUCTION_PREFIX,
  auctionStateKey,
  BID_PREFIX,
  bidKey,
  bidRevisionKey,
  bidRevisionPrefix,
} from './bid.keys';
import { gateItems } from './need-gate';

/**
 * Bids read for one need, at most (reads stop at the first page past it). A bid past it is not
 * refused yet: docs/scale.md lists it under what is left.
 */
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
        states.set(Number(sk.slice(AUCTION_PREFIX.length)), auctionStateOf(item));
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
    return countStandingBids(this.db, needKey(needId).pk, {
      expression: 'amendmentSeen = :amend',
      values: { ':amend': amendment },
    });
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
    return auctionStateOf(await getItem(this.db, key.pk, key.sk, true));
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
    if (w.auction) {
      const key = auctionStateKey(next.needId, w.auction.amendment);
      items.push(auctionStateWrite(this.db, key, w.auction, { needId: next.needId }));
    }
    // Last: a closed need or a lost approval is the reason to report before a file's.
    items.push(...attachmentWrites(this.db, w.files, now), ...quotaWrites(this.db, w.charges));
    await transact(this.db, items, { observe: this.observer, operation: `bid.${w.intent}` });
    return next;
  }
}
