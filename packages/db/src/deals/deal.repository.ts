import { retryWrite } from '@parkbridge/domain/bids';
import {
  type AuditEntry,
  conflict,
  DomainError,
  type PageRequest,
  ruleBroken,
  type Stored,
} from '@parkbridge/domain/core';
import {
  type AwardWrite,
  type Deal,
  type DealRepository,
  type DealRole,
  purchaseOrderNumber,
  type ReputationCounter,
} from '@parkbridge/domain/deals';
import type { NotificationDraft } from '@parkbridge/domain/notifications';
import { bidKey } from '../bids/bid.keys';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { getItem, queryPage } from '../core/query';
import { type CapacityObserver, type TxItem, transact } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { needKey } from '../needs/need.keys';
import { notificationWrites } from '../notifications/notification.repository';
import { reputationIncrement } from '../reputation/reputation.repository';
import { settleWrites } from './award-request.repository';
import { dealKey, dealKeys } from './deal.keys';
import { purchaseOrderCounterKey, purchaseOrderKey } from './deal-message.keys';

/**
 * TransactWriteItems takes at most 100 items; the award's own writes take 6, settling a pending
 * award request 3 more, each notification 2.
 */
const MAX_TX_ITEMS = 100;
const AWARD_ITEMS = 6;
const SETTLE_ITEMS = 3;

export class DynamoDealRepository implements DealRepository {
  private observer: CapacityObserver | undefined;

  constructor(private readonly db: Db) {}

  observeCapacity(observer: CapacityObserver | undefined) {
    this.observer = observer;
  }

  async award(w: AwardWrite) {
    const { need, bid, now } = w;
    const needStep = auditStep(this.db, { ...w.needAudit, entityId: need.needId }, need, now);
    const bidStep = auditStep(this.db, { ...w.bidAudit, entityId: bid.bidId }, bid, now);
    const dealStep = auditStep(this.db, { ...w.dealAudit, entityId: w.deal.dealId }, null, now);
    const deal: Stored<Deal> = { ...w.deal, ...dealStep.next };
    const settling = w.settles
      ? settleWrites(this.db, w.settles.next, w.settles.prev, w.settles.audit, now).items
      : [];
    const room = Math.floor((MAX_TX_ITEMS - AWARD_ITEMS - SETTLE_ITEMS) / 2);
    const inTx = w.notifications.slice(0, room);
    const items: TxItem[] = [
      {
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: needKey(need.needId),
            UpdateExpression:
              'SET #status = :awarded, awardedBidId = :bidId, updatedAt = :at, #version = :version, auditHash = :hash',
            // After the effective close (whether or not the close job has run), from the version read.
            ConditionExpression:
              '#version = :seenVersion AND amendmentCount = :amend AND ' +
              '((#status = :open AND closesAtMs <= :now) OR #status = :closed)',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':awarded': 'awarded',
              ':bidId': bid.bidId,
              ':at': now.toISOString(),
              ':version': needStep.next.version,
              ':hash': needStep.next.auditHash,
              ':seenVersion': need.version,
              ':amend': need.amendmentCount,
              ':open': 'open',
              ':closed': 'closed',
              ':now': now.getTime(),
            },
          },
        },
        onConditionFailed: (old) => {
          if (old?.status === 'awarded')
            return conflict('need.already_awarded', 'The need has been awarded already.');
          if (old?.status === 'open' && Number(old.closesAtMs) > now.getTime()) {
            return ruleBroken(
              'award.before_close',
              `A need is awarded after its close (${String(old.closesAt)}).`,
            );
          }
          return retryWrite();
        },
      },
      needStep.tx,
      {
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: bidKey(need.needId, bid.supplierOrgId),
            UpdateExpression:
              'SET #status = :awarded, updatedAt = :at, #version = :version, auditHash = :hash',
            ConditionExpression: '#status = :submitted AND amendmentSeen = :amend AND #version = :seen',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':awarded': 'awarded',
              ':submitted': 'submitted',
              ':amend': need.amendmentCount,
              ':at': now.toISOString(),
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
            Item: { ...dealKeys(deal), type: 'deal', ...deal },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      dealStep.tx,
      ...settling,
      ...inTx.flatMap((n) => notificationWrites(this.db, n, now).items),
    ];
    await transact(this.db, items, { observe: this.observer, operation: 'deal.award' });
    return { deal, unsent: w.notifications.slice(room) };
  }

  async get(dealId: string) {
    const key = dealKey(dealId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Deal>>(item) : null;
  }

  async listByOrg(orgId: string, role: DealRole, page: PageRequest) {
    const res = await queryPage(
      this.db,
      role === 'buyer'
        ? { index: 'gsi1', pk: `ORG#${orgId}#DEALS#buyer`, descending: true }
        : { index: 'gsi2', pk: `ORG#${orgId}#DEALS#seller`, descending: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Deal>>(i)), nextCursor: res.nextCursor };
  }

  /**
   * The buyer's counter moves and the deal's number is written in one transaction, only if the deal
   * has none yet; a first read that loses the race reads the winner's number.
   */
  async purchaseOrderOf(deal: Deal, at: Date) {
    const key = purchaseOrderKey(deal.dealId);
    const counter = purchaseOrderCounterKey(deal.buyerOrgId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const [issued, current] = await Promise.all([
        getItem(this.db, key.pk, key.sk, true),
        getItem(this.db, counter.pk, counter.sk, true),
      ]);
      if (issued) return { number: String(issued.number), issuedAt: String(issued.issuedAt) };
      const seq = Number(current?.seq ?? 0) + 1;
      const po = { number: purchaseOrderNumber(seq), issuedAt: at.toISOString() };
      try {
        await transact(this.db, [
          {
            item: {
              Put: {
                TableName: this.db.tableName,
                Item: { ...counter, type: 'purchase-order-counter', seq },
                ConditionExpression: current ? 'seq = :seen' : 'attribute_not_exists(pk)',
                ExpressionAttributeValues: current ? { ':seen': current.seq } : undefined,
              },
            },
          },
          {
            item: {
              Put: {
                TableName: this.db.tableName,
                Item: { ...key, type: 'purchase-order', dealId: deal.dealId, ...po },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          },
        ]);
        return po;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'write.concurrent')) throw err;
      }
    }
    throw conflict('write.concurrent', 'Purchase orders were being numbered at the same time; try again.');
  }

  save(
    next: Deal,
    prev: Stored<Deal>,
    audit: Omit<AuditEntry, 'entityId'>,
    effects: {
      reputation: { orgId: string; add: Partial<Record<ReputationCounter, number>> }[];
      notifications: NotificationDraft[];
    },
  ) {
    const now = this.db.clock.now();
    return writeVersioned(this.db, {
      keys: dealKeys(next),
      entityId: next.dealId,
      next: next as Stored<Deal>,
      prev,
      audit,
      extra: { type: 'deal' },
      with: [
        ...effects.reputation.map((r) => reputationIncrement(this.db, r.orgId, r.add)),
        ...effects.notifications.flatMap((n) => notificationWrites(this.db, n, now).items),
      ],
    });
  }
}
