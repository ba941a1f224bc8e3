import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { CategoryRange } from '../matching/category-tiers';
import type { QuotaCharge } from '../quotas/quota';
import type { Listing, ListingKind, ListingStatus } from './listing';

export interface ListingSearch {
  category?: string | undefined;
  parkId?: string | undefined;
  kind?: ListingKind | undefined;
  /** Normalised words, each of which must occur in the listing's search text. */
  terms: string[];
}

export interface OwnListingSearch extends ListingSearch {
  supplierOrgId: string;
  status?: Exclude<ListingStatus, 'withdrawn'> | undefined;
}

export interface ListingRepository {
  get(listingId: string, consistent?: boolean): Promise<Stored<Listing> | null>;
  getMany(listingIds: string[]): Promise<Stored<Listing>[]>;
  /** With `charges`, the supplier's quotas are taken in the listing's transaction. */
  save(
    next: Listing,
    prev: Stored<Listing> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<Listing>>;
  /** Active listings only. */
  search(query: ListingSearch, page: PageRequest): Promise<Page<Stored<Listing>>>;
  /** The supplier's own listings, active and paused. */
  searchOwn(query: OwnListingSearch, page: PageRequest): Promise<Page<Stored<Listing>>>;
  /** Active listings whose category falls in the range (matching candidates); at most `limit` read. */
  activeInRange(range: CategoryRange, limit: number): Promise<Stored<Listing>[]>;
  /** A page of the active listings in the range (matching a need, a page per step). */
  activeInRangePage(range: CategoryRange, page: PageRequest): Promise<Page<Stored<Listing>>>;
  /** A supplier's active listings (renaming it on its matches). */
  activeByOrg(orgId: string, limit: number): Promise<Stored<Listing>[]>;
  /** A page of a supplier's listings, active ones only kept (re-matching after its approval). */
  activeByOrgPage(orgId: string, page: PageRequest): Promise<Page<Stored<Listing>>>;
}
