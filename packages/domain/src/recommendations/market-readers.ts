import type { ListingOwnership } from '../bookings/booking.service';
import type { ListingRepository } from '../listings/ports';
import type { MatchRepository } from '../matching/ports';
import type { NeedRepository } from '../needs/ports';
import type { DemandReader, NeedMatchReader, SupplyReader } from './ports';

const MAX_PAGES = 20;

/**
 * The market's own repositories behind the recommendation ports. Demand is read with an audience
 * of the park itself: recommendations count a park's open needs, they never show one.
 */
export class MarketReaders implements DemandReader, SupplyReader, NeedMatchReader, ListingOwnership {
  constructor(
    private readonly needs: NeedRepository,
    private readonly listings: ListingRepository,
    private readonly matches: MatchRepository,
  ) {}

  async openNeedsInDivision(parkId: string, division: string, limit: number) {
    const out = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < MAX_PAGES && out.length < limit; pages++) {
      const page = await this.needs.search(
        {
          status: 'open',
          parkId,
          category: division,
          terms: [],
          audience: { orgId: '-', parkIds: [parkId], publicNeeds: true },
        },
        { limit: Math.min(100, limit - out.length), cursor },
      );
      out.push(
        ...page.items.map((n) => ({ needId: n.needId, ownerOrgId: n.ownerOrgId, category: n.category })),
      );
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return out;
  }

  async activeListings(orgId: string, limit: number) {
    const listings = await this.listings.activeByOrg(orgId, limit);
    return listings.map((l) => ({ listingId: l.listingId, title: l.title, category: l.category }));
  }

  async openNeedsOf(orgId: string, limit: number) {
    const out = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < MAX_PAGES && out.length < limit; pages++) {
      const page = await this.needs.searchOwn(
        { ownerOrgId: orgId, status: 'open', terms: [] },
        { limit: Math.min(100, limit - out.length), cursor },
      );
      out.push(...page.items.map((n) => ({ needId: n.needId, title: n.title, category: n.category })));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return out;
  }

  async matchesFor(needId: string) {
    return (await this.matches.forNeed(needId)).map((m) => ({
      listingId: m.listingId,
      supplierOrgId: m.supplierOrgId,
      score: m.score,
      reasons: m.reasons.map((r) => ({ code: r.code, detail: r.detail })),
    }));
  }

  /** Listings shown at a booth must be the exhibitor's own and active. */
  async foreign(orgId: string, listingIds: string[]) {
    const found = await this.listings.getMany(listingIds);
    const own = new Set(
      found.filter((l) => l.supplierOrgId === orgId && l.status === 'active').map((l) => l.listingId),
    );
    return listingIds.filter((id) => !own.has(id));
  }
}
