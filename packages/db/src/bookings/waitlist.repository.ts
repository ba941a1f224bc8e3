import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { WaitlistEntry, WaitlistPlace, WaitlistRepository } from '@parkbridge/domain/bookings';
import { waitEntityId, waitlistMoved } from '@parkbridge/domain/bookings';
import { type AuditEntry, conflict, DomainError, type Stored } from '@parkbridge/domain/core';
import type { SlotTarget } from '@parkbridge/domain/expos';
import { auditStep, type Db, getItem, stripKeys, type TxItem, transact, writeVersioned } from '../core';
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

  async join(next: WaitlistPlace, prev: Stored<WaitlistPlace> | null, audit: Audit) {
    const t = targetOf(next);
    try {
      return await writeVersioned(this.db, {
        keys: placeKey(t, next.orgId),
        entityId: waitEntityId(next),
        next: next as Stored<WaitlistPlace>,
        prev,
        audit,
        extra: { type: 'waitlist-place' },
        onExists: alreadyWaiting,
        with: [
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
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: alreadyWaiting,
          },
        ],
      });
    } catch (err) {
      // Two joins of one organisation at once: the second finds the place moved under it.
      if (err instanceof DomainError && err.code === 'version.stale') throw alreadyWaiting();
      throw err;
    }
  }

  async leave(next: WaitlistPlace, prev: Stored<WaitlistPlace>, audit: Audit) {
    const { items, saved } = placeExitWrites(this.db, next, prev, audit);
    await transact(this.db, items);
    return saved;
  }

  async queue(target: SlotTarget, limit: number): Promise<WaitlistEntry[]> {
    // Consistent: a place that just joined must be seen by the offer its join triggers.
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)',
        ExpressionAttributeValues: { ':pk': waitPk(target), ':q': QUEUE_PREFIX },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      slotId: i.slotId as string,
      sliceId: (i.sliceId as string | null) ?? null,
      orgId: i.orgId as string,
      priority: i.priority as WaitlistEntry['priority'],
      joinedAt: i.joinedAt as string,
    }));
  }
}
