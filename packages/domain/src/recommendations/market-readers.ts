import type { ListingOwnership } from '../bookings/booking.service';
import type { ListingRepository } from '../listings/ports';
import type { MatchRepository } from '../matching/ports';
import type { BuyerMatch, NeedMatchReader } from './ports';

/** A buyer's matches read for booth recommendations, at most (its open needs × their matches). */
const MAX_BUYER_MATCHES = 5000;

/**
 * The market's own repositories behind the recommendation ports (supply and demand have their own
 * reader, by key: see SupplyDemandReader), and the ownership of the listings shown at a booth.
 */
export class MarketReaders implements NeedMatchReader, ListingOwnership {
  constructor(
    private readonly listings: ListingRepository,
    private readonly matches: MatchRepository,
  ) {}

  /** From the buyer's index of matches: each match carries its need's title (a copy). */
  async matchesOfBuyer(orgId: string, supplierOrgIds: readonly string[]): Promise<BuyerMatch[]> {
    if (!supplierOrgIds.length) return [];
    const found = await this.matches.forBuyer(orgId, supplierOrgIds, MAX_BUYER_MATCHES);
    return found.map((m) => ({
      need: { needId: m.needId, title: m.needTitle ?? '' },
      match: {
        listingId: m.listingId,
        supplierOrgId: m.supplierOrgId,
        score: m.score,
        reasons: m.reasons.map((r) => ({ code: r.code, detail: r.detail })),
      },
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
