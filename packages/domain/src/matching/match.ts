import { z } from 'zod';

/** Why a listing ranks where it does (or was left out): a stable code and a short human detail. */
export const MatchReason = z
  .object({
    code: z.string().describe('Stable, machine-readable: category.exact, distance.same_park, …'),
    detail: z.string(),
    points: z.number().optional().describe('What this component added to the score.'),
  })
  .meta({ id: 'MatchReason' });
export type MatchReason = z.infer<typeof MatchReason>;

export const MatchLevel = z.enum(['exact', 'group', 'division']);

/** A ranked pairing of a need with a listing. */
export const Match = z.object({
  needId: z.string(),
  listingId: z.string(),
  supplierOrgId: z.string(),
  score: z.int().min(0).max(100),
  level: MatchLevel,
  distanceKm: z.number().nullable(),
  reasons: z.array(MatchReason),
  computedAt: z.string(),
  /**
   * Copies that spare the owner's list a read of every listing and supplier: what it shows, and
   * whose need it is (for the owner check, and a buyer's matches across its needs). Matching
   * writes them with the match and rewrites them when the need's title, the listing or the
   * supplier's name changes; absent on matches written before the copies.
   */
  listingTitle: z.string().optional(),
  listingKind: z.string().optional(),
  supplierName: z.string().optional(),
  needOwnerOrgId: z.string().optional(),
  /** The need's title, for a buyer's matches across its needs (booth recommendations). */
  needTitle: z.string().optional(),
});
export type Match = z.infer<typeof Match>;

/** A supplier's inbox row: an open need that one or more of its listings match, at the best score. */
export const InboxEntry = z.object({
  needId: z.string(),
  supplierOrgId: z.string(),
  score: z.int().min(0).max(100),
  bestListingId: z.string(),
  listingIds: z.array(z.string()),
  reasons: z.array(MatchReason),
  matchedAt: z.string(),
  notifiedAt: z.string().nullable(),
});
export type InboxEntry = z.infer<typeof InboxEntry>;

/** One inbox row per (supplier, need): the best of that supplier's matches carries the row. */
export function inboxEntryFor(
  matches: readonly Match[],
  previous: Pick<InboxEntry, 'notifiedAt'> | null,
): InboxEntry | null {
  const sorted = [...matches].sort(byRank);
  const best = sorted[0];
  if (!best) return null;
  return {
    needId: best.needId,
    supplierOrgId: best.supplierOrgId,
    score: best.score,
    bestListingId: best.listingId,
    listingIds: sorted.map((m) => m.listingId),
    reasons: best.reasons,
    matchedAt: best.computedAt,
    notifiedAt: previous?.notifiedAt ?? null,
  };
}

/** Best first; ties by listing id so the order is stable. */
export const byRank = (a: Pick<Match, 'score' | 'listingId'>, b: Pick<Match, 'score' | 'listingId'>) =>
  b.score - a.score || (a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0);
