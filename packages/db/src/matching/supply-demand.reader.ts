import type { DemandItem, SupplyDemandReader, SupplyItem } from '@parkbridge/domain/recommendations';
import { batchGet, type Db } from '../core';
import { rosterMembers } from '../core/roster';
import { SUPPLY_PREFIX, type SupplyEntry, supplyKey } from '../listings/supplier-supply';
import { DEMAND_PREFIX, type DemandEntry, demandKey } from '../needs/park-demand';

/**
 * A supplier's supply and a park's demand in some divisions: their rosters, by key, in one
 * BatchGetItem (two keys per division; more than 50 divisions take a second batch, in parallel).
 */
export class DynamoSupplyDemandReader implements SupplyDemandReader {
  constructor(private readonly db: Db) {}

  async supplyAndDemand(orgId: string, parkId: string, divisions: readonly string[]) {
    const unique = [...new Set(divisions)];
    const items = await batchGet(
      this.db,
      unique.flatMap((d) => [supplyKey(orgId, d), demandKey(parkId, d)]),
    );
    const supply: SupplyItem[] = [];
    const demand: DemandItem[] = [];
    const supplyPk = supplyKey(orgId, '').pk;
    for (const item of items) {
      if (item.pk === supplyPk) {
        for (const [listingId, e] of rosterMembers<SupplyEntry>(item, SUPPLY_PREFIX))
          supply.push({ listingId, title: e.t, category: e.c });
      } else {
        for (const [needId, e] of rosterMembers<DemandEntry>(item, DEMAND_PREFIX))
          demand.push({ needId, ownerOrgId: e.o, category: e.c });
      }
    }
    // In the order the supplier's own list has them (ids are time-ordered): reasons quote them so.
    supply.sort((a, b) => (a.listingId < b.listingId ? -1 : 1));
    return { supply, demand };
  }
}
