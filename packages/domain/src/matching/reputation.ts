/**
 * What matching knows of a supplier's track record. The bidding context owns ratings (deals rated
 * 1–5 by buyers) and responsiveness (how often a matched supplier bids); until it provides a
 * reader, every supplier is neutral, so nobody is ranked down for having no history.
 */
export interface SupplierReputation {
  /** Mean buyer rating, 1–5; null when there is none yet. */
  ratingAverage: number | null;
  ratingCount: number;
  /** Share of needs the supplier was matched to and bid on, 0–1; null when unknown. */
  responseRate: number | null;
}

export interface ReputationReader {
  read(orgIds: readonly string[]): Promise<Map<string, SupplierReputation>>;
}

export const NEUTRAL_REPUTATION: SupplierReputation = Object.freeze({
  ratingAverage: null,
  ratingCount: 0,
  responseRate: null,
});

/** The default until the bidding context implements ReputationReader. */
export const neutralReputationReader: ReputationReader = {
  async read(orgIds) {
    return new Map(orgIds.map((id) => [id, NEUTRAL_REPUTATION]));
  },
};

/** What the bidding context's reputation read model gives per organisation (structurally). */
export interface RatingsSource {
  getMany(
    orgIds: readonly string[],
  ): Promise<Map<string, { asSupplier: { averageRating: number | null; ratingCount: number } }>>;
}

/**
 * Matching's reader over the bidding context's ratings. Responsiveness stays neutral: ratings
 * say nothing about how often a supplier answers the needs it is matched to.
 */
export function reputationFromRatings(source: RatingsSource): ReputationReader {
  return {
    async read(orgIds) {
      const found = await source.getMany(orgIds);
      return new Map(
        orgIds.map((id) => {
          const s = found.get(id)?.asSupplier;
          return [
            id,
            s
              ? { ratingAverage: s.averageRating, ratingCount: s.ratingCount, responseRate: null }
              : NEUTRAL_REPUTATION,
          ];
        }),
      );
    },
  };
}
