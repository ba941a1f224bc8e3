import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Booking,
  type BookingFilter,
  type BookingRepository,
  type ClaimChange,
  type FloorExhibitor,
  type HoldCommand,
  type HoldLedger,
  isClaimable,
  slotChanged,
  slotTaken,
  type TransitionCommand,
} from '@parkbridge/domain/bookings';
import { conflict, notFound, type PageRequest, type Stored } from '@parkbridge/domain/core';
import type { SlotTarget } from '@parkbridge/domain/expos';
import {
  auditStep,
  type Db,
  getItem,
  pad,
  queryPage,
  stripKeys,
  type TxItem,
  transact,
  writeVersioned,
} from '../core';
import { CLAIM_FREE, claimFreeValues, claimKey, claimOf, slotKey } from '../expos';
import { notificationWrites } from '../notifications';
import { quotaWrites } from '../quotas/quota.repository';
import { bookingKey, bookingKeys, HOLD_ATTRIBUTE_PREFIX, HOLD_SHARDS } from './booking.keys';
import { ledgerHoldWrite, ledgerReleaseWrite, ledgerRequestWrite } from './hold-ledger.writes';
import { placeExitWrites } from './waitlist.repository';

const toBooking = (i: Record<string, unknown>) => stripKeys<Stored<Booking>>(i);

/**
 * Free for a hold (CLAIM_FREE, the rule a slot edit checks too). A lapsed hold is free in this very
 * condition: nothing waits for a job or for TTL to clear it.
 */
const CLAIMABLE = `attribute_exists(pk) AND ${CLAIM_FREE}`;

export class DynamoBookingRepository implements BookingRepository {
  constructor(private readonly db: Db) {}

  async get(bookingId: string) {
    const item = await getItem(this.db, bookingKey(bookingId).pk, 'BKG', true);
    return item ? toBooking(item) : null;
  }

  async ledger(expoId: string, orgId: string): Promise<HoldLedger> {
    const item = await getItem(this.db, `HOLDS#${expoId}#${orgId}`, 'HOLDS', true);
    if (!item) return { version: null, holds: {} };
    const holds: Record<string, number> = {};
    for (const [k, v] of Object.entries(item)) {
      if (k.startsWith(HOLD_ATTRIBUTE_PREFIX)) holds[k.slice(HOLD_ATTRIBUTE_PREFIX.length)] = Number(v);
    }
    return { version: typeof item.ledgerVersion === 'number' ? item.ledgerVersion : null, holds };
  }

  async claim(target: SlotTarget) {
    const key = claimKey(target);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? claimOf(item) : null;
  }

