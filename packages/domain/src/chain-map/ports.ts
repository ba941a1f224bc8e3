import type { Chain } from '../chains/chain';
import type { Page, PageRequest } from '../core';
import type { Listing } from '../listings/listing';
import type { Need } from '../needs/need';
import type { Membership } from '../orgs/membership';
import type { OutsideSupplier } from './chain-map';
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

/**
 * How many rows of each listed set the map carries itself (the rest are paged): the store keeps
 * that many first rows of each set beside the aggregates, so the map reads them with them.
 */
export const MAP_HEAD = { declared: 100, awarded: 100, idle: 50 } as const;

/** A current listed set of the map, kept with a copy of its first rows (a head) beside the aggregates. */
export type HeadSet = 'declared' | 'idle';

/** The park as the map needs it: its facts, and who operates it (only that organisation reads the map). */
export interface MapPark extends ParkFacts {
  operatorOrgId: string;
}

/** Everything current about a park's map, read together with the park itself. */
export interface CurrentView extends CurrentAggregates {
  /** Null: no such park. */
  park: MapPark | null;
  /** The first `MAP_HEAD.declared` declared edges and `MAP_HEAD.idle` idle-capacity rows. */
  declared: Page<Record<string, unknown>>;
  idle: Page<Record<string, unknown>>;
  /** Per category the map uses: its nearest outside suppliers, as last computed. */
  nearest: ReadonlyMap<string, OutsideSupplier[]>;
}

/** A period's aggregates, the period before's totals (the trend), and its first awarded edges. */
export interface PeriodView extends PeriodAggregates {
  previousTotal: Fields;
  awarded: Page<AwardedEdgeRow>;
}

/**
 * The chain map's reads. `current` and `period` are one Query each whatever the size of the park
 * (a listed set whose copy is being refreshed costs one more); the pages after them one Query each.
 */
export interface ChainMapReader {
  current(parkId: string): Promise<CurrentView>;
  period(parkId: string, periodKey: string): Promise<PeriodView>;
  declaredEdges(parkId: string, page: PageRequest): Promise<Page<Record<string, unknown>>>;
  awardedEdges(parkId: string, periodKey: string, page: PageRequest): Promise<Page<AwardedEdgeRow>>;
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
   * stored contribution still being `prev`; then refreshes the copies of the listed rows it moved.
   * Not applied when another writer came between (read again). Applied, it names the categories
   * the change touched that have no nearest outside suppliers computed yet.
   */
  apply(parkId: string, prev: StoredContribution | null, next: NewContribution): Promise<ApplyResult>;
  /**
   * Replaces every contribution and aggregate of the park by these (the rebuild), with the nearest
   * outside suppliers of each category: items written and deleted.
   */
  replacePark(
    parkId: string,
    contributions: readonly NewContribution[],
    nearest: ReadonlyMap<string, OutsideSupplier[]>,
  ): Promise<{ written: number; deleted: number }>;
  /** Records that the park's map uses these categories (before their nearest suppliers are computed). */
  markUsed(parkId: string, categories: readonly string[]): Promise<void>;
  /** Stores a category's nearest outside suppliers for the park, unless a later computation is stored. */
  saveNearest(
    parkId: string,
    category: string,
    suppliers: readonly OutsideSupplier[],
    computedAtMs: number,
  ): Promise<void>;
  /** Of these categories, those the park's map has nearest outside suppliers for. */
  nearestKnown(parkId: string, categories: readonly string[]): Promise<string[]>;
  /** The parks whose map uses the category (it has nearest outside suppliers computed there). */
  parksUsing(category: string): Promise<string[]>;
}

export type ApplyResult = { applied: false } | { applied: true; categoriesWithoutNearest: string[] };

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
