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
}

export interface NeedMatch {
  listingId: string;
  supplierOrgId: string;
  score: number;
  reasons: { code: string; detail: string }[];
}

/**
 * A supplier's active listings and a park's open demand in the given ISIC divisions, read
 * together (both are kept by key, per division). Demand is aggregated into counts, never shown
 * need by need.
 */
export interface SupplyDemandReader {
  supplyAndDemand(
    orgId: string,
    parkId: string,
    divisions: readonly string[],
  ): Promise<{ supply: SupplyItem[]; demand: DemandItem[] }>;
}

/** One match of one of a buyer's open needs. */
export interface BuyerMatch {
  need: OpenNeed;
  match: NeedMatch;
}

export interface NeedMatchReader {
  /** The ranked matches the market computed for a buyer's open needs, of these suppliers only. */
  matchesOfBuyer(orgId: string, supplierOrgIds: readonly string[]): Promise<BuyerMatch[]>;
}
