import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import { conflict } from '@parkbridge/domain/core';
import type {
  Listing,
  ListingRepository,
  ListingSearch,
  OwnListingSearch,
} from '@parkbridge/domain/listings';
import { type CategoryRange, searchTextOf } from '@parkbridge/domain/matching';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import { batchGet, type Db, getItem, type Item, queryPage, stripKeys, writeVersioned } from '../core';
import {
  allOf,
  categoryConditions,
  categoryRangePage,
  type Filter,
  type FilteredQueryInput,
  filteredPage,
  readRange,
  termsFilter,
} from '../core/filtered-query';
import { writeWithRoster } from '../core/roster';
import { quotaWrites } from '../quotas/quota.repository';
import { ALL_LISTINGS, listingIndexKeys, listingKey } from './listing.keys';
import { supplyWrites } from './supplier-supply';

/** Everything stored on a listing item besides the entity (the bench loads items with it). */
export function listingItem(listing: Stored<Listing>): Item {
  return {
    ...listingKey(listing.listingId),
    ...stripUndefined(listingIndexKeys(listing)),
    type: 'listing',
    searchText: searchTextOf(listing.title, listing.description, listing.machineClass),
    ...listing,
  };
}

export function toListing(item: Item): Stored<Listing> {
  const { searchText: _text, ...listing } = stripKeys<Stored<Listing> & { searchText?: string }>(item);
  return listing;
}

const eq = (attr: string, value: unknown): Filter => ({
  expression: `#${attr} = :${attr}`,
  names: { [`#${attr}`]: attr },
  values: { [`:${attr}`]: value },
});

export class DynamoListingRepository implements ListingRepository {
  constructor(private readonly db: Db) {}

  async get(listingId: string, consistent = false) {
    const item = await getItem(this.db, listingKey(listingId).pk, 'LISTING', consistent);
    return item ? toListing(item) : null;
  }

  async getMany(listingIds: string[]) {
    return (await batchGet(this.db, listingIds.map(listingKey))).map(toListing);
  }

  /** The listing, its audit record and its place on its supplier's supply roster, in one transaction. */
  async save(
    next: Listing,
    prev: Stored<Listing> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    charges?: readonly QuotaCharge[],
  ) {
    const write = (withSupply: boolean) =>
      writeVersioned(this.db, {
        keys: { ...listingKey(next.listingId), ...listingIndexKeys(next) },
        entityId: next.listingId,
        next: next as Stored<Listing>,
        prev,
        audit,
        extra: { type: 'listing', searchText: searchTextOf(next.title, next.description, next.machineClass) },
        onExists: () => conflict('listing.exists', 'The listing exists already.'),
        with: [...(withSupply ? supplyWrites(this.db, next, prev) : []), ...quotaWrites(this.db, charges)],
      });
    return writeWithRoster(write);
  }

  /**
   * The active market through the most selective index: a park's listings, a kind (with its
   * category as a prefix), a category's division, or all; what the key cannot say is a filter.
   */
  async search(query: ListingSearch, page: PageRequest) {
    let input: FilteredQueryInput;
    const text = termsFilter(query.terms);
    if (query.parkId) {
      input = {
        index: 'gsi2',
        pk: `PARK#${query.parkId}#LISTINGS`,
        sk: query.category ? { prefix: query.category } : undefined,
        filter: allOf(text, query.kind ? eq('kind', query.kind) : undefined),
      };
    } else if (query.kind) {
      input = {
        index: 'gsi3',
        pk: ALL_LISTINGS,
        sk: { prefix: `${query.kind}#${query.category ?? ''}` },
        filter: text,
      };
    } else if (query.category) {
      input = {
        index: 'gsi1',
        pk: `LISTINGS#${query.category.slice(0, 2)}`,
        sk: { prefix: query.category },
        filter: text,
      };
    } else {
      input = { index: 'gsi3', pk: ALL_LISTINGS, filter: text };
    }
    const res = await filteredPage(this.db, { ...input, descending: true }, page);
    return { items: res.items.map(toListing), nextCursor: res.nextCursor };
  }

  async searchOwn(query: OwnListingSearch, page: PageRequest) {
    const filters: (Filter | undefined)[] = [
      termsFilter(query.terms),
      query.kind ? eq('kind', query.kind) : undefined,
      query.parkId ? eq('parkId', query.parkId) : undefined,
      query.status ? eq('status', query.status) : undefined,
      query.category
        ? {
            expression: 'begins_with(#category, :category)',
            names: { '#category': 'category' },
            values: { ':category': query.category },
          }
        : undefined,
    ];
    const res = await filteredPage(
      this.db,
      {
        index: 'gsi4',
        pk: `ORG#${query.supplierOrgId}#LISTINGS`,
        descending: true,
        filter: allOf(...filters),
      },
      page,
    );
    return { items: res.items.map(toListing), nextCursor: res.nextCursor };
  }

  async activeInRange(range: CategoryRange, limit: number) {
    const items: Item[] = [];
    for (const sk of categoryConditions(range)) {
      if (items.length >= limit) break;
      items.push(
        ...(await readRange(
          this.db,
          { index: 'gsi1', pk: `LISTINGS#${range.division}`, sk },
          limit - items.length,
        )),
      );
    }
    return items.map(toListing);
  }

  async activeInRangePage(range: CategoryRange, page: PageRequest) {
    const got = await categoryRangePage(
      this.db,
      { index: 'gsi1', pk: `LISTINGS#${range.division}`, range },
      page,
    );
    return { items: got.items.map(toListing), nextCursor: got.nextCursor };
  }

  async activeByOrgPage(orgId: string, page: PageRequest) {
    const got = await queryPage(this.db, { index: 'gsi4', pk: `ORG#${orgId}#LISTINGS` }, page);
    return {
      items: got.items.map(toListing).filter((l) => l.status === 'active'),
      nextCursor: got.nextCursor,
    };
  }

  async activeByOrg(orgId: string, limit: number) {
    const items = await readRange(this.db, { index: 'gsi4', pk: `ORG#${orgId}#LISTINGS` }, limit);
    return items.map(toListing).filter((l) => l.status === 'active');
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
