import { ruleBroken } from '../core/errors';
import type { Need } from '../needs/need';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';

export interface SupplierStanding {
  /**
   * The membership the write's ConditionCheck holds to (approved, not suspended, as supplier; and
   * as tenant too when `inPark`).
   */
  membership: { parkId: string; orgId: string; inPark: boolean };
  /** True unless the firm is located in the delivery park: then the need's park-first window must be over. */
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
    `Until ${need.parkFirstUntil} only firms located in the delivery park may take part in this need.`,
  );

/**
 * Which membership makes the supplier eligible for a need. A firm located in the delivery park (an
 * approved tenant membership there, as well as a supplier one) satisfies everything, the park-first
 * window included. A supplier approved only to serve the park, or (for a public need) approved in
 * another park, qualifies once the park-first window is over. The choice is made from a read, but
 * what it relies on is re-checked by the write's conditions.
 */
export async function supplierStanding(
  memberships: MembershipRepository,
  orgId: string,
  need: Need,
  now: Date,
): Promise<SupplierStanding> {
  const here = await memberships.get(need.parkId, orgId);
  const parkFirst = need.parkFirstUntilMs > now.getTime();
  if (isActiveAs(here, 'supplier')) {
    const inPark = isActiveAs(here, 'tenant');
    if (!inPark && parkFirst) throw parkFirstError(need);
    return { membership: { parkId: need.parkId, orgId, inPark }, parkFirstOnNeed: !inPark };
  }
  if ((need.visibility ?? 'public') === 'park') throw notApprovedSupplier(need);
  const mine = await memberships.listByOrg(orgId, { limit: 100 });
  const elsewhere = mine.items.find((m) => isActiveAs(m, 'supplier'));
  if (!elsewhere) throw notApprovedSupplier(need);
  if (parkFirst) throw parkFirstError(need);
  return { membership: { parkId: elsewhere.parkId, orgId, inPark: false }, parkFirstOnNeed: true };
}
