import { type Caller, hasRole, notFound, requireRole } from '../core';
import type { Clock } from '../core/clock';
import { buildFloorPlan } from '../expos/floorplan';
import type { ExpoRepository } from '../expos/ports';
import type { DemandReader, NeedMatch, NeedMatchReader, SupplyReader } from './ports';
import { type BookedBooth, type Recommendations, rankBooths, rankPavilions, related } from './recommendation';

const MAX_LISTINGS = 100;
const MAX_NEEDS = 100;
const MAX_DEMAND_PER_DIVISION = 1000;

/** Pavilions for suppliers, booths for tenants; an organisation that is both gets both. */
export class RecommendationService {
  constructor(
    private readonly expos: ExpoRepository,
    private readonly demand: DemandReader,
    private readonly supply: SupplyReader,
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
      const listings = await this.supply.activeListings(firm.orgId, MAX_LISTINGS);
      // Related ISIC codes share their division: the park's demand is read one division at a time.
      const themes = plan.pavilions.flatMap((p) => p.themes);
      const divisions = [
        ...new Set(
          listings
            .filter((l) => themes.some((t) => related(l.category, t)))
            .map((l) => l.category.slice(0, 2)),
        ),
      ];
      const demand = (
        await Promise.all(
          divisions.map((d) => this.demand.openNeedsInDivision(expo.parkId, d, MAX_DEMAND_PER_DIVISION)),
        )
      ).flat();
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
      if (booked.length) {
        const needs = await this.matching.openNeedsOf(firm.orgId, MAX_NEEDS);
        const matches = new Map<string, NeedMatch[]>();
        for (let i = 0; i < needs.length; i += 10) {
          const chunk = needs.slice(i, i + 10);
          const found = await Promise.all(chunk.map((n) => this.matching.matchesFor(n.needId)));
          for (const [j, n] of chunk.entries()) matches.set(n.needId, found[j] ?? []);
        }
        booths = rankBooths(booked, needs, matches, firm.orgId);
      }
    }
    return { expoId, generatedAt: now.toISOString(), pavilions, booths };
  }
}
