import { hasRole, type OrgCaller } from '../core';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';
import type { ParkRepository } from '../parks/ports';
import type { NeedAccess, Viewer } from './visibility';

/** Bounded reads: an organisation belongs to, or operates, a handful of parks, never hundreds. */
const MAX_PARKS = 100;

export class ViewerResolver {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly parks: ParkRepository,
  ) {}

  async of(caller: OrgCaller): Promise<Viewer> {
    const [mine, operated] = await Promise.all([
      this.memberships.listByOrg(caller.orgId, { limit: MAX_PARKS }),
      hasRole(caller, 'operator')
        ? this.parks.listByOperator(caller.orgId, { limit: MAX_PARKS })
        : Promise.resolve({ items: [] }),
    ]);
    return {
      orgId: caller.orgId,
      supplierParkIds: new Set(mine.items.filter((m) => isActiveAs(m, 'supplier')).map((m) => m.parkId)),
      operatedParkIds: new Set(operated.items.map((p) => p.parkId)),
    };
  }

  /**
   * canSee for one need, reading only what that need's rule asks: for a park's operator, the park;
   * for a park-only need, the caller's membership of that park; for a public need, its memberships.
   * The owner reads nothing.
   */
  async sees(caller: OrgCaller, need: NeedAccess): Promise<boolean> {
    if (need.ownerOrgId === caller.orgId) return true;
    if (need.draft) return false;
    if (hasRole(caller, 'operator') && (await this.parks.get(need.parkId))?.operatorOrgId === caller.orgId) {
      return true;
    }
    if (need.visibility === 'park') {
      return isActiveAs(await this.memberships.get(need.parkId, caller.orgId), 'supplier');
    }
    const mine = await this.memberships.listByOrg(caller.orgId, { limit: MAX_PARKS });
    return mine.items.some((m) => isActiveAs(m, 'supplier'));
  }
}
