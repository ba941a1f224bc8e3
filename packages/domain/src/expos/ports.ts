import type { SlotClaim } from '../bookings/claim';
import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { Expo } from './expo';
import type { Rect } from './floor-geometry';
import type { Pavilion } from './pavilion';
import type { Slot } from './slot';

type Audit = Omit<AuditEntry, 'entityId'>;

/** A slot's place on its pavilion's floor, as the overlap check needs it. */
export interface Footprint {
  slotId: string;
  code: string;
  rect: Rect;
}

/**
 * A pavilion's slots as one consistent read, with the version that a new slot's write is
 * conditioned on: two slots created at once on the same floor cannot both pass the overlap check.
 */
export interface PavilionLayout {
  version: number;
  footprints: Footprint[];
}

/** Everything on an expo's floor: pavilions, slots and the current claim of each slot or slice. */
export interface FloorData {
  /** The expo itself (it heads its floor's partition); null: no such expo. */
  expo: Stored<Expo> | null;
  pavilions: Stored<Pavilion>[];
  slots: Stored<Slot>[];
  /** By target id (`slotId` or `slotId/sliceId`); absent: never claimed. */
  claims: Map<string, SlotClaim>;
}

export interface ExpoRepository {
  get(expoId: string): Promise<Stored<Expo> | null>;
  list(filter: { parkId?: string | undefined }, page: PageRequest): Promise<Page<Stored<Expo>>>;
  create(expo: Expo, audit: Audit): Promise<Stored<Expo>>;
  getPavilion(pavilionId: string): Promise<Stored<Pavilion> | null>;
  /** Fails with `expo.too_many_pavilions` past the bound, checked in the write. */
  addPavilion(pavilion: Pavilion, maxPerExpo: number, audit: Audit): Promise<Stored<Pavilion>>;
  layout(pavilionId: string): Promise<{ pavilion: Stored<Pavilion>; layout: PavilionLayout } | null>;
  /** Eventually consistent unless `consistent` (a hold's re-read after the slot changed under it). */
  getSlot(slotId: string, consistent?: boolean): Promise<Stored<Slot> | null>;
  /** Writes the slot (and its slices' items) if the pavilion's layout is still at `layoutVersion`. */
  addSlot(slot: Slot, layoutVersion: number, audit: Audit): Promise<Stored<Slot>>;
  /** The expo and its whole floor, in one read. */
  floor(expoId: string): Promise<FloorData>;
}
