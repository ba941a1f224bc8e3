import { categories } from '../categories/isic-rev4';
import {
  actorOf,
  type Caller,
  type Clock,
  invalid,
  newId,
  notFound,
  type OrgCaller,
  type Page,
  type PageRequest,
  requireOrg,
  requireRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import { queryTerms } from '../matching/search-text';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository, OrgRepository } from '../orgs/ports';
import type { ParkService } from '../parks/park.service';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { GeoPoint } from '../shared/geo';
import {
  type Listing,
  type ListingInput,
  type ListingKind,
  type ListingPatch,
  listingProblems,
} from './listing';
import type { ListingRepository } from './ports';

export interface ListingListFilter {
  category?: string | undefined;
  parkId?: string | undefined;
  kind?: ListingKind | undefined;
  q?: string | undefined;
  mine?: boolean | undefined;
}

/** Suppliers' offers: products, services and idle production capacity. */
export class ListingService {
  constructor(
    private readonly listings: ListingRepository,
    private readonly orgs: OrgRepository,
    private readonly parks: ParkService,
    private readonly memberships: MembershipRepository,
    private readonly clock: Clock,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  async create(caller: Caller, input: ListingInput): Promise<Stored<Listing>> {
    const supplier = requireRole(caller, 'supplier');
    const placed = await this.place(supplier, input);
    const now = this.clock.now().toISOString();
    const listing: Listing = {
      ...input,
      certificates: input.certificates ?? [],
      listingId: newId('listing'),
      supplierOrgId: supplier.orgId,
      status: 'active',
      ...placed,
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    return this.listings.save(
      listing,
      null,
      {
        action: 'listing.created',
        actor: actorOf(supplier),
        before: null,
        after: listing,
        parkId: listing.parkId,
      },
      this.quotas.charges(supplier, 'listing.create'),
    );
  }

  /** Active listings are public to signed-in users; a paused one only to its supplier. */
  async get(caller: Caller, listingId: string): Promise<Stored<Listing>> {
    const who = requireOrg(caller);
    const listing = await this.listings.get(listingId, true);
    if (!listing || listing.status === 'withdrawn') throw notFound('listing');
    if (listing.status !== 'active' && listing.supplierOrgId !== who.orgId) throw notFound('listing');
    return listing;
  }

  async update(caller: Caller, listingId: string, patch: ListingPatch, ifMatch?: number) {
    const supplier = requireRole(caller, 'supplier');
    const prev = await this.requireOwned(supplier, listingId, ifMatch);
    const { status, ...fields } = patch;
    const merged: ListingInput = { ...prev, ...fields, parkId: fields.parkId ?? prev.parkId ?? undefined };
    const problems = listingProblems(merged);
    if (problems.length) throw invalid('listing.invalid', 'The listing would be inconsistent.', problems);
    const placed = await this.place(supplier, merged);
    const next: Listing = {
      ...prev,
      ...fields,
      ...placed,
      certificates: merged.certificates ?? [],
      status: status ?? prev.status,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.listings.save(next, prev, {
      action: 'listing.updated',
      actor: actorOf(supplier),
      before: prev,
      after: next,
      parkId: next.parkId,
    });
  }

  /** DELETE: the listing leaves search and matching at once; its record stays for the audit trail. */
  async withdraw(caller: Caller, listingId: string, ifMatch?: number): Promise<void> {
    const supplier = requireRole(caller, 'supplier');
    const prev = await this.requireOwned(supplier, listingId, ifMatch);
    const next: Listing = { ...prev, status: 'withdrawn', updatedAt: this.clock.now().toISOString() };
    await this.listings.save(next, prev, {
      action: 'listing.withdrawn',
      actor: actorOf(supplier),
      before: prev,
      after: next,
      parkId: next.parkId,
    });
  }

  async list(caller: Caller, filter: ListingListFilter, page: PageRequest): Promise<Page<Stored<Listing>>> {
    const who = requireOrg(caller);
    if (filter.category && !categories.has(filter.category)) {
      throw invalid('category.unknown', 'Use an ISIC Rev.4 code that exists.', [
        { path: 'category', message: 'Unknown ISIC code.' },
      ]);
    }
    const query = {
      category: filter.category,
      parkId: filter.parkId,
      kind: filter.kind,
      terms: queryTerms(filter.q),
    };
    return filter.mine
      ? this.listings.searchOwn({ ...query, supplierOrgId: who.orgId }, page)
      : this.listings.search(query, page);
  }

  /** The supplier's own listing (404 for anyone else's, and for a withdrawn one), at the version it read. */
  async requireOwned(supplier: OrgCaller, listingId: string, ifMatch?: number) {
    const listing = await this.listings.get(listingId, true);
    if (!listing || listing.supplierOrgId !== supplier.orgId || listing.status === 'withdrawn')
      throw notFound('listing');
    if (ifMatch !== undefined && ifMatch !== listing.version) throw staleVersion();
    return listing;
  }

  /**
   * Where the listing delivers from: the supplier's own location, else its park's. The park must
   * be one where the supplier is approved as a supplier. Refreshed on every write of the listing.
   */
  private async place(
    supplier: OrgCaller,
    input: Pick<ListingInput, 'category' | 'parkId' | 'serviceArea'>,
  ): Promise<{ parkId: string | null; location: GeoPoint | null; country: string }> {
    if (!categories.has(input.category)) {
      throw invalid('category.unknown', 'Use an ISIC Rev.4 code that exists.', [
        { path: 'category', message: 'Unknown ISIC code.' },
      ]);
    }
    const org = await this.orgs.get(supplier.orgId);
    if (!org) throw notFound('organisation');
    let parkLocation: GeoPoint | null = null;
    if (input.parkId) {
      const park = await this.parks.get(input.parkId);
      if (!isActiveAs(await this.memberships.get(input.parkId, supplier.orgId), 'supplier')) {
        throw ruleBroken(
          'listing.not_a_supplier_here',
          'Your organisation is not an approved supplier of this park.',
          [{ path: 'parkId', message: 'Name a park where you are an approved supplier.' }],
        );
      }
      parkLocation = park.location;
    }
    const location = org.location ?? parkLocation;
    if (input.serviceArea.scope === 'radius' && !location) {
      throw ruleBroken('listing.no_location', 'A radius needs a location to measure from.', [
        { path: 'serviceArea', message: "Set your organisation's location, or name your park." },
      ]);
    }
    return { parkId: input.parkId ?? null, location, country: org.country };
  }
}
