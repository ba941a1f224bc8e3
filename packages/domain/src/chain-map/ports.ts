import type { Chain } from '../chains/chain';
import type { Page, PageRequest } from '../core';
import type { Listing } from '../listings/listing';
import type { Need } from '../needs/need';
import type { Membership } from '../orgs/membership';
import type { Contribution } from './contribution';
import type { OrgFacts, ParkFacts } from './facts';

export type Fields = Record<string, number>;

export interface TenantRef {
  orgId: string;
  name: string;
}

export interface CategoryAggregate {
  category: string;
  fields: Fields;
  /** Current scope only: up to ten tenants needing the category, refreshed when one starts or stops. */
  tenants: TenantRef[];
}

export interface CurrentAggregates {
  categories: CategoryAggregate[];
  summary: Fields;
}

export interface PeriodAggregates {
  categories: CategoryAggregate[];
  total: Fields;
}

export interface AwardedEdgeRow {
  labels: Record<string, string>;
  fields: Fields;
}

/** The chain map's reads: each is one Query whatever the size of the park (pages are bounded). */
export interface ChainMapReader {
  current(parkId: string): Promise<CurrentAggregates>;
  period(parkId: string, periodKey: string): Promise<PeriodAggregates>;
  declaredEdges(parkId: string, page: PageRequest): Promise<Page<Record<string, unknown>>>;
  awardedEdges(parkId: string, periodKey: string, page: PageRequest): Promise<Page<AwardedEdgeRow>>;
  idleRows(parkId: string, page: PageRequest): Promise<Page<Record<string, unknown>>>;
}

/** A source's contribution as stored, with the version of the source it was computed from. */
export interface StoredContribution {
  sourceId: string;
  sourceVersion: number;
  /** Bumped by every write: the next write is conditional on it (no lost update between writers). */
  rev: string;
  contribution: Contribution;
  /** Facts frozen at first count (a deal's seller origin). */
  meta: Record<string, unknown>;
}

export interface NewContribution {
  sourceId: string;
  sourceVersion: number;
  contribution: Contribution;
  meta: Record<string, unknown>;
}

export interface ContributionStore {
  get(parkId: string, sourceId: string): Promise<StoredContribution | null>;
  /** A chain's inputs: every stored contribution whose id starts with the prefix. */
  withPrefix(parkId: string, prefix: string): Promise<StoredContribution[]>;
  all(parkId: string): Promise<StoredContribution[]>;
  /**
   * Stores `next` and moves the aggregates by next − prev in one transaction, conditional on the
   * stored contribution still being `prev`. False when another writer came between (read again).
   */
  apply(parkId: string, prev: StoredContribution | null, next: NewContribution): Promise<boolean>;
  /** Replaces every contribution and aggregate of the park by these (the rebuild): items written and deleted. */
  replacePark(
    parkId: string,
    contributions: readonly NewContribution[],
  ): Promise<{ written: number; deleted: number }>;
}

/** The records the chain map is computed from; the rebuild reads a park's by Query on its keys. */
export interface ChainMapSources {
  park(parkId: string): Promise<ParkFacts | null>;
  orgs(orgIds: readonly string[]): Promise<Map<string, OrgFacts>>;
  membership(parkId: string, orgId: string): Promise<Membership | null>;
  membershipsOfOrg(orgId: string): Promise<Membership[]>;
  membershipsOfPark(parkId: string): Promise<Membership[]>;
  /** One batched read: these organisations' memberships of the park, by org id. */
  membershipsIn(parkId: string, orgIds: readonly string[]): Promise<Map<string, Membership>>;
  need(needId: string): Promise<Need | null>;
  listing(listingId: string): Promise<Listing | null>;
  activeListingsOf(orgId: string): Promise<Listing[]>;
  chainsOfPark(parkId: string): Promise<Chain[]>;
  openNeedsOfPark(parkId: string): Promise<Need[]>;
  /** The park's deal items as stored (the bidding context's shape, read through dealFactsOf). */
  dealsOfPark(parkId: string): Promise<Record<string, unknown>[]>;
  /** Active listings in the category or under it, from the whole market, at most `limit`. */
  listingsInCategory(category: string, limit: number): Promise<Listing[]>;
}
