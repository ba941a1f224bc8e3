import { ruleBroken } from '../core/errors';
import type { Need } from '../needs/need';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';

export interface SupplierStanding {
  /** The membership the write's ConditionCheck holds to (approved, not suspended, as supplier). */
  membership: { parkId: string; orgId: string };
  /** True when that membership is another park's: then the need's park-first window must be over. */
  parkFirstOnNeed: boolean;
}

export const notApprovedSupplier = (need: Pick<Need, 'visibility'>) =>
  ruleBroken(
    'bid.supplier_not_approved',
    need.visibility === 'park'
      ? 'Only approved suppliers of the delivery park may take part in this need.'
      : 'Only approved suppliers may take part: apply to a park and be approved first.',
  );

export const parkFirstError = (need: Pick<Need, 'parkFirstUntil'>) =>
  ruleBroken(
    'bid.park_first',
    `Until ${need.parkFirstUntil} only approved members of the delivery park may take part in this need.`,
  );

/**
 * Which membership makes the supplier eligible for a need. The delivery park's own membership
 * satisfies everything (approval and the park-first window); for a public need a supplier approved
 * in another park qualifies once the park-first window is over. The choice is made from a read, but
 * what it relies on is re-checked by the write's conditions.
 */
export async function supplierStanding(
  memberships: MembershipRepository,
  orgId: string,
  need: Need,
  now: Date,
): Promise<SupplierStanding> {
  const here = await memberships.get(need.parkId, orgId);
  if (isActiveAs(here, 'supplier'))
    return { membership: { parkId: need.parkId, orgId }, parkFirstOnNeed: false };
  if ((need.visibility ?? 'public') === 'park') throw notApprovedSupplier(need);
  const mine = await memberships.listByOrg(orgId, { limit: 100 });
  const elsewhere = mine.items.find((m) => isActiveAs(m, 'supplier'));
  if (!elsewhere) throw notApprovedSupplier(need);
  if (need.parkFirstUntilMs > now.getTime()) throw parkFirstError(need);
  return { membership: { parkId: elsewhere.parkId, orgId }, parkFirstOnNeed: true };
}
