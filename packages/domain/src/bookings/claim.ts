import { z } from 'zod';

/** The life of a booking; the slot (or slice) it claims carries the same status as its lock. */
export const BookingStatus = z.enum(['held', 'requested', 'confirmed', 'rejected', 'cancelled', 'expired']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** What the floor plan shows: never who holds or requested a slot. */
export const PublicSlotStatus = z.enum(['available', 'held', 'requested', 'booked']);
export type PublicSlotStatus = z.infer<typeof PublicSlotStatus>;

/** An exhibiting organisation's public profile, as the floor plan shows it. */
export interface ExhibitorOrgProfile {
  name: string;
  country?: string;
  city?: string;
  website?: string;
}

/** The exhibitor a confirmed booking puts on the floor plan (public by design). */
export interface FloorExhibitor {
  orgId: string;
  displayName: string;
  listingIds: string[];
  /**
   * The organisation's public profile, copied onto the claim by the approval's transaction and
   * rewritten by the expos jobs when the organisation edits it, so the floor plan reads no
   * organisation. Absent on claims written before the copy existed.
   */
  profile?: ExhibitorOrgProfile;
}

/**
 * The current claim on a slot or slice. It lives on the slot's (or slice's) own item, so that one
 * conditional write decides every race for it.
 */
export interface SlotClaim {
  orgId: string;
  bookingId: string;
  status: BookingStatus;
  /** Set while held: after this instant (epoch ms) the hold is lapsed, whether or not a job noticed. */
  expiresAtMs: number | null;
  exhibitor: FloorExhibitor | null;
}

/**
 * Free for a new hold: no claim, a released one, or a hold past its expiry. The repositories write
 * the same rule as the condition of the hold's transaction; this copy is for reads.
 */
export function isClaimable(claim: SlotClaim | null, now: Date): boolean {
  if (!claim) return true;
  if (claim.status === 'held') return (claim.expiresAtMs ?? 0) < now.getTime();
  return claim.status === 'cancelled' || claim.status === 'rejected' || claim.status === 'expired';
}

export function publicStatus(claim: SlotClaim | null, now: Date): PublicSlotStatus {
  if (isClaimable(claim, now) || !claim) return 'available';
  if (claim.status === 'confirmed') return 'booked';
  return claim.status === 'requested' ? 'requested' : 'held';
}

/** A hold lapses by itself at its expiry: readers see `expired` before any job writes it. */
export function effectiveStatus(
  b: { status: BookingStatus; expiresAtMs: number | null },
  now: Date,
): BookingStatus {
  return b.status === 'held' && (b.expiresAtMs ?? 0) < now.getTime() ? 'expired' : b.status;
}
