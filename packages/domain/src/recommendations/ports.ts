/** What recommendations read from the market context (needs, listings, matching), and nothing more. */

export interface SupplyItem {
  listingId: string;
  title: string;
  category: string;
}

export interface DemandItem {
  needId: string;
  ownerOrgId: string;
  category: string;
}

export interface OpenNeed {
  needId: string;
  title: string;
  category: string;
}

export interface NeedMatch {
  listingId: string;
  supplierOrgId: string;
  score: number;
  reasons: { code: string; detail: string }[];
}

/** The open demand of a park: aggregated into counts, never shown need by need. */
export interface DemandReader {
  /** Open needs delivered to the park whose category lies in the ISIC division, at most `limit`. */
  openNeedsInDivision(parkId: string, division: string, limit: number): Promise<DemandItem[]>;
}

export interface SupplyReader {
  /** A supplier's active listings, at most `limit`. */
  activeListings(orgId: string, limit: number): Promise<SupplyItem[]>;
}

export interface NeedMatchReader {
  /** A buyer's own open needs, at most `limit`. */
  openNeedsOf(orgId: string, limit: number): Promise<OpenNeed[]>;
  /** The ranked matches the market computed for a need. */
  matchesFor(needId: string): Promise<NeedMatch[]>;
}
