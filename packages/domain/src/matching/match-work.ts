/**
 * Matching in bounded steps. A need's candidates, a listing's candidates and a supplier's listings
 * grow with the country; a stream record handles one page of them and leaves the rest as a work
 * item (an item on the table whose own stream record carries on), so no record's work grows with
 * the data and the pages of one run are handled in parallel with other records.
 */
export interface MatchStep {
  /** `sweep`: the existing matches are checked page by page; `match`: candidates are read and scored. */
  phase: 'sweep' | 'match';
  /** The candidate tier being read (match), or the farthest tier a kept match may come from (sweep). */
  tier: number;
  cursor?: string | undefined;
  /** Matches found so far in the run (a need widens its tiers only while short of the target). */
  found?: number | undefined;
  /** Candidates read so far (a listing's budget). */
  read?: number | undefined;
}

export type MatchWork =
  | { kind: 'match-need'; needId: string; step?: MatchStep | undefined }
  | { kind: 'match-listing'; listingId: string; step?: MatchStep | undefined }
  | { kind: 'rematch-supplier'; orgId: string; cursor?: string | undefined };

/** Where the next steps of a run are left: the table, whose stream hands each to the matching consumer. */
export interface MatchWorkQueue {
  /** Idempotent per (source, work): a redelivered record leaves no second copy. */
  enqueue(sourceId: string, work: readonly MatchWork[]): Promise<void>;
}
