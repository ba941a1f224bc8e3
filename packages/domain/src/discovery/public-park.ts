import { z } from 'zod';
import { localizedCategories as isic } from '../categories/isic-rev4-localized';
import type { CategoryAggregate, Fields } from '../chain-map/ports';
import { Field } from '../chain-map/sources';
import type { Expo } from '../expos/expo';
import { divisionOf } from '../matching/category-tiers';
import type { Org } from '../orgs/org';
import { SelfDeclaredKind } from '../orgs/org';
import type { Park } from '../parks/park';
import { ParkKind } from '../parks/park';
import { GeoPoint } from '../shared/geo';
import { LocalizedText } from '../shared/locale';
import { SupplierEntry } from './supplier-entry';

/** A park as anyone may see it: no operator, no version, nothing but what a brochure says. */
export const PublicParkSummary = z
  .object({
    parkId: z.string(),
    name: z.string(),
    names: LocalizedText.optional(),
    kind: ParkKind,
    country: z.string(),
    city: z.string().optional(),
    location: GeoPoint,
    timeZone: z.string(),
    description: z.string().optional(),
  })
  .meta({ id: 'PublicParkSummary' });
export type PublicParkSummary = z.infer<typeof PublicParkSummary>;

export const PublicSector = z
  .object({
    division: z.string().describe('An ISIC division (two digits).'),
    titles: z
      .record(z.string(), z.string())
      .describe('The division’s title in each of the five languages (a visitor has no token to look it up).'),
    inParkListings: z.number().int().describe('Active listings of firms located in the park.'),
    declaredInputs: z.number().int().describe('Inputs the park’s production chains declare.'),
    openNeeds: z.number().int().describe('Open needs for delivery to the park.'),
  })
  .meta({ id: 'PublicSector' });
export type PublicSector = z.infer<typeof PublicSector>;

export const PublicExpo = z
  .object({
    expoId: z.string(),
    name: z.string(),
    names: LocalizedText.optional(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string(),
    timeZone: z.string(),
  })
  .meta({ id: 'PublicExpo' });
export type PublicExpo = z.infer<typeof PublicExpo>;

export const PublicPark = PublicParkSummary.extend({
  memberFirms: z.number().int().describe('Firms located in the park (approved tenants).'),
  chains: z.number().int().describe('Production chains its firms declared.'),
  openNeeds: z.number().int(),
  sectors: z.array(PublicSector).describe('By ISIC division, busiest first.'),
  openExpos: z.array(PublicExpo).describe('Expos that have not ended, soonest first.'),
}).meta({ id: 'PublicPark' });
export type PublicPark = z.infer<typeof PublicPark>;

export const PublicFirm = SupplierEntry.pick({
  orgId: true,
  name: true,
  names: true,
  country: true,
  city: true,
  website: true,
})
  .extend({
    as: z
      .array(SelfDeclaredKind)
      .describe('What it is in this park: a tenant located there, a supplier serving it.'),
  })
  .meta({ id: 'PublicFirm' });
export type PublicFirm = z.infer<typeof PublicFirm>;

/** How many sectors and open expos a park's public page shows. */
export const PUBLIC_SECTORS = 30;
export const PUBLIC_EXPOS = 10;

export const publicParkSummaryOf = (p: Park): PublicParkSummary => ({
  parkId: p.parkId,
  name: p.name,
  ...(p.names ? { names: p.names } : {}),
  kind: p.kind,
  country: p.country,
  ...(p.city ? { city: p.city } : {}),
  location: p.location,
  timeZone: p.timeZone,
  ...(p.description ? { description: p.description } : {}),
});

export const publicExpoOf = (e: Expo): PublicExpo => ({
  expoId: e.expoId,
  name: e.name,
  ...(e.names ? { names: e.names } : {}),
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  venue: e.venue,
  timeZone: e.timeZone,
});

export const publicFirmOf = (o: Org, as: PublicFirm['as']): PublicFirm => ({
  orgId: o.orgId,
  name: o.name,
  ...(o.names ? { names: o.names } : {}),
  country: o.country,
  ...(o.city ? { city: o.city } : {}),
  ...(o.website ? { website: o.website } : {}),
  as,
});

const n = (f: Fields, k: string) => f[k] ?? 0;

/**
 * The chain map's counters per class, added up per division. Only counts leave: the aggregates'
 * samples of tenant names are never read here.
 */
export function sectorsOf(categories: readonly CategoryAggregate[]): PublicSector[] {
  const by = new Map<string, PublicSector>();
  for (const c of categories) {
    const division = divisionOf(c.category);
    const s = by.get(division) ?? {
      division,
      titles: isic.get(division)?.title ?? {},
      inParkListings: 0,
      declaredInputs: 0,
      openNeeds: 0,
    };
    s.inParkListings += n(c.fields, Field.inParkListings);
    s.declaredInputs += n(c.fields, Field.declaredInputs);
    s.openNeeds += n(c.fields, Field.openNeeds);
    by.set(division, s);
  }
  const weight = (s: PublicSector) => s.inParkListings + s.declaredInputs + s.openNeeds;
  return [...by.values()]
    .filter((s) => weight(s) > 0)
    .sort((a, b) => weight(b) - weight(a) || a.division.localeCompare(b.division))
    .slice(0, PUBLIC_SECTORS);
}
