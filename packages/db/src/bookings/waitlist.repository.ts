import type { WaitlistEntry, WaitlistPlace, WaitlistRepository } from '@parkbridge/domain/bookings';
import { waitEntityId, waitlistMoved } from '@parkbridge/domain/bookings';
import { type AuditEntry, conflict, type Stored } from '@parkbridge/domain/core';
import type { SlotTarget } from '@parkbridge/domain/expos';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import { auditStep, type Db, getItem, queryPage, stripKeys, type TxItem, transact } from '../core';
import { quotaWrites } from '../quotas/quota.repository';
import { entryKey, placeKey, QUEUE_PREFIX, waitPk } from './waitlist.keys';

type Audit = Omit<AuditEntry, 'entityId'>;

const targetOf = (p: Pick<WaitlistPlace, 'slotId' | 'sliceId'>): SlotTarget => ({
  slotId: p.slotId,
  sliceId: p.sliceId,
});

const alreadyWaiting = () =>
  conflict('waitlist.already_waiting', 'Your organisation is on this waitlist already.');

/**
 * The writes that take a waiting place off the queue (leaving, or being offered the slot): the
 * place's new state on its version, its audit record, and the queue entry's removal.
 */
export function placeExitWrites(
  db: Db,
  next: WaitlistPlace,
  prev: Stored<WaitlistPlace>,
  audit: Audit,
): {
  items: TxItem[];
  saved: Stored<WaitlistPlace>;
} {
  const t = targetOf(prev);
  const step = auditStep(db, { ...audit, entityId: waitEntityId(prev) }, prev, db.clock.now());
  const saved = { ...next, ...step.next };
  return {
    saved,
    items: [
      {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...placeKey(t, prev.orgId), type: 'waitlist-place', ...saved },
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':v': prev.version },
          },
        },
        onConditionFailed: waitlistMoved,
      },
      step.tx,
      {
        item: {
          Delete: {
            TableName: db.tableName,
            Key: entryKey(t, prev),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        onConditionFailed: waitlistMoved,
      },
    ],
  };
}

export class DynamoWaitlistRepository implements WaitlistRepository {
  constructor(private readonly db: Db) {}

  async place(target: SlotTarget, orgId: string) {
    const key = placeKey(target, orgId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<WaitlistPlace>>(item) : null;
  }

  /**
   * The place (new, or on the version read) with its audit record, and its queue entry, which
   * carries a copy of the place as saved: while a place waits, its entry and the place change
   * together, so reading the queue is reading the place (see queuedPlace).
   */
  async join(
    next: WaitlistPlace,
    prev: Stored<WaitlistPlace> | null,
    audit: Audit,
    charges?: readonly QuotaCharge[],
  ) {
    const t = targetOf(next);
    const step = auditStep(this.db, { ...audit, entityId: waitEntityId(next) }, prev, this.db.clock.now());
    const saved: Stored<WaitlistPlace> = { ...next, ...step.next };
    // Two joins of one organisation at once: the second finds the place made or moved under it.
    await transact(this.db, [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { ...placeKey(t, next.orgId), type: 'waitlist-place', ...saved },
            ...(prev
              ? {
                  ConditionExpression: '#version = :v',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':v': prev.version },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
        onConditionFailed: alreadyWaiting,
      },
      step.tx,
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...entryKey(t, next),
              type: 'waitlist-entry',
              slotId: next.slotId,
              sliceId: next.sliceId,
              orgId: next.orgId,
              priority: next.priority,
              joinedAt: next.joinedAt,
              place: saved,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: alreadyWaiting,
      },
      ...quotaWrites(this.db, charges),
    ]);
    return saved;
  }

  async leave(next: WaitlistPlace, prev: Stored<WaitlistPlace>, audit: Audit) {
    const { items, saved } = placeExitWrites(this.db, next, prev, audit);
    await transact(this.db, items);
    return saved;
  }

  async queue(target: SlotTarget, limit: number): Promise<WaitlistEntry[]> {
    return (await this.queueItems(target, limit)).map((i) => ({
      slotId: i.slotId as string,
      sliceId: (i.sliceId as string | null) ?? null,
      orgId: i.orgId as string,
      priority: i.priority as WaitlistEntry['priority'],
      joinedAt: i.joinedAt as string,
      place: i.place as Stored<WaitlistPlace>,
    }));
  }

  async queuedPlace(target: SlotTarget, orgId: string, horizon: number) {
    const items = await this.queueItems(target, horizon);
    const at = items.findIndex((i) => i.orgId === orgId);
    // Every entry carries its place as saved (join writes both; nothing else writes an entry).
    return at < 0 ? null : { place: items[at]!.place as Stored<WaitlistPlace>, position: at + 1 };
  }

  /** The first `limit` queue entries in offer order. */
  private async queueItems(target: SlotTarget, limit: number) {
    // Consistent: a place that just joined must be seen by the offer its join triggers.
    return (
      await queryPage(this.db, { pk: waitPk(target), skPrefix: QUEUE_PREFIX, consistent: true }, { limit })
    ).items;
  }
}
