import { retryWrite } from '@parkbridge/domain/bids';
import {
  type AuditEntry,
  conflict,
  type PageRequest,
  ruleBroken,
  type Stored,
  staleVersion,
} from '@parkbridge/domain/core';
import type {
  Allocation,
  AwardOfferingWrite,
  Offering,
  OfferingBid,
  OfferingBidWrite,
  OfferingQuery,
  OfferingRepository,
} from '@parkbridge/domain/offerings';
import { OFFERING_DIRECTION } from '@parkbridge/domain/offerings';
import { auctionStateOf, auctionStateWrite, countStandingBids } from '../bids/auction-state';
import { auditStep } from '../core/audit';
import { batchGet } from '../core/batch';
import type { Db } from '../core/db';
import { getItem, queryAll, queryPage } from '../core/query';
import { type CapacityObserver, type TxItem, transact } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { notificationWrites } from '../notifications/notification.repository';
import { membershipKeys } from '../orgs/membership.repository';
import {
  allocationKeys,
  OFFERING_AUCTION_PREFIX,
  OFFERING_BID_PREFIX,
  offeringAuctionKey,
  offeringBidKey,
  offeringIndexKeys,
  offeringKey,
} from './offering.keys';

type Audit = Omit<AuditEntry, 'entityId'>;

/** Bids on one offering are a bounded partition; past this many, reading refuses rather than truncating. */
const MAX_BIDS_PER_OFFERING = 2000;
/** TransactWriteItems takes at most 100 items; the award's own writes take 8, each notification 2. */
const MAX_TX_ITEMS = 100;
const AWARD_ITEMS = 8;

export class DynamoOfferingRepository implements OfferingRepository {
  private observer: CapacityObserver | undefined;

  constructor(private readonly db: Db) {}

  /** Reports the capacity each bid and award transaction consumed (the bench listens). */
  observeCapacity(observer: CapacityObserver | undefined) {
    this.observer = observer;
  }

  async get(offeringId: string) {
    const key = offeringKey(offeringId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Offering>>(item) : null;
  }

  /** One Query of the park's offerings; status (the effective one), kind and drafts are filters. */
  async listByPark(parkId: string, q: OfferingQuery, page: PageRequest) {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = {};
    const terms: string[] = [];
    if (!q.includeDrafts) {
      terms.push('#status <> :draft');
      values[':draft'] = 'draft';
    }
    if (q.status === 'open' || q.status === 'closed') {
      values[':open'] = 'open';
      values[':now'] = q.now.getTime();
      if (q.status === 'open') terms.push('#status = :open AND closesAtMs > :now');
      else {
        values[':closed'] = 'closed';
        terms.push('(#status = :closed OR (#status = :open AND closesAtMs <= :now))');
      }
    } else if (q.status) {
      terms.push('#status = :status');
      values[':status'] = q.status;
    }
    if (q.kind) {
      names['#kind'] = 'kind';
      values[':kind'] = q.kind;
      terms.push('#kind = :kind');
    }
    const res = await queryPage(
      this.db,
      {
        index: 'gsi1',
        pk: offeringIndexKeys({ parkId, offeringId: '' }).gsi1pk,
        descending: true,
        filter: terms.length
          ? {
              FilterExpression: terms.join(' AND '),
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }
          : undefined,
      },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Offering>>(i)), nextCursor: res.nextCursor };
  }

  save(next: Offering, prev: Stored<Offering> | null, audit: Audit) {
    return writeVersioned(this.db, {
      keys: { ...offeringKey(next.offeringId), ...offeringIndexKeys(next) },
      entityId: next.offeringId,
      next: next as Stored<Offering>,
      prev,
      audit,
      extra: { type: 'offering' },
    });
  }

  async offeringAndBid(offeringId: string, orgId: string) {
    const [at, bidAt] = [offeringKey(offeringId), offeringBidKey(offeringId, orgId)];
    const found = await batchGet(this.db, [at, bidAt], { consistent: true });
    const offering = found.find((i) => i.sk === at.sk);
    const bid = found.find((i) => i.sk === bidAt.sk);
    return {
      offering: offering ? stripKeys<Stored<Offering>>(offering) : null,
      bid: bid ? stripKeys<Stored<OfferingBid>>(bid) : null,
    };
  }

