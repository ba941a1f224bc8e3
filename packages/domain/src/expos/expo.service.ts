import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  invalid,
  newId,
  notFound,
  type PageRequest,
  requireRole,
  ruleBroken,
  type Stored,
} from '../core';
import type { ParkService } from '../parks/park.service';
import { type Expo, type ExpoInput, requireExpoOperator } from './expo';
import { buildExpoStats, type ExpoStats } from './expo-stats';
import { fitsFloor, overlaps, rectArea } from './floor-geometry';
import { buildFloorPlan, type FloorPlan } from './floorplan';
import {
  MAX_PAVILIONS_PER_EXPO,
  MAX_SLOTS_PER_PAVILION,
  type Pavilion,
  type PavilionInput,
} from './pavilion';
import type { ExpoRepository } from './ports';
import { buildSlices } from './slices';
import type { Slot, SlotInput } from './slot';

/** Expos, their pavilions and slots, and the views of their floor: run by the park's operator. */
export class ExpoService {
  constructor(
    private readonly expos: ExpoRepository,
    private readonly parks: ParkService,
    private readonly clock: Clock,
  ) {}

  async get(expoId: string): Promise<Stored<Expo>> {
    const expo = await this.expos.get(expoId);
    if (!expo) throw notFound('expo');
    return expo;
  }

  list(filter: { parkId?: string | undefined }, page: PageRequest) {
    return this.expos.list(filter, page);
  }

  async create(caller: Caller, input: ExpoInput): Promise<Stored<Expo>> {
    const op = requireRole(caller, 'operator');
    const park = await this.parks.requireOperated(op.orgId, input.parkId);
    const now = this.clock.now();
    if (Date.parse(input.endsAt) <= now.getTime()) {
      throw ruleBroken('expo.in_the_past', 'An expo must end in the future.', [
        { path: 'endsAt', message: 'Must be in the future.' },
      ]);
    }
    const expo: Expo = {
      expoId: newId('expo'),
      parkId: park.parkId,
      operatorOrgId: park.operatorOrgId,
      name: input.name,
      ...(input.names ? { names: input.names } : {}),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      startsAtMs: Date.parse(input.startsAt),
      endsAtMs: Date.parse(input.endsAt),
      venue: input.venue,
      ...(input.description ? { description: input.description } : {}),
      currency: input.currency ?? park.currency,
      timeZone: park.timeZone,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 0,
    };
    return this.expos.create(expo, {
      action: 'expo.created',
      actor: actorOf(op),
      before: null,
      after: expo,
      parkId: park.parkId,
    });
  }

  async getPavilion(pavilionId: string): Promise<Stored<Pavilion>> {
    const p = await this.expos.getPavilion(pavilionId);
    if (!p) throw notFound('pavilion');
    return p;
  }

  async addPavilion(caller: Caller, expoId: string, input: PavilionInput): Promise<Stored<Pavilion>> {
    const op = requireRole(caller, 'operator');
    const expo = await this.get(expoId);
    await this.parks.requireOperated(op.orgId, expo.parkId);
    const pavilion: Pavilion = {
      pavilionId: newId('pavilion'),
      expoId,
      parkId: expo.parkId,
      name: input.name,
      ...(input.names ? { names: input.names } : {}),
      themes: input.themes,
      floor: input.floor,
      createdAt: this.clock.now().toISOString(),
      version: 0,
    };
    return this.expos.addPavilion(pavilion, MAX_PAVILIONS_PER_EXPO, {
      action: 'pavilion.created',
      actor: actorOf(op),
      before: null,
      after: pavilion,
      parkId: expo.parkId,
    });
  }

  async getSlot(slotId: string): Promise<Stored<Slot>> {
    const slot = await this.expos.getSlot(slotId);
    if (!slot) throw notFound('slot');
    return slot;
  }

  /**
   * A booth on a pavilion's floor. Its rectangle must lie on the floor and overlap no other slot;
   * the write is conditioned on the layout version read here, so a slot created meanwhile makes
   * this one fail (409) rather than overlap it.
   */
  async addSlot(caller: Caller, pavilionId: string, input: SlotInput): Promise<Stored<Slot>> {
    const op = requireRole(caller, 'operator');
    const found = await this.expos.layout(pavilionId);
    if (!found) throw notFound('pavilion');
    const { pavilion, layout } = found;
    await this.parks.requireOperated(op.orgId, pavilion.parkId);
    const expo = await this.get(pavilion.expoId);
    if (!fitsFloor(input.rect, pavilion.floor)) {
      throw invalid('slot.outside_floor', 'The slot’s rectangle does not lie within the pavilion’s floor.', [
        { path: 'rect', message: `Must fit a floor of ${pavilion.floor.width} × ${pavilion.floor.depth} m.` },
      ]);
    }
    if (input.area > rectArea(input.rect)) {
      throw invalid('slot.area_too_large', 'The area is larger than the slot’s rectangle.', [
        { path: 'area', message: `At most ${rectArea(input.rect)} m² for this rectangle.` },
      ]);
    }
    const clash = layout.footprints.find((f) => overlaps(f.rect, input.rect));
    if (clash) {
      throw conflict('slot.overlaps', `The rectangle overlaps slot ${clash.code}.`);
    }
    if (layout.footprints.some((f) => f.code === input.code)) {
      throw conflict('slot.code_taken', `This pavilion has a slot ${input.code} already.`);
    }
    if (layout.footprints.length >= MAX_SLOTS_PER_PAVILION) {
      throw ruleBroken('pavilion.full', `A pavilion has at most ${MAX_SLOTS_PER_PAVILION} slots.`);
    }
    const slot: Slot = {
      slotId: newId('slot'),
      expoId: expo.expoId,
      parkId: expo.parkId,
      pavilionId,
      code: input.code,
      kind: input.kind,
      area: input.area,
      rect: input.rect,
      price: input.price,
      slices: buildSlices(input.slices, expo, input.price),
      expoEndsAtMs: expo.endsAtMs,
      createdAt: this.clock.now().toISOString(),
      version: 0,
    };
    return this.expos.addSlot(slot, layout.version, {
      action: 'slot.created',
      actor: actorOf(op),
      before: null,
      after: slot,
      parkId: expo.parkId,
    });
  }

  /**
   * Every slot's status for anyone signed in; booked slots show their exhibitor's public profile.
   * One read: the expo heads its floor's partition and each booked claim carries its profile.
   */
  async floorPlan(caller: Caller, expoId: string): Promise<FloorPlan> {
    const data = await this.expos.floor(expoId);
    if (!data.expo) throw notFound('expo');
    return buildFloorPlan(expoId, data, caller.orgId, this.clock.now());
  }

  /**
   * The floor plan as anyone sees it (no caller, so no `mine`): the same for everyone, so a cache
   * in front answers the 09:00 rush instead of the expo's partition. A caller's own claims are its
   * bookings (GET /v1/bookings), a read of its own partition.
   */
  async publicFloorPlan(expoId: string): Promise<FloorPlan> {
    const data = await this.expos.floor(expoId);
    if (!data.expo) throw notFound('expo');
    return buildFloorPlan(expoId, data, null, this.clock.now());
  }

  /** Occupancy per pavilion and revenue per currency (the park's operator), from one read. */
  async stats(caller: Caller, expoId: string): Promise<ExpoStats> {
    const op = requireRole(caller, 'operator');
    const data = await this.expos.floor(expoId);
    if (!data.expo) throw notFound('expo');
    requireExpoOperator(data.expo, op.orgId);
    return buildExpoStats(expoId, data, this.clock.now());
  }
}
