import { conflict, notFound, type Stored, versionChanged } from '@parkbridge/domain/core';
import type { Slot, SlotEditCommand, SlotEditRepository } from '@parkbridge/domain/expos';
import { auditStep, type Db, type TxItem, transact } from '../core';
import { CLAIM_FREE, claimFreeValues } from './claim.attributes';
import { claimKey, pavilionKey, slotKey } from './expo.keys';

const inUse = () =>
  conflict(
    'slot.in_use',
    'The slot (or one of its slices) is held, requested or booked: its rectangle and price cannot change until that claim is released.',
  );

/**
 * Edits of saved slots. The slot item also carries the claim of the bookings context, so the edit
 * is an Update of the slot's own fields (a Put would erase the claim), in one transaction with its
 * audit record, the pavilion's layout index (for a new code or rectangle) and, for a rectangle or
 * price change, a check that neither the slot nor any slice is claimed.
 */
export class DynamoSlotEditRepository implements SlotEditRepository {
  constructor(private readonly db: Db) {}

  async save(cmd: SlotEditCommand): Promise<Stored<Slot>> {
    const { prev, next } = cmd;
    const step = auditStep(this.db, { ...cmd.audit, entityId: prev.slotId }, prev, this.db.clock.now());
    const saved = { ...next, ...step.next } as Stored<Slot>;
    // No live claim on the slot or a slice: the hold's own rule (CLAIM_FREE).
    const claimValues = claimFreeValues(cmd.now);
    const slotWrite: TxItem = {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: slotKey(prev.slotId),
          UpdateExpression:
            'SET #code = :code, #kind = :kind, #area = :area, #rect = :rect, #price = :price, #slices = :slices, #version = :next, #hash = :hash',
          ConditionExpression: cmd.requireUnclaimed
            ? `attribute_exists(pk) AND #version = :prev AND ${CLAIM_FREE}`
            : 'attribute_exists(pk) AND #version = :prev',
          ExpressionAttributeNames: {
            '#code': 'code',
            '#kind': 'kind',
            '#area': 'area',
            '#rect': 'rect',
            '#price': 'price',
            '#slices': 'slices',
            '#version': 'version',
            '#hash': 'auditHash',
          },
          ExpressionAttributeValues: {
            ':code': saved.code,
            ':kind': saved.kind,
            ':area': saved.area,
            ':rect': saved.rect,
            ':price': saved.price,
            ':slices': saved.slices,
            ':next': saved.version,
            ':hash': saved.auditHash,
            ':prev': prev.version,
            ...(cmd.requireUnclaimed ? claimValues : {}),
          },
        },
      },
      onConditionFailed: (old) => {
        if (!old) return notFound('slot');
        if (old.version !== prev.version) return versionChanged();
        return inUse();
      },
    };
    const items: TxItem[] = [slotWrite, step.tx];
    if (cmd.layout) {
      items.push({
        item: {
          Update: {
            TableName: this.db.tableName,
            Key: pavilionKey(prev.pavilionId),
            // The index is safe: the layout version pins the list the index was read from.
            UpdateExpression: `SET footprints[${cmd.layout.index}] = :fp, layoutVersion = :nextLayout`,
            ConditionExpression: 'layoutVersion = :seen',
            ExpressionAttributeValues: {
              ':fp': cmd.layout.footprint,
              ':seen': cmd.layout.version,
              ':nextLayout': cmd.layout.version + 1,
            },
          },
        },
        onConditionFailed: () =>
          conflict(
            'pavilion.layout_changed',
            'Another slot of this pavilion was added or moved at the same time; try again.',
          ),
      });
    }
    if (cmd.requireUnclaimed) {
      for (const slice of prev.slices) {
        items.push({
          item: {
            ConditionCheck: {
              TableName: this.db.tableName,
              Key: claimKey({ slotId: prev.slotId, sliceId: slice.sliceId }),
              ConditionExpression: CLAIM_FREE,
              ExpressionAttributeValues: claimValues,
            },
          },
          onConditionFailed: inUse,
        });
      }
    }
    await transact(this.db, items);
    return saved;
  }
}
