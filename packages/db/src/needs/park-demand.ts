import { divisionOf } from '@parkbridge/domain/matching';
import type { Need } from '@parkbridge/domain/needs';
import type { Db, TxItem } from '../core';
import { type RosterKey, rosterMove } from '../core/roster';

/**
 * A park's open demand, one roster per ISIC division: `DEMAND#<parkId>` / `DIV#<division>`, one
 * attribute `n_<needId>` = `{ c: category, o: ownerOrgId }` per open need delivered to the park
 * (short names: a roster holds thousands). It is what gsi2 `PARK#<parkId>#NEEDS#open` holds,
 * grouped by division, so pavilion recommendations read a park's demand by key, beside other
 * rosters, in one BatchGetItem. Kept by the same writes that keep the need's index keys: the
 * market's own saves (in their transaction) and `refreshIndex` after another context's update.
 */
export const DEMAND_PREFIX = 'n_';

export const demandKey = (parkId: string, division: string): RosterKey => ({
  pk: `DEMAND#${parkId}`,
  sk: `DIV#${division}`,
});

export interface DemandEntry {
  /** The need's category. */
  c: string;
  /** The buyer. */
  o: string;
}

const keyOf = (n: Pick<Need, 'parkId' | 'category'>) => demandKey(n.parkId, divisionOf(n.category));

/**
 * The roster writes for a need going from `prev` (as read; null when new) to `next`. Park and
 * category change only through the market's own saves, so `prev`'s roster is where the need was
 * recorded, if anywhere (even when another context closed it meanwhile). Each write rewrites the
 * roster item, so it costs write units by the roster's size (2 WCU per KB in a transaction): the
 * price of reading a park's demand by key. A save that leaves the need's entry as it was (an open
 * need amended, extended or re-indexed in place) writes nothing to the roster.
 */
export function demandWrites(
  db: Db,
  next: Pick<Need, 'needId' | 'status' | 'parkId' | 'category' | 'ownerOrgId'>,
  prev: Pick<Need, 'parkId' | 'category' | 'status' | 'ownerOrgId'> | null,
): TxItem[] {
  const unchanged =
    prev?.status === 'open' &&
    next.status === 'open' &&
    prev.parkId === next.parkId &&
    prev.category === next.category &&
    prev.ownerOrgId === next.ownerOrgId;
  if (unchanged) return [];
  const entry: DemandEntry = { c: next.category, o: next.ownerOrgId };
  return rosterMove(
    db,
    'park-demand',
    `${DEMAND_PREFIX}${next.needId}`,
    // A draft was never on a roster (only open needs are, and no need returns to draft).
    prev && prev.status !== 'draft' ? keyOf(prev) : null,
    next.status === 'open' ? { key: keyOf(next), value: entry } : null,
  );
}