  /** The auction state and every bid in one consistent Query: `AUCTION#…` sorts right before `BID#…`. */
  async book(offeringId: string) {
    const items = await queryAll(
      this.db,
      {
        pk: offeringKey(offeringId).pk,
        range: { from: OFFERING_AUCTION_PREFIX, to: `${OFFERING_BID_PREFIX}\uffff` },
        consistent: true,
      },
      MAX_BIDS_PER_OFFERING,
    );
    const state = auctionStateOf(items.find((i) => String(i.sk).startsWith(OFFERING_AUCTION_PREFIX)));
    const bids = items
      .filter((i) => String(i.sk).startsWith(OFFERING_BID_PREFIX))
      .map((i) => stripKeys<Stored<OfferingBid>>(i));
    return { state, bids };
  }

  /** Select COUNT: the sealed count never reads a bid out. */
  async countLive(offeringId: string) {
    return countStandingBids(this.db, offeringKey(offeringId).pk);
  }

  /**
   * One TransactWriteItems: the bid (on the version read, or new), its audit record, the gate on the
   * offering (open, before the effective close, not the operator's own, at least the reserve; an
   * Update that moves the close when the bid extends it), and in auction mode the auction state.
   */
  async writeBid(w: OfferingBidWrite): Promise<Stored<OfferingBid>> {
    const { offering, now } = w.gate;
    const step = auditStep(this.db, { ...w.audit, entityId: w.next.bidId }, w.prev, now);
    const next: Stored<OfferingBid> = { ...w.next, ...step.next };
    const items: TxItem[] = [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { ...offeringBidKey(next.offeringId, next.bidderOrgId), type: 'offering-bid', ...next },
            ConditionExpression: w.prev ? '#version = :seen' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: w.prev ? { '#version': 'version' } : undefined,
            ExpressionAttributeValues: w.prev ? { ':seen': w.prev.version } : undefined,
          },
        },
        onConditionFailed: () =>
          w.intent === 'create' && !w.prev
            ? conflict('bid.exists', 'You have a bid on this offering already: revise it instead.')
            : staleVersion(),
      },
      step.tx,
      this.gate(w),
    ];
    if (w.auction) {
      items.push(
        auctionStateWrite(
          this.db,
          offeringAuctionKey(offering.offeringId),
          w.auction,
          {
            offeringId: offering.offeringId,
          },
          OFFERING_DIRECTION,
        ),
      );
    }
    await transact(this.db, items, { observe: this.observer, operation: `offering_bid.${w.intent}` });
    return next;
  }

  private gate(w: OfferingBidWrite): TxItem {
    const { offering, now, extendTo } = w.gate;
    const nowMs = now.getTime();
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':open': 'open', ':now': nowMs, ':org': w.next.bidderOrgId };
    let condition = '#status = :open AND closesAtMs > :now AND operatorOrgId <> :org';
    if (w.intent !== 'withdraw') {
      condition += ' AND reservePrice.amount <= :price';
      values[':price'] = w.next.price.amount;
    }
    const onFailed = (old: Record<string, unknown> | undefined) => {
      if (!old) return retryWrite();
      if (old.status !== 'open' || Number(old.closesAtMs) <= nowMs) {
        return ruleBroken(
          'bid.offering_closed',
          old.status === 'open'
            ? `The offering closed at ${String(old.closesAt)}; no bid is accepted after the close.`
            : `The offering is ${String(old.status)}.`,
        );
      }
      if (old.operatorOrgId === w.next.bidderOrgId) {
        return ruleBroken('bid.own_offering', 'The park’s operator cannot bid on its own offering.');
      }
      return retryWrite();
    };
    if (extendTo === null) {
      return {
        item: {
          ConditionCheck: {
            TableName: this.db.tableName,
            Key: offeringKey(offering.offeringId),
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        onConditionFailed: onFailed,
      };
    }
    // The extension moves the close only from the close that was read: two late bids cannot both.
    return {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: offeringKey(offering.offeringId),
          UpdateExpression:
            'SET closesAt = :closesAt, closesAtMs = :closesAtMs, extensionCount = extensionCount + :one',
          ConditionExpression: `${condition} AND closesAtMs = :seenClose`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ...values,
            ':closesAt': new Date(extendTo).toISOString(),
            ':closesAtMs': extendTo,
            ':one': 1,
            ':seenClose': offering.closesAtMs,
          },
        },
      },
      onConditionFailed: onFailed,
    };
  }

  /**
   * The award in one transaction: offering (from the version read, after the effective close),
   * the bid, the allocation (only if the offering has none), the winner's membership (from the
   * version read, or new), every audit record, and the outcome notices that fit.
   */
  async award(w: AwardOfferingWrite) {
    const { offering, bid, allocation, now } = w;
    const at = now.toISOString();
    const offeringStep = auditStep(
      this.db,
      { ...w.audits.offering, entityId: offering.offeringId },
      offering,
      now,
    );
    const bidStep = auditStep(this.db, { ...w.audits.bid, entityId: bid.bidId }, bid, now);
    const allocationStep = auditStep(
      this.db,
      { ...w.audits.allocation, entityId: allocation.allocationId },
      null,
      now,
    );
    const m = w.membership;
    const membershipStep = auditStep(
      this.db,
      { ...w.audits.membership, entityId: `${m.next.parkId}/${m.next.orgId}` },
      m.prev,
      now,
    );
    const room = Math.floor((MAX_TX_ITEMS - AWARD_ITEMS) / 2);
    const items: TxItem[] = [
      {
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: offeringKey(offering.offeringId),
            UpdateExpression:
              'SET #status = :awarded, awardedBidId = :bidId, allocationId = :allocationId, updatedAt = :at, ' +
              '#version = :version, auditHash = :hash',
            ConditionExpression:
              '#version = :seenVersion AND ((#status = :open AND closesAtMs <= :now) OR #status = :closed)',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':awarded': 'awarded',
              ':bidId': bid.bidId,
              ':allocationId': allocation.allocationId,
              ':at': at,
              ':version': offeringStep.next.version,
              ':hash': offeringStep.next.auditHash,
              ':seenVersion': offering.version,
              ':open': 'open',
              ':closed': 'closed',
              ':now': now.getTime(),
            },
          },
        },
        onConditionFailed: (old) => {
          if (old?.status === 'awarded')
            return conflict('offering.already_awarded', 'The offering has been awarded already.');
          if (old?.status === 'cancelled')
            return conflict('offering.cancelled', 'The offering was cancelled.');
          if (old?.status === 'open' && Number(old.closesAtMs) > now.getTime()) {
            return ruleBroken(
              'award.before_close',
              `An offering is awarded after its close (${String(old.closesAt)}).`,
            );
          }
          return retryWrite();
        },
      },
      offeringStep.tx,
      {
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: offeringBidKey(offering.offeringId, bid.bidderOrgId),
            UpdateExpression:
              'SET #status = :awarded, updatedAt = :at, #version = :version, auditHash = :hash',
            ConditionExpression: '#status = :submitted AND #version = :seen',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':awarded': 'awarded',
              ':submitted': 'submitted',
              ':at': at,
              ':version': bidStep.next.version,
              ':hash': bidStep.next.auditHash,
              ':seen': bid.version,
            },
          },
        },
        onConditionFailed: () => retryWrite(),
      },
      bidStep.tx,
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...allocationKeys(allocation),
              type: 'allocation',
              ...allocation,
              ...allocationStep.next,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () =>
          conflict('offering.already_awarded', 'The offering has been awarded already.'),
      },
      allocationStep.tx,
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { ...membershipKeys(m.next), type: 'membership', ...m.next, ...membershipStep.next },
            ConditionExpression: m.prev ? '#version = :seen' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: m.prev ? { '#version': 'version' } : undefined,
            ExpressionAttributeValues: m.prev ? { ':seen': m.prev.version } : undefined,
          },
        },
        // The membership changed (or appeared) since it was read: read again and decide again.
        onConditionFailed: () => retryWrite(),
      },
      membershipStep.tx,
      ...w.notifications.slice(0, room).flatMap((n) => notificationWrites(this.db, n, now).items),
    ];
    await transact(this.db, items, { observe: this.observer, operation: 'offering.award' });
    return { allocation, unsent: w.notifications.slice(room) };
  }

  async allocation(offeringId: string) {
    const item = await getItem(this.db, offeringKey(offeringId).pk, 'ALLOCATION', true);
    return item ? stripKeys<Allocation & { version?: number; auditHash?: string }>(item) : null;
  }
}
