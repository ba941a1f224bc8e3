import { actsAs, forbidden, type OrgCaller } from '../core';
import type { Deal, DealRole } from './deal';

export const sideOf = (deal: Pick<Deal, 'buyerOrgId'>, orgId: string): DealRole =>
  deal.buyerOrgId === orgId ? 'buyer' : 'seller';

/**
 * A party's people take part in a deal by their role on its side: the buyer side's buyers and the
 * seller side's sellers (and admins, and viewers for reading). So in a firm that both buys and
 * sells, the sales team does not read or write in the purchasing team's deal rooms, nor the other
 * way round. The caller must be a party (checked before: others get 404).
 */
export function requireSideRole(caller: OrgCaller, deal: Deal, access: 'read' | 'act'): DealRole {
  const side = sideOf(deal, caller.orgId);
  const allowed = access === 'read' ? actsAs(caller, side, 'viewer') : actsAs(caller, side);
  if (!allowed) {
    throw forbidden(
      'deal.side_role',
      `On this deal your organisation is the ${side}: its ${side}s and admins ${access === 'read' ? 'read' : 'act on'} it.`,
    );
  }
  return side;
}
