import { z } from 'zod';
import { type FloorExhibitor, PublicSlotStatus, publicStatus, type SlotClaim } from '../bookings/claim';
import { Money } from '../core/money';
import { LocalizedText } from '../shared/locale';
import { Rect } from './floor-geometry';
import { Floor } from './pavilion';
import type { FloorData } from './ports';
import { SliceSession, type Slot, SlotKind, targetId } from './slot';

/** A booked booth's exhibitor: the organisation's public profile and the name on the booth. */
export const ExhibitorProfile = z.object({
  orgId: z.string(),
  name: z.string(),
  displayName: z.string(),
  country: z.string().optional(),
  city: z.string().optional(),
  website: z.string().optional(),
  listingIds: z.array(z.string()),
});
export type ExhibitorProfile = z.infer<typeof ExhibitorProfile>;

const Claimed = {
  status: PublicSlotStatus,
  /** True on the caller's own live claim; other claims never say whose they are. */
  mine: z.boolean(),
  exhibitor: ExhibitorProfile.nullable(),
};

export const FloorSlice = z.object({
  sliceId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string().optional(),
  session: SliceSession,
  price: Money,
  ...Claimed,
});

export const FloorSlot = z.object({
  slotId: z.string(),
  code: z.string(),
  kind: SlotKind,
  area: z.number(),
  rect: Rect,
  price: Money,
  ...Claimed,
  slices: z.array(FloorSlice),
});
export type FloorSlot = z.infer<typeof FloorSlot>;

export const FloorPavilion = z.object({
  pavilionId: z.string(),
  name: z.string(),
  names: LocalizedText.optional(),
  themes: z.array(z.string()),
  floor: Floor,
  slots: z.array(FloorSlot),
});

export const FloorPlan = z.object({
  expoId: z.string(),
  generatedAt: z.string(),
  pavilions: z.array(FloorPavilion),
});
export type FloorPlan = z.infer<typeof FloorPlan>;

/**
 * Booth codes in natural order (A-2 before A-10). One collator for every call: localeCompare with
 * options builds a new one per comparison, which was most of the floor plan's CPU time. Built on
 * first use, not at load: the first Intl object costs milliseconds of every cold start of the
 * expos function, most of whose requests never draw a floor plan.
 */
let collator: Intl.Collator | undefined;
const byCode = (a: { code: string }, b: { code: string }) => {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a.code, b.code);
};

/**
 * The floor plan from one read of the floor: booked booths carry their exhibitor's public profile
 * on the claim itself (see FloorExhibitor), so no organisation is read here.
 */
export function buildFloorPlan(
  expoId: string,
  data: FloorData,
  callerOrgId: string | null,
  now: Date,
): FloorPlan {
  const view = (claim: SlotClaim | null) => {
    const status = publicStatus(claim, now);
    return {
      status,
      mine: !!claim && status !== 'available' && claim.orgId === callerOrgId,
      exhibitor: status === 'booked' && claim?.exhibitor ? profileOf(claim.exhibitor) : null,
    };
  };
  const slotsOf = (pavilionId: string) =>
    data.slots
      .filter((s) => s.pavilionId === pavilionId)
      .sort(byCode)
      .map((s) => {
        const slices = s.slices.map((sl) => ({
          ...sl,
          ...view(data.claims.get(targetId({ slotId: s.slotId, sliceId: sl.sliceId })) ?? null),
        }));
        const whole = slices.length
          ? { status: rollUp(slices.map((x) => x.status)), mine: slices.some((x) => x.mine), exhibitor: null }
          : view(data.claims.get(s.slotId) ?? null);
        return {
          slotId: s.slotId,
          code: s.code,
          kind: s.kind,
          area: s.area,
          rect: s.rect,
          price: s.price,
          ...whole,
          slices,
        };
      });
  return {
    expoId,
    generatedAt: now.toISOString(),
    pavilions: [...data.pavilions]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((p) => ({
        pavilionId: p.pavilionId,
        name: p.name,
        ...(p.names ? { names: p.names } : {}),
        themes: p.themes,
        floor: p.floor,
        slots: slotsOf(p.pavilionId),
      })),
  };
}

/** A sliced slot reads as available while any slice is, and as booked only when every slice is. */
function rollUp(statuses: PublicSlotStatus[]): PublicSlotStatus {
  if (statuses.includes('available')) return 'available';
  if (statuses.every((s) => s === 'booked')) return 'booked';
  return statuses.includes('requested') ? 'requested' : 'held';
}

function profileOf(e: FloorExhibitor): ExhibitorProfile {
  const p = e.profile;
  return {
    orgId: e.orgId,
    name: p?.name ?? e.displayName,
    displayName: e.displayName,
    ...(p?.country ? { country: p.country } : {}),
    ...(p?.city ? { city: p.city } : {}),
    ...(p?.website ? { website: p.website } : {}),
    listingIds: e.listingIds,
  };
}

/** A slot's share that one claim stands for: the whole slot, or a slice's share of the slot's time. */
export function shareOf(slot: Slot, sliceId: string | null): number {
  if (!sliceId || !slot.slices.length) return 1;
  const total = slot.slices.reduce((t, s) => t + (Date.parse(s.endsAt) - Date.parse(s.startsAt)), 0);
  const slice = slot.slices.find((s) => s.sliceId === sliceId);
  return slice && total > 0 ? (Date.parse(slice.endsAt) - Date.parse(slice.startsAt)) / total : 0;
}
