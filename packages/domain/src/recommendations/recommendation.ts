import { z } from 'zod';
import { categories } from '../categories/isic-rev4';
import { ExhibitorProfile } from '../expos/floorplan';
import type { DemandItem, NeedMatch, OpenNeed, SupplyItem } from './ports';

export const RecommendationReason = z.object({
  /** Stable: theme.match, demand.open_needs, demand.none, slots.available, slots.none_free, need.match, … */
  code: z.string(),
  detail: z.string(),
});
export type RecommendationReason = z.infer<typeof RecommendationReason>;

export const PavilionRecommendation = z.object({
  pavilionId: z.string(),
  name: z.string(),
  themes: z.array(z.string()),
  /** The categories where the supplier's listings meet the pavilion's themes (the narrower code of each pair). */
  categories: z.array(z.string()),
  matchedListingIds: z.array(z.string()),
  demand: z.object({ openNeeds: z.int(), tenants: z.int() }),
  slots: z.object({ total: z.int(), available: z.int() }),
  reasons: z.array(RecommendationReason),
});
export type PavilionRecommendation = z.infer<typeof PavilionRecommendation>;

export const BoothRecommendation = z.object({
  pavilionId: z.string(),
  pavilionName: z.string(),
  slotId: z.string(),
  sliceId: z.string().nullable(),
  code: z.string(),
  exhibitor: ExhibitorProfile,
  /** The best match score (0–100) of the exhibitor's listings for one of the caller's open needs. */
  score: z.int(),
  needs: z.array(z.object({ needId: z.string(), title: z.string(), score: z.int(), listingId: z.string() })),
  reasons: z.array(RecommendationReason),
});
export type BoothRecommendation = z.infer<typeof BoothRecommendation>;

export const Recommendations = z.object({
  expoId: z.string(),
  generatedAt: z.string(),
  /** For a supplier: pavilions to exhibit in, by the park's open demand for what it sells. */
  pavilions: z.array(PavilionRecommendation),
  /** For a tenant: booked booths of suppliers whose listings match its open needs. */
  booths: z.array(BoothRecommendation),
});
export type Recommendations = z.infer<typeof Recommendations>;

/** ISIC codes are prefix-hierarchical: two codes are related when one lies under the other. */
export const related = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);
const narrower = (a: string, b: string): string => (a.length >= b.length ? a : b);
const titled = (code: string) => `${code} ${categories.title(code, 'en') ?? ''}`.trim();
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface PavilionFacts {
  pavilionId: string;
  name: string;
  themes: string[];
  slots: { total: number; available: number };
}

/**
 * Pavilions whose themes meet the supplier's listings, ranked by the park's open demand in the
 * categories where they meet: open needs first, then distinct tenants asking, then how many of its
 * listings fit, then free slots. Pavilions its listings do not meet are left out.
 */
export function rankPavilions(
  pavilions: PavilionFacts[],
  listings: SupplyItem[],
  demand: DemandItem[],
): PavilionRecommendation[] {
  const ranked: PavilionRecommendation[] = [];
  for (const p of pavilions) {
    const pairs = p.themes.flatMap((theme) =>
      listings.filter((l) => related(l.category, theme)).map((l) => ({ theme, listing: l })),
    );
    if (!pairs.length) continue;
    const codes = [...new Set(pairs.map((x) => narrower(x.theme, x.listing.category)))].sort();
    const needs = demand.filter((n) => codes.some((c) => related(n.category, c)));
    const tenants = new Set(needs.map((n) => n.ownerOrgId)).size;
    const listingIds = [...new Set(pairs.map((x) => x.listing.listingId))];
    const reasons: RecommendationReason[] = [];
    for (const { theme, listing } of pairs.slice(0, 5)) {
      reasons.push({
        code: 'theme.match',
        detail: `Your listing “${listing.title}” (${listing.category}) meets the pavilion’s theme ${titled(theme)}.`,
      });
    }
    reasons.push(
      needs.length
        ? {
            code: 'demand.open_needs',
            detail: `${plural(needs.length, 'open need', 'open needs')} from ${plural(tenants, 'tenant', 'tenants')} of the park in ${codes.join(', ')}.`,
          }
        : { code: 'demand.none', detail: `No open needs in ${codes.join(', ')} in this park yet.` },
    );
    reasons.push(
      p.slots.available
        ? { code: 'slots.available', detail: `${p.slots.available} of ${p.slots.total} slots are free.` }
        : { code: 'slots.none_free', detail: 'No slot is free now: join a waitlist.' },
    );
    ranked.push({
      pavilionId: p.pavilionId,
      name: p.name,
      themes: p.themes,
      categories: codes,
      matchedListingIds: listingIds,
      demand: { openNeeds: needs.length, tenants },
      slots: p.slots,
      reasons,
    });
  }
  return ranked.sort(
    (a, b) =>
      b.demand.openNeeds - a.demand.openNeeds ||
      b.demand.tenants - a.demand.tenants ||
      b.matchedListingIds.length - a.matchedListingIds.length ||
      b.slots.available - a.slots.available ||
      a.name.localeCompare(b.name),
  );
}

export interface BookedBooth {
  pavilionId: string;
  pavilionName: string;
  slotId: string;
  sliceId: string | null;
  code: string;
  exhibitor: z.infer<typeof ExhibitorProfile>;
}

/**
 * Booked booths whose exhibitors the market matched to the tenant's open needs, best match first
 * (then the number of needs it answers). The reasons are the matching's own for the best match.
 */
export function rankBooths(
  booths: BookedBooth[],
  needs: OpenNeed[],
  matches: Map<string, NeedMatch[]>,
  tenantOrgId: string,
): BoothRecommendation[] {
  const ranked: BoothRecommendation[] = [];
  for (const booth of booths) {
    if (booth.exhibitor.orgId === tenantOrgId) continue;
    const answered = needs.flatMap((need) => {
      const best = (matches.get(need.needId) ?? [])
        .filter((m) => m.supplierOrgId === booth.exhibitor.orgId)
        .sort((a, b) => b.score - a.score)[0];
      return best ? [{ need, match: best }] : [];
    });
    if (!answered.length) continue;
    answered.sort((a, b) => b.match.score - a.match.score);
    const top = answered[0]!;
    ranked.push({
      ...booth,
      score: top.match.score,
      needs: answered.map(({ need, match }) => ({
        needId: need.needId,
        title: need.title,
        score: match.score,
        listingId: match.listingId,
      })),
      reasons: [
        ...answered.map(({ need, match }) => ({
          code: 'need.match',
          detail: `Matches your open need “${need.title}” with a score of ${match.score}.`,
        })),
        ...top.match.reasons,
      ],
    });
  }
  return ranked.sort(
    (a, b) => b.score - a.score || b.needs.length - a.needs.length || a.code.localeCompare(b.code),
  );
}
