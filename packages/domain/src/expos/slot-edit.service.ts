import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  invalid,
  notFound,
  requireRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import { canonicalEqual } from '../core/equality';
import type { ParkRepository } from '../parks/ports';
import { fitsFloor, overlaps, rectArea } from './floor-geometry';
import type { ExpoRepository } from './ports';
import type { Slot } from './slot';
import {
  CLAIM_BOUND_FIELDS,
  SLOT_EDITABLE_FIELDS,
  type SlotEditableField,
  type SlotEditCommand,
  type SlotEditRepository,
  type SlotPatch,
} from './slot-edit';

/**
 * Changes a saved slot (the operator of the expo's park). The same floor rules as a new slot hold:
 * on the floor, no overlap, a unique code, an area within the rectangle; and the rectangle and the
 * price stay as they are while a firm holds, requested or booked the slot (409 `slot.in_use`).
 */
export class SlotEditService {
  constructor(
    private readonly slots: SlotEditRepository,
    private readonly expos: ExpoRepository,
    private readonly parks: ParkRepository,
    private readonly clock: Clock,
  ) {}

  /** The slot, if the caller operates its park: another park's operator learns nothing about its floor (404, as for a private thing). */
  async requireOperated(caller: Caller, slotId: string): Promise<Stored<Slot>> {
    const op = requireRole(caller, 'operator');
    // Consistent: the version an If-Match is checked against is the latest committed.
    const prev = await this.expos.getSlot(slotId, true);
    if (!prev) throw notFound('slot');
    const park = await this.parks.get(prev.parkId);
    if (!park || park.operatorOrgId !== op.orgId) throw notFound('slot');
    return prev;
  }

  async edit(caller: Caller, slotId: string, patch: SlotPatch, ifMatch?: number): Promise<Stored<Slot>> {
    const op = requireRole(caller, 'operator');
    const prev = await this.requireOperated(op, slotId);
    if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
    const found = await this.expos.layout(prev.pavilionId);
    if (!found) throw notFound('slot');
    const { pavilion, layout } = found;

    const next: Slot = {
      ...prev,
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.area !== undefined ? { area: patch.area } : {}),
      ...(patch.rect !== undefined ? { rect: patch.rect } : {}),
      ...(patch.price !== undefined ? { price: patch.price } : {}),
    };
    // By value, not by JSON text: DynamoDB hands maps (rect, price) back with their keys reordered.
    const changed = SLOT_EDITABLE_FIELDS.filter((f: SlotEditableField) => !canonicalEqual(prev[f], next[f]));
    if (!changed.length) throw ruleBroken('slot.edit_empty', 'The edit changes nothing.');

    if (changed.includes('price') && next.price.currency !== prev.price.currency) {
      throw invalid('slot.currency_changed', 'A slot stays priced in its expo’s currency.', [
        { path: 'price.currency', message: `Must be ${prev.price.currency}.` },
      ]);
    }
    if (!fitsFloor(next.rect, pavilion.floor)) {
      throw invalid('slot.outside_floor', 'The slot’s rectangle does not lie within the pavilion’s floor.', [
        { path: 'rect', message: `Must fit a floor of ${pavilion.floor.width} × ${pavilion.floor.depth} m.` },
      ]);
    }
    if (next.area > rectArea(next.rect)) {
      throw invalid('slot.area_too_large', 'The area is larger than the slot’s rectangle.', [
        { path: 'area', message: `At most ${rectArea(next.rect)} m² for this rectangle.` },
      ]);
    }
    const others = layout.footprints.filter((f) => f.slotId !== slotId);
    const clash = others.find((f) => overlaps(f.rect, next.rect));
    if (clash) throw conflict('slot.overlaps', `The rectangle overlaps slot ${clash.code}.`);
    if (others.some((f) => f.code === next.code)) {
      throw conflict('slot.code_taken', `This pavilion has a slot ${next.code} already.`);
    }

    if (changed.includes('price')) {
      // Slices priced like their slot (they inherited its price) follow it; their own prices stay.
      next.slices = prev.slices.map((x) =>
        canonicalEqual(x.price, prev.price) ? { ...x, price: next.price } : x,
      );
    }
    let layoutChange: SlotEditCommand['layout'] = null;
    if (changed.includes('code') || changed.includes('rect')) {
      const index = layout.footprints.findIndex((f) => f.slotId === slotId);
      if (index < 0) throw conflict('pavilion.layout_changed', 'The pavilion’s layout changed; try again.');
      layoutChange = {
        version: layout.version,
        index,
        footprint: { slotId, code: next.code, rect: next.rect },
      };
    }
    return this.slots.save({
      prev,
      next,
      layout: layoutChange,
      requireUnclaimed: changed.some((f) => CLAIM_BOUND_FIELDS.includes(f)),
      now: this.clock.now(),
      audit: {
        action: 'slot.edited',
        actor: actorOf(op),
        before: prev,
        after: next,
        parkId: prev.parkId,
      },
    });
  }
}
