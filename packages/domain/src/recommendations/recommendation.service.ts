import { type Caller, hasRole, notFound, requireRole } from '../core';
import type { Clock } from '../core/clock';
import { buildFloorPlan } from '../expos/floorplan';
import type { ExpoRepository } from '../expos/ports';
import { divisionOf } from '../matching/category-tiers';
import type { NeedMatch, NeedMatchReader, OpenNeed, SupplyDemandReader } from './ports';
import { type BookedBooth, type Recommendations, rankBooths, rankPavilions, related } from './recommendation';

/**
 * Pavilions for suppliers, booths for tenants; an organisation that is both gets both. A supplier's
 * ranking costs two reads (the expo's floor; its supply and the park's demand in the pavilions'
 * divisions, by key), a tenant's two (the floor; its needs' matches of the exhibitors).
 */
export class RecommendationService {
  constructor(
    private readonly expos: ExpoRepository,
    private readonly supplyDemand: SupplyDemandReader,
    private readonly matching: NeedMatchReader,
    private readonly clock: Clock,
  ) {}

  async forCaller(caller: Caller, expoId: string): Promise<Recommendations> {
    const firm = requireRole(caller, 'tenant', 'supplier');
    const floor = await this.expos.floor(expoId);
    const expo = floor.expo;
    if (!expo) throw notFound('expo');
    const now = this.clock.now();
    const plan = buildFloorPlan(expoId, floor, firm.orgId, now);

    let pavilions: Recommendations['pavilions'] = [];
    if (hasRole(caller, 'supplier')) {
      // Related ISIC codes share their division: only the pavilions' divisions can meet a listing.
      const themes = plan.pavilions.flatMap((p) => p.themes);
      const divisions = [...new Set(themes.map(divisionOf))];
      const { supply, demand } = divisions.length
        ? await this.supplyDemand.supplyAndDemand(firm.orgId, expo.parkId, divisions)
        : { supply: [], demand: [] };
      const listings = supply.filter((l) => themes.some((t) => related(l.category, t)));
      pavilions = rankPavilions(
        plan.pavilions.map((p) => ({
          pavilionId: p.pavilionId,
          name: p.name,
          themes: p.themes,
          slots: { total: p.slots.length, available: p.slots.filter((s) => s.status === 'available').length },
        })),
        listings,
        demand,
      );
    }

    let booths: Recommendations['booths'] = [];
    if (hasRole(caller, 'tenant')) {
      const booked: BookedBooth[] = plan.pavilions.flatMap((p) =>
        p.slots.flatMap((s) => {
          const units = s.slices.length
            ? s.slices.map((x) => ({
                sliceId: x.sliceId as string | null,
                status: x.status,
                exhibitor: x.exhibitor,
              }))
            : [{ sliceId: null, status: s.status, exhibitor: s.exhibitor }];
          return units.flatMap((u) =>
            u.status === 'booked' && u.exhibitor
              ? [
                  {
                    pavilionId: p.pavilionId,
                    pavilionName: p.name,
                    slotId: s.slotId,
                    sliceId: u.sliceId,
                    code: s.code,
                    exhibitor: u.exhibitor,
                  },
                ]
              : [],
          );
        }),
      );
      const exhibitors = [...new Set(booked.map((b) => b.exhibitor.orgId))].filter((o) => o !== firm.orgId);
      if (exhibitors.length) {
        const found = await this.matching.matchesOfBuyer(firm.orgId, exhibitors);
        const needs = new Map<string, OpenNeed>();
        const matches = new Map<string, NeedMatch[]>();
        for (const { need, match } of found) {
          needs.set(need.needId, need);
          matches.set(need.needId, [...(matches.get(need.needId) ?? []), match]);
        }
        // Newest need first (ids are time-ordered), so equal scores rank as the buyer's own list does.
        const newestFirst = [...needs.values()].sort((a, b) => (a.needId < b.needId ? 1 : -1));
        booths = rankBooths(booked, newestFirst, matches, firm.orgId);
      }
    }
    return { expoId, generatedAt: now.toISOString(), pavilions, booths };
  }
}
