import type { SlotClaim } from '@parkbridge/domain/bookings';
import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import { conflict, ruleBroken } from '@parkbridge/domain/core';
import type {
  Expo,
  ExpoRepository,
  FloorData,
  Pavilion,
  PavilionLayout,
  Slot,
} from '@parkbridge/domain/expos';
import { MAX_EXPO_DAYS, targetId } from '@parkbridge/domain/expos';
import { type Db, getItem, queryAll, queryPage, stripKeys, type TxItem, writeVersioned } from '../core';
import { filteredPage } from '../core/filtered-query';
import { claimOf, withoutClaim } from './claim.attributes';
import {
  expoKey,
  expoKeys,
  floorPk,
  parkExposPk,
  pavilionKey,
  pavilionKeys,
  sliceKeys,
  slotKey,
  slotKeys,
} from './expo.keys';

type Audit = Omit<AuditEntry, 'entityId'>;

/** The floor of the largest expo the bounds allow: 30 pavilions × 300 slots, with their slice items. */
const FLOOR_MAX_ITEMS = 50_000;

// Storage-only attributes: the pavilion count guard on an expo, the layout index on a pavilion.
const toExpo = (i: Record<string, unknown>) => {
  const { pavilionCount: _c, ...rest } = stripKeys<Record<string, unknown>>(i);
  return rest as unknown as Stored<Expo>;
};
const toPavilion = (i: Record<string, unknown>) => {
  const { layoutVersion: _v, footprints: _f, ...rest } = stripKeys<Record<string, unknown>>(i);
  return rest as unknown as Stored<Pavilion>;
};
const toSlot = (i: Record<string, unknown>) => stripKeys<Stored<Slot>>(withoutClaim(i));

export class DynamoExpoRepository implements ExpoRepository {
  constructor(private readonly db: Db) {}

  async get(expoId: string) {
    const item = await getItem(this.db, expoKey(expoId).pk, 'EXPO');
    return item ? toExpo(item) : null;
  }

  async list(filter: { parkId?: string | undefined }, page: PageRequest) {
    const res = filter.parkId
      ? await queryPage(this.db, { index: 'gsi3', pk: parkExposPk(filter.parkId) }, page)
      : await queryPage(this.db, { index: 'gsi2', pk: 'EXPOS' }, page);
    return { items: res.items.map(toExpo), nextCursor: res.nextCursor };
  }

  /**
   * A park's expos that have not ended, soonest first: those starting at most MAX_EXPO_DAYS ago
   * (no expo lasts longer), filtered on their end; one bounded Query for the public park page.
   */
  async openByPark(parkId: string, now: Date, limit: number): Promise<Stored<Expo>[]> {
    const from = new Date(now.getTime() - MAX_EXPO_DAYS * 86_400_000).toISOString();
    const res = await filteredPage(
      this.db,
      {
        index: 'gsi3',
        pk: parkExposPk(parkId),
        sk: { between: [from, '~'] },
        filter: { expression: 'endsAtMs > :now', values: { ':now': now.getTime() } },
      },
      { limit },
    );
    return res.items.map(toExpo);
  }

  create(expo: Expo, audit: Audit) {
    return writeVersioned(this.db, {
      keys: expoKeys(expo),
      entityId: expo.expoId,
      next: expo as Stored<Expo>,
      prev: null,
      audit,
      extra: { type: 'expo', pavilionCount: 0 },
    });
  }

  async getPavilion(pavilionId: string) {
    const item = await getItem(this.db, pavilionKey(pavilionId).pk, 'PAV');
    return item ? toPavilion(item) : null;
  }

  addPavilion(pavilion: Pavilion, maxPerExpo: number, audit: Audit) {
    const countGuard: TxItem = {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: expoKey(pavilion.expoId),
          UpdateExpression: 'SET pavilionCount = if_not_exists(pavilionCount, :zero) + :one',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(pavilionCount) OR pavilionCount < :max)',
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': maxPerExpo },
        },
      },
      onConditionFailed: () =>
        ruleBroken('expo.too_many_pavilions', `An expo has at most ${maxPerExpo} pavilions.`),
    };
    return writeVersioned(this.db, {
      keys: pavilionKeys(pavilion),
      entityId: pavilion.pavilionId,
      next: pavilion as Stored<Pavilion>,
      prev: null,
      audit,
      extra: { type: 'pavilion', layoutVersion: 0, footprints: [] },
      with: [countGuard],
    });
  }

  async layout(pavilionId: string): Promise<{ pavilion: Stored<Pavilion>; layout: PavilionLayout } | null> {
    // Consistent: the overlap check must see every slot committed before the version it reads.
    const item = await getItem(this.db, pavilionKey(pavilionId).pk, 'PAV', true);
    if (!item) return null;
    return {
      pavilion: toPavilion(item),
      layout: {
        version: Number(item.layoutVersion ?? 0),
        footprints: (item.footprints as PavilionLayout['footprints'] | undefined) ?? [],
      },
    };
  }

  async getSlot(slotId: string, consistent = false) {
    const item = await getItem(this.db, slotKey(slotId).pk, 'SLOT', consistent);
    return item ? toSlot(item) : null;
  }

  /**
   * One transaction: the slot and its audit record, an item per slice, and the pavilion's layout
   * index extended by the slot's footprint, conditioned on the layout version the overlap check read.
   */
  addSlot(slot: Slot, layoutVersion: number, audit: Audit) {
    const layoutGuard: TxItem = {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: pavilionKey(slot.pavilionId),
          UpdateExpression: 'SET footprints = list_append(footprints, :fp), layoutVersion = :next',
          ConditionExpression: 'layoutVersion = :seen',
          ExpressionAttributeValues: {
            ':fp': [{ slotId: slot.slotId, code: slot.code, rect: slot.rect }],
            ':seen': layoutVersion,
            ':next': layoutVersion + 1,
          },
        },
      },
      onConditionFailed: () =>
        conflict(
          'pavilion.layout_changed',
          'Another slot was added to this pavilion at the same time; try again.',
        ),
    };
    const slices: TxItem[] = slot.slices.map((s) => ({
      item: {
        Put: {
          TableName: this.db.tableName,
          Item: { ...sliceKeys(slot, s.sliceId), type: 'slice', slotId: slot.slotId, sliceId: s.sliceId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    }));
    return writeVersioned(this.db, {
      keys: slotKeys(slot),
      entityId: slot.slotId,
      next: slot as Stored<Slot>,
      prev: null,
      audit,
      extra: { type: 'slot' },
      with: [layoutGuard, ...slices],
    });
  }

  /** One Query (one page up to 1 MB; the bounds keep a floor well under it): the expo and its floor. */
  async floor(expoId: string): Promise<FloorData> {
    const items = await queryAll(this.db, { index: 'gsi1', pk: floorPk(expoId) }, FLOOR_MAX_ITEMS);
    let expo: Stored<Expo> | null = null;
    const pavilions: Stored<Pavilion>[] = [];
    const slots: Stored<Slot>[] = [];
    const claims = new Map<string, SlotClaim>();
    for (const item of items) {
      if (item.type === 'expo') expo = toExpo(item);
      else if (item.type === 'pavilion') pavilions.push(toPavilion(item));
      else if (item.type === 'slot' || item.type === 'slice') {
        const claim = claimOf(item);
        const sliceId = item.type === 'slice' ? (item.sliceId as string) : null;
        if (claim) claims.set(targetId({ slotId: item.slotId as string, sliceId }), claim);
        if (item.type === 'slot') slots.push(toSlot(item));
      }
    }
    return { expo, pavilions, slots, claims };
  }
}
