import type { Listing } from '@parkbridge/domain/listings';
import { divisionOf } from '@parkbridge/domain/matching';

export const listingKey = (listingId: string) => ({ pk: `LISTING#${listingId}`, sk: 'LISTING' });

export const ALL_LISTINGS = 'LISTINGS';

/**
 * Index keys: only an active listing is in the market's indexes (sparse), so "active" is a key,
 * not a filter; its own supplier still finds a paused one.
 *
 * - gsi1 `LISTINGS#<division>` / `<category>#<listingId>`: matching candidates and category search
 * - gsi2 `PARK#<parkId>#LISTINGS` / `<category>#<listingId>`: listings serving from a park
 * - gsi3 `LISTINGS` / `<kind>#<category>#<listingId>`: the whole market, by kind then category
 * - gsi4 `ORG#<supplierOrgId>#LISTINGS` / `<listingId>`: a supplier's own (not withdrawn)
 */
export function listingIndexKeys(
  l: Pick<Listing, 'listingId' | 'status' | 'category' | 'parkId' | 'kind' | 'supplierOrgId'>,
) {
  const active = l.status === 'active';
  const inPark = active && !!l.parkId;
  return {
    gsi1pk: active ? `LISTINGS#${divisionOf(l.category)}` : undefined,
    gsi1sk: active ? `${l.category}#${l.listingId}` : undefined,
    gsi2pk: inPark ? `PARK#${l.parkId}#LISTINGS` : undefined,
    gsi2sk: inPark ? `${l.category}#${l.listingId}` : undefined,
    gsi3pk: active ? ALL_LISTINGS : undefined,
    gsi3sk: active ? `${l.kind}#${l.category}#${l.listingId}` : undefined,
    gsi4pk: l.status !== 'withdrawn' ? `ORG#${l.supplierOrgId}#LISTINGS` : undefined,
    gsi4sk: l.status !== 'withdrawn' ? l.listingId : undefined,
  };
}
