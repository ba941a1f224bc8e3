import type { Listing } from '@parkbridge/domain/listings';
import { divisionOf } from '@parkbridge/domain/matching';
import type { Db, TxItem } from '../core';
import { type RosterKey, rosterMove } from '../core/roster';

/**
 * A supplier's active listings, one roster per ISIC division: `SUPPLY#<orgId>` / `DIV#<division>`,
 * one attribute `l_<listingId>` = `{ t: title, c: category }` per active listing. Pavilion
 * recommendations read it by key beside the park's demand (one BatchGetItem). Kept in the
 * listing's own transaction by every save that changes the entry (listings are written nowhere
 * else).
 */
export const SUPPLY_PREFIX = 'l_';

export const supplyKey = (orgId: string, division: string): RosterKey => ({
  pk: `SUPPLY#${orgId}`,
  sk: `DIV#${division}`,
});

export interface SupplyEntry {
  /** The listing's title. */
  t: string;
  /** Its category. */
  c: string;
}

const keyOf = (l: Pick<Listing, 'supplierOrgId' | 'category'>) =>
  supplyKey(l.supplierOrgId, divisionOf(l.category));

export function supplyWrites(
  db: Db,
  next: Pick<Listing, 'listingId' | 'status' | 'supplierOrgId' | 'category' | 'title'>,
  prev: Pick<Listing, 'status' | 'supplierOrgId' | 'category' | 'title'> | null,
): TxItem[] {
  const unchanged =
    prev?.status === 'active' &&
    next.status === 'active' &&
    prev.supplierOrgId === next.supplierOrgId &&
    prev.category === next.category &&
    prev.title === next.title;
  if (unchanged) return [];
  const entry: SupplyEntry = { t: next.title, c: next.category };
  return rosterMove(
    db,
    'supplier-supply',
    `${SUPPLY_PREFIX}${next.listingId}`,
    prev ? keyOf(prev) : null,
    next.status === 'active' ? { key: keyOf(next), value: entry } : null,
  );
}
