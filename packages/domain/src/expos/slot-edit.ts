import { z } from 'zod';
import type { AuditEntry, Stored } from '../core';
import type { Footprint } from './ports';
import { type Slot, SlotInput } from './slot';

const s = SlotInput.shape;

/** The fields of a saved slot an operator may change. Its slices are cut once, at creation. */
export const SLOT_EDITABLE_FIELDS = ['code', 'kind', 'area', 'rect', 'price'] as const;
export type SlotEditableField = (typeof SLOT_EDITABLE_FIELDS)[number];

/** While someone holds, requested or booked the slot, these stay as that firm agreed to them. */
export const CLAIM_BOUND_FIELDS: readonly SlotEditableField[] = ['rect', 'price'];

export const SlotPatch = z
  .strictObject({
    code: s.code.optional(),
    kind: s.kind.optional(),
    area: s.area.optional(),
    rect: s.rect.optional(),
    price: s.price.optional(),
  })
  .refine((p) => SLOT_EDITABLE_FIELDS.some((f) => p[f] !== undefined), 'Change at least one field.');
export type SlotPatch = z.infer<typeof SlotPatch>;

type Audit = Omit<AuditEntry, 'entityId'>;

/** One edit of a slot, as its repository writes it in one transaction. */
export interface SlotEditCommand {
  prev: Stored<Slot>;
  next: Slot;
  /**
   * Set when the code or the rectangle changes: the pavilion's layout index gets the slot's new
   * footprint at `index`, on the condition that the layout is still at `version` (the guard that
   * keeps concurrent creations and edits from overlapping).
   */
  layout: { version: number; index: number; footprint: Footprint } | null;
  /** Rectangle or price changes: the slot and each of its slices must carry no live claim. */
  requireUnclaimed: boolean;
  /** The instant a hold's expiry is compared with. */
  now: Date;
  audit: Audit;
}

export interface SlotEditRepository {
  /**
   * Fails with `version.changed` when the slot changed since `prev`, `slot.in_use` when it (or a
   * slice) has a live claim and `requireUnclaimed`, `pavilion.layout_changed` when the layout moved.
   */
  save(cmd: SlotEditCommand): Promise<Stored<Slot>>;
}
