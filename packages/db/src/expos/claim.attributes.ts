import type { BookingStatus, FloorExhibitor, SlotClaim } from '@parkbridge/domain/bookings';

/**
 * The claim's attributes on a slot or slice item. Flat scalars, so that conditions compare them
 * directly and a cancelled transaction's ALL_OLD values can be read back.
 */
export const CLAIM_ATTRIBUTES = [
  'claimOrgId',
  'claimBookingId',
  'claimStatus',
  'claimExpiresAtMs',
  'claimAt',
  'claimExhibitor',
] as const;

/**
 * Free: never claimed, released (cancelled, rejected, expired), or a hold whose expiry has passed
 * at `:now` (values: claimFreeValues). One rule for the hold's condition (bookings) and a slot
 * edit's (expos), so an edit and a hold racing on one slot cannot both win: one of the two
 * conditional writes sees the other's result. The same rule, for reads, is isClaimable in the domain.
 */
export const CLAIM_FREE =
  '(attribute_not_exists(claimStatus) OR claimStatus IN (:cancelled, :rejected, :expired) OR (claimStatus = :held AND claimExpiresAtMs < :now))';

export const claimFreeValues = (now: Date) => ({
  ':now': now.getTime(),
  ':held': 'held',
  ':cancelled': 'cancelled',
  ':rejected': 'rejected',
  ':expired': 'expired',
});

export function claimOf(item: Record<string, unknown>): SlotClaim | null {
  if (typeof item.claimStatus !== 'string') return null;
  return {
    orgId: item.claimOrgId as string,
    bookingId: item.claimBookingId as string,
    status: item.claimStatus as BookingStatus,
    expiresAtMs: typeof item.claimExpiresAtMs === 'number' ? item.claimExpiresAtMs : null,
    exhibitor: (item.claimExhibitor as FloorExhibitor | undefined) ?? null,
  };
}

export function withoutClaim(item: Record<string, unknown>): Record<string, unknown> {
  const out = { ...item };
  for (const a of CLAIM_ATTRIBUTES) delete out[a];
  return out;
}
