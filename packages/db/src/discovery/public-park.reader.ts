import type { CategoryAggregate, Fields } from '@parkbridge/domain/chain-map';
import type { PageRequest } from '@parkbridge/domain/core';
import type { PublicParkReader } from '@parkbridge/domain/discovery';
import type { MembershipStatus } from '@parkbridge/domain/orgs';
import { CURRENT_PREFIX, NON_COUNTERS, parkPk } from '../chain-map/chain-map.keys';
import { type Db, getItem, type Item, queryAll } from '../core';
import { DynamoExpoRepository } from '../expos/expo.repository';
import { DynamoMembershipRepository } from '../orgs/membership.repository';
import { DynamoOrgRepository } from '../orgs/org.repository';
import { DynamoParkRepository } from '../parks/park.repository';

const countersOf = (item: Item | undefined): Fields => {
  const out: Fields = {};
  for (const [k, v] of Object.entries(item ?? {}))
    if (typeof v === 'number' && !NON_COUNTERS.has(k)) out[k] = v;
  return out;
};

/**
 * The public park page's reads, over the other contexts' repositories (read-only). The chain map's
 * counters are read as items of their own (one per category in use and the summary), never its
 * rows or heads, which name firms.
 */
export class DynamoPublicParkReader implements PublicParkReader {
  private readonly parksRepo: DynamoParkRepository;
  private readonly expos: DynamoExpoRepository;
  private readonly membershipsRepo: DynamoMembershipRepository;
  private readonly orgsRepo: DynamoOrgRepository;

  constructor(private readonly db: Db) {
    this.parksRepo = new DynamoParkRepository(db);
    this.expos = new DynamoExpoRepository(db);
    this.membershipsRepo = new DynamoMembershipRepository(db);
    this.orgsRepo = new DynamoOrgRepository(db);
  }

  park(parkId: string) {
    return this.parksRepo.get(parkId);
  }

  parks(page: PageRequest, filter: { country?: string | undefined }) {
    return this.parksRepo.list(page, filter);
  }

  async aggregates(parkId: string) {
    const pk = parkPk(parkId);
    // Bounded by the categories the park's map uses (one item each), not by the park's size.
    const [cats, summary] = await Promise.all([
      queryAll(this.db, { pk, skPrefix: `${CURRENT_PREFIX}CAT#` }, Number.POSITIVE_INFINITY),
      getItem(this.db, pk, `${CURRENT_PREFIX}SUMMARY`),
    ]);
    const categories: CategoryAggregate[] = cats.map((i) => ({
      category: String(i.category),
      fields: countersOf(i),
      tenants: [],
    }));
    return { categories, summary: countersOf(summary) };
  }

  openExpos(parkId: string, now: Date, limit: number) {
    return this.expos.openByPark(parkId, now, limit);
  }

  members(parkId: string, status: MembershipStatus, page: PageRequest) {
    return this.membershipsRepo.listByPark(parkId, status, page);
  }

  orgs(orgIds: string[]) {
    return orgIds.length ? this.orgsRepo.getMany(orgIds) : Promise.resolve([]);
  }
}
