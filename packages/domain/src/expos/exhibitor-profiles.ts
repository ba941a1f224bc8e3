import type { ExhibitorOrgProfile, FloorExhibitor } from '../bookings/claim';
import type { Org } from '../orgs/org';

/** The public part of an organisation that a booked booth shows. */
export function exhibitorProfileOf(
  org: Pick<Org, 'name' | 'country' | 'city' | 'website'>,
): ExhibitorOrgProfile {
  return {
    name: org.name,
    country: org.country,
    ...(org.city ? { city: org.city } : {}),
    ...(org.website ? { website: org.website } : {}),
  };
}

/** Whether the copy on a claim still says what the organisation's profile says. */
export const sameProfile = (a: ExhibitorOrgProfile | undefined, b: ExhibitorOrgProfile): boolean =>
  !!a &&
  a.name === b.name &&
  a.country === b.country &&
  (a.city ?? null) === (b.city ?? null) &&
  (a.website ?? null) === (b.website ?? null);

/** The exhibitor with its organisation's current profile. */
export const withProfile = (e: FloorExhibitor, profile: ExhibitorOrgProfile): FloorExhibitor => ({
  ...e,
  profile,
});
