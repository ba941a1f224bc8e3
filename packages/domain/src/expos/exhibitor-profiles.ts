import type { OrgRepository } from '../orgs/ports';
import { exhibitorOrgIds, type ProfileLookup } from './floorplan';
import type { FloorData } from './ports';

/** The public profiles of the organisations exhibiting on a floor (confirmed bookings only). */
export async function exhibitorProfiles(orgs: OrgRepository, data: FloorData): Promise<ProfileLookup> {
  const found = await orgs.getMany(exhibitorOrgIds(data));
  return new Map(
    found.map((o) => [
      o.orgId,
      {
        name: o.name,
        country: o.country,
        ...(o.city ? { city: o.city } : {}),
        ...(o.website ? { website: o.website } : {}),
      },
    ]),
  );
}
