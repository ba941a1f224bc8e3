import { z } from 'zod';
import { localizedCategories as categories } from '../categories/isic-rev4-localized';
import type { Listing } from '../listings/listing';
import { searchTextOf } from '../matching/search-text';
import { type Certificate, CertificateKind, isHeld } from '../orgs/certificate';
import { isActiveAs, type Membership } from '../orgs/membership';
import type { Org } from '../orgs/org';
import { GeoPoint } from '../shared/geo';
import { LANGS, LocalizedText } from '../shared/locale';

/** At most this many of a supplier's active listings shape its directory entry (a bounded read). */
export const ENTRY_LISTINGS = 100;
/** At most this many distinct categories are kept on an entry. */
export const ENTRY_CATEGORIES = 40;

/**
 * A firm in the supplier directory: an organisation with at least one approved, unsuspended
 * supplier membership, with what a buyer looks for (where it is, what it supplies, which
 * certificates an operator verified). Rebuilt from its sources whenever one of them changes.
 */
export const SupplierEntry = z
  .object({
    orgId: z.string(),
    name: z.string(),
    names: LocalizedText.optional(),
    country: z.string(),
    city: z.string().optional(),
    location: GeoPoint.optional(),
    website: z.string().optional(),
    /** Parks the firm is approved to supply. */
    parkIds: z.array(z.string()),
    /** ISIC classes of its active listings, most listed first. */
    categories: z.array(z.string()),
    listingCount: z.number().int(),
    /** Verified, unexpired certificates only: a claim nobody checked is not shown. */
    certificates: z.array(z.object({ kind: CertificateKind, validUntil: z.string() })),
    updatedAt: z.string(),
  })
  .meta({ id: 'SupplierEntry' });
export type SupplierEntry = z.infer<typeof SupplierEntry>;

export interface SupplierSources {
  org: Org;
  memberships: readonly Membership[];
  activeListings: readonly Pick<Listing, 'category' | 'title' | 'status'>[];
  certificates: readonly Certificate[];
}

/** The entry a firm has in the directory now, or null when it is not an approved supplier anywhere. */
export function supplierEntryOf(s: SupplierSources, now: Date): SupplierEntry | null {
  const parkIds = s.memberships.filter((m) => isActiveAs(m, 'supplier')).map((m) => m.parkId);
  if (!parkIds.length || !s.org.kinds.includes('supplier')) return null;
  const listings = s.activeListings.filter((l) => l.status === 'active');
  const counts = new Map<string, number>();
  for (const l of listings) counts.set(l.category, (counts.get(l.category) ?? 0) + 1);
  const held = new Map<string, string>();
  for (const c of s.certificates) {
    if (!isHeld(c, now)) continue;
    const prev = held.get(c.kind);
    if (!prev || prev < c.validUntil) held.set(c.kind, c.validUntil);
  }
  const { org } = s;
  return {
    orgId: org.orgId,
    name: org.name,
    ...(org.names ? { names: org.names } : {}),
    country: org.country,
    ...(org.city ? { city: org.city } : {}),
    ...(org.location ? { location: org.location } : {}),
    ...(org.website ? { website: org.website } : {}),
    parkIds: [...new Set(parkIds)].sort(),
    categories: [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, ENTRY_CATEGORIES)
      .map(([code]) => code),
    listingCount: listings.length,
    certificates: [...held]
      .map(([kind, validUntil]) => ({ kind: kind as Certificate['kind'], validUntil }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    updatedAt: now.toISOString(),
  };
}

/**
 * What the directory is filtered by, stored beside the entry: every category code with all its
 * ancestors (so a section, division or group finds the classes under it with one `contains`), the
 * certificate kinds, and the words a firm is found by: its names, its listings' titles and its
 * categories' titles in all five languages (a Persian reader finds a steel supplier by «فولاد»
 * whatever language its listings are written in), normalised like every search.
 */
export function supplierFilterFields(entry: SupplierEntry, listingTitles: readonly string[]) {
  const categoryKeys = new Set<string>();
  for (const code of entry.categories) {
    categoryKeys.add(code);
    for (const a of categories.ancestors(code)) categoryKeys.add(a.code);
  }
  const categoryTitles = entry.categories.flatMap((code) =>
    LANGS.map((lang) => categories.title(code, lang) ?? ''),
  );
  return {
    categoryKeys: [...categoryKeys].sort(),
    certificateKinds: entry.certificates.map((c) => c.kind),
    searchText: searchTextOf(
      entry.name,
      ...Object.values(entry.names ?? {}),
      entry.city,
      ...listingTitles,
      ...categoryTitles,
    ),
  };
}