  /**
   * The hold: ONE TransactWriteItems of the claim on the slot (conditioned on CLAIMABLE), the
   * booking and its audit record, the organisation's hold ledger (conditioned on the version its
   * limit was checked against) and, for a waitlist offer, the place it consumes. Of fifty
   * organisations racing for one slot, the condition lets exactly one commit.
   *
   * The booking copies the slot's price, area and code as read before this write, so the write is
   * also conditioned on the slot's version as read (`slot.changed`): an operator's edit committed
   * in between refuses the hold instead of leaving it at the old price. A whole slot's claim lives
   * on the slot's item, so that is one more clause of the claim's own condition (no extra item,
   * no extra capacity); a slice's claim lives on its own item, so its hold adds a ConditionCheck
   * of the slot's item.
   */
  async hold(cmd: HoldCommand) {
    const { booking, target, slotVersion } = cmd;
    const at = new Date(booking.createdAt);
    const whole = !target.sliceId;
    const claim: TxItem = {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: claimKey(target),
          UpdateExpression:
            'SET claimOrgId = :org, claimBookingId = :b, claimStatus = :held, claimExpiresAtMs = :exp, claimAt = :at REMOVE claimExhibitor',
          ConditionExpression: whole ? `${CLAIMABLE} AND #version = :slotVersion` : CLAIMABLE,
          ...(whole ? { ExpressionAttributeNames: { '#version': 'version' } } : {}),
          ExpressionAttributeValues: {
            ...(whole ? { ':slotVersion': slotVersion } : {}),
            ':org': booking.orgId,
            ':b': booking.bookingId,
            ':exp': booking.expiresAtMs,
            ':at': booking.createdAt,
            ...claimFreeValues(at),
          },
        },
      },
      // Told apart from the old image: a free claim on a slot at another version is an edit.
      onConditionFailed: (old) =>
        old && typeof old.version === 'number' && old.version !== slotVersion && isClaimable(claimOf(old), at)
          ? slotChanged()
          : slotTaken(),
    };
    // Listed after the claim: transact answers for the first failed item, and a taken slice is
    // `slot.taken` whatever happened to the slot's terms.
    const slotUnchanged: TxItem[] = whole
      ? []
      : [
          {
            item: {
              ConditionCheck: {
                TableName: this.db.tableName,
                Key: slotKey(target.slotId),
                ConditionExpression: '#version = :slotVersion',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':slotVersion': slotVersion },
              },
            },
            onConditionFailed: (old) => (old ? slotChanged() : notFound('slot')),
          },
        ];
    const offer = cmd.offer
      ? placeExitWrites(this.db, cmd.offer.next, cmd.offer.prev, cmd.offer.audit).items
      : [];
    return writeVersioned(this.db, {
      keys: bookingKeys(booking),
      entityId: booking.bookingId,
      next: booking as Stored<Booking>,
      prev: null,
      audit: cmd.audit,
      extra: { type: 'booking' },
      onExists: () => conflict('booking.exists', 'This booking exists already.'),
      with: [
        claim,
        ...slotUnchanged,
        ledgerHoldWrite(this.db, booking, cmd.ledger),
        ...offer,
        ...(cmd.notify ?? []).flatMap((n) => notificationWrites(this.db, n, at).items),
        // Last: a hold refused for the slot or the claims limit answers for that, not for a quota.
        ...quotaWrites(this.db, cmd.charges),
      ],
    });
  }

  /**
   * A booking's next state on the version read, its audit record, and the claim on the slot moved
   * in step (conditioned on still being this booking's, in the expected state), in one transaction.
   */
  async transition(cmd: TransitionCommand) {
    const { prev } = cmd;
    const now = this.db.clock.now();
    const step = auditStep(this.db, { ...cmd.audit, entityId: prev.bookingId }, prev, now);
    const saved = { ...cmd.next, ...step.next } as Stored<Booking>;
    const items: TxItem[] = [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: { ...bookingKeys(saved), type: 'booking', ...saved },
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':v': prev.version },
          },
        },
        onConditionFailed: (old) => cmd.onStale(old?.status as string | undefined),
      },
      step.tx,
    ];
    if (cmd.claim) items.push(this.claimMove(prev, cmd.claim));
    if (cmd.ledger === 'released') items.push(ledgerReleaseWrite(this.db, prev));
    if (cmd.ledger === 'requested') items.push(ledgerRequestWrite(this.db, prev));
    for (const n of cmd.notify ?? []) items.push(...notificationWrites(this.db, n, now).items);
    await transact(this.db, items);
    return saved;
  }

  async setFloorExhibitor(
    booking: Pick<Booking, 'bookingId' | 'slotId' | 'sliceId'>,
    exhibitor: FloorExhibitor,
  ) {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: claimKey(booking),
          UpdateExpression: 'SET claimExhibitor = :ex',
          ConditionExpression: 'claimBookingId = :b AND claimStatus = :confirmed',
          ExpressionAttributeValues: { ':ex': exhibitor, ':b': booking.bookingId, ':confirmed': 'confirmed' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async listByOrg(orgId: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { index: 'gsi1', pk: `ORG#${orgId}#BOOKINGS`, descending: true },
      page,
    );
    return { items: res.items.map(toBooking), nextCursor: res.nextCursor };
  }

  async listByExpo(expoId: string, filter: BookingFilter, now: Date, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { index: 'gsi2', pk: `EXPO#${expoId}#BOOKINGS`, descending: true, filter: bookingFilter(filter, now) },
      page,
    );
    return { items: res.items.map(toBooking), nextCursor: res.nextCursor };
  }

  async lapsedHolds(now: Date, limit: number) {
    const shards = await Promise.all(
      Array.from({ length: HOLD_SHARDS }, (_, shard) =>
        this.db.doc.send(
          new QueryCommand({
            TableName: this.db.tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :cut',
            ExpressionAttributeValues: { ':pk': `HOLDS#${shard}`, ':cut': pad(now.getTime(), 15) },
            Limit: limit,
          }),
        ),
      ),
    );
    return shards
      .flatMap((s) => (s.Items ?? []).map(toBooking))
      .sort((a, b) => a.expiresAtMs - b.expiresAtMs)
      .slice(0, limit);
  }

  private claimMove(prev: Booking, c: ClaimChange): TxItem {
    const values: Record<string, unknown> = { ':b': prev.bookingId, ':from': c.from, ':to': c.to };
    let update = 'SET claimStatus = :to';
    if (c.exhibitor) {
      update += ', claimExhibitor = :ex';
      values[':ex'] = c.exhibitor;
    }
    if (c.exhibitor === null) update += ' REMOVE claimExhibitor';
    let condition = 'claimBookingId = :b AND claimStatus = :from';
    if (c.unexpiredAt) {
      condition += ' AND claimExpiresAtMs >= :now';
      values[':now'] = c.unexpiredAt.getTime();
    }
    return {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: claimKey(prev),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: c.onLost,
    };
  }
}

/** The expo list's filters; `held` and `expired` follow the hold's expiry, not only the stored status. */
function bookingFilter(f: BookingFilter, now: Date) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (f.status) {
    names['#status'] = 'status';
    values[':held'] = 'held';
    if (f.status === 'held') {
      parts.push('#status = :held AND expiresAtMs >= :now');
      values[':now'] = now.getTime();
    } else if (f.status === 'expired') {
      parts.push('(#status = :expired OR (#status = :held AND expiresAtMs < :now))');
      values[':expired'] = 'expired';
      values[':now'] = now.getTime();
    } else {
      parts.push('#status = :status');
      values[':status'] = f.status;
      delete values[':held'];
    }
  }
  for (const field of ['pavilionId', 'slotId', 'orgId'] as const) {
    const v = f[field];
    if (v) {
      names[`#${field}`] = field;
      values[`:${field}`] = v;
      parts.push(`#${field} = :${field}`);
    }
  }
  if (!parts.length) return undefined;
  return {
    FilterExpression: parts.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
