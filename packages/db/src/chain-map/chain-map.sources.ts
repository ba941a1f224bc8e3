import type { ChainMapSources, OrgFacts, ParkFacts } from '@parkbridge/domain/chain-map';
import type { Chain } from '@parkbridge/domain/chains';
import type { Stored } from '@parkbridge/domain/core';
import type { Membership } from '@parkbridge/domain/orgs';
import { batchGet, type Db, type Item, stripKeys } from '../core';
import { DynamoListingRepository } from '../listings/listing.repository';
import { DynamoNeedRepository, toNeed } from '../needs/need.repository';
import { DynamoMembershipRepository, membershipKey } from '../orgs/membership.repository';
import { DynamoOrgRepository } from '../orgs/org.repository';
import { DynamoParkRepository } from '../parks/park.repository';
import { queryEvery } from './reads';

/**
 * A park's deals are its tenants' purchases: every need is posted by an approved tenant of its
 * park, so the rebuild reads each member's deals as buyer (the bidding context's gsi1
 * `ORG#<orgId>#DEALS#buyer`) and keeps those delivered to the park.
 */
export const buyerDealsKey = (orgId: string) => `ORG#${orgId}#DEALS#buyer`;

/** The records behind the map, read through the owning contexts' keys (never a Scan). */
export class DynamoChainMapSources implements ChainMapSources {
  private readonly parks: DynamoParkRepository;
  private readonly orgRepo: DynamoOrgRepository;
  private readonly memberships: DynamoMembershipRepository;
  private readonly needs: DynamoNeedRepository;
  private readonly listings: DynamoListingRepository;

  constructor(private readonly db: Db) {
    this.parks = new DynamoParkRepository(db);
    this.orgRepo = new DynamoOrgRepository(db);
    this.memberships = new DynamoMembershipRepository(db);
    this.needs = new DynamoNeedRepository(db);
    this.listings = new DynamoListingRepository(db);
  }

  async park(parkId: string): Promise<ParkFacts | null> {
    const p = await this.parks.get(parkId);
    return p
      ? { parkId, country: p.country, timeZone: p.timeZone, location: p.location, currency: p.currency }
      : null;
  }

  async orgs(orgIds: readonly string[]) {
    const found = await this.orgRepo.getMany([...new Set(orgIds)]);
    return new Map<string, OrgFacts>(
      found.map((o) => [
        o.orgId,
        { orgId: o.orgId, name: o.name, country: o.country, location: o.location ?? null },
      ]),
    );
  }

  membership(parkId: string, orgId: string) {
    return this.memberships.get(parkId, orgId);
  }

  async membershipsOfOrg(orgId: string) {
    return (await this.every('gsi1', `ORG#${orgId}#MEMBERSHIPS`)).map((i) =>
      stripKeys<Stored<Membership>>(i),
    );
  }

  async membershipsOfPark(parkId: string) {
    return (await this.every(undefined, `PARK#${parkId}`, 'MEMBER#')).map((i) =>
      stripKeys<Stored<Membership>>(i),
    );
  }

  async membershipsIn(parkId: string, orgIds: readonly string[]) {
    // Eventually consistent: this is for the map's view of outside suppliers, not a guard.
    const items = await batchGet(
      this.db,
      orgIds.map((o) => membershipKey(parkId, o)),
    );
    return new Map(items.map((i) => stripKeys<Stored<Membership>>(i)).map((m) => [m.orgId, m]));
  }

  need(needId: string) {
    return this.needs.get(needId, true);
  }

  listing(listingId: string) {
    return this.listings.get(listingId, true);
  }

  activeListingsOf(orgId: string) {
    return this.listings.activeByOrg(orgId, 10_000);
  }

  async chainsOfPark(parkId: string) {
    return (await this.every('gsi2', `PARK#${parkId}#CHAINS`)).map((i) => stripKeys<Stored<Chain>>(i));
  }

  async openNeedsOfPark(parkId: string) {
    return (await this.every('gsi2', `PARK#${parkId}#NEEDS#open`)).map(toNeed);
  }

  async dealsOfPark(parkId: string) {
    const members = await this.membershipsOfPark(parkId);
    const deals = new Map<string, Item>();
    for (const m of members) {
      for (const item of await this.every('gsi1', buyerDealsKey(m.orgId))) {
        if (item.type === 'deal' && item.parkId === parkId) deals.set(String(item.dealId), item);
      }
    }
    return [...deals.values()];
  }

  listingsInCategory(category: string, limit: number) {
    return this.listings.activeInRange({ division: category.slice(0, 2), prefix: category }, limit);
  }

  /** Every item of one key, page after page: the park's own partitions, bounded by the park. */
  private every(index: 'gsi1' | 'gsi2' | undefined, pk: string, skPrefix?: string): Promise<Item[]> {
    return queryEvery(this.db, pk, skPrefix, index);
  }
}
