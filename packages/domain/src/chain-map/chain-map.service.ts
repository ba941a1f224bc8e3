import { type Caller, type Clock, invalid, type PageRequest, requireRole } from '../core';
import { isActiveAs } from '../orgs/membership';
import type { ParkService } from '../parks/park.service';
import type { ChainMap, EdgePage, Gap } from './chain-map';
import type { ParkFacts } from './facts';
import {
  awardedEdge,
  awardedRatios,
  declaredEdge,
  gapsOf,
  idleCapacityOf,
  localSourcing,
  nearestOutside,
  nodesOf,
} from './figures';
import { currentPeriod, type MapPeriod, PeriodKey, parsePeriod, previousPeriod } from './period';
import type { ChainMapReader, ChainMapSources } from './ports';
import { Field } from './sources';

export interface ChainMapLimits {
  /** Edges of each kind in the map itself; the rest are paged. */
  edges: number;
  idle: number;
  /** Gaps listed; the nearest outside suppliers are looked up for the first `gapsWithSuppliers`. */
  gaps: number;
  gapsWithSuppliers: number;
  candidatesPerGap: number;
}

export const DEFAULT_LIMITS: ChainMapLimits = {
  edges: 100,
  idle: 50,
  gaps: 25,
  gapsWithSuppliers: 5,
  candidatesPerGap: 50,
};

/**
 * The park operator's production-chain map. Reading it is a fixed number of reads whatever the size
 * of the park: the aggregates (one Query for what is current, one per period), one page of each
 * edge kind and of idle capacity, and the outside suppliers of the top gaps.
 */
export class ChainMapService {
  constructor(
    private readonly reader: ChainMapReader,
    private readonly sources: ChainMapSources,
    private readonly parks: ParkService,
    private readonly clock: Clock,
    private readonly limits: ChainMapLimits = DEFAULT_LIMITS,
  ) {}

  async map(caller: Caller, parkId: string, periodKey?: string): Promise<ChainMap> {
    const { park, period } = await this.scope(caller, parkId, periodKey);
    const previous = previousPeriod(period);
    const [current, inPeriod, before, declared, awarded, idle] = await Promise.all([
      this.reader.current(parkId),
      this.reader.period(parkId, period.key),
      this.reader.period(parkId, previous.key),
      this.reader.declaredEdges(parkId, { limit: this.limits.edges }),
      this.reader.awardedEdges(parkId, period.key, { limit: this.limits.edges }),
      this.reader.idleRows(parkId, { limit: this.limits.idle }),
    ]);
    const awardedRows = awarded.items.filter((r) => (r.fields[Field.deals] ?? 0) > 0);
    const allGaps = gapsOf(current.categories, inPeriod, period.kind, park.currency);
    const gaps = await this.withSuppliers(park, allGaps.slice(0, this.limits.gaps));
    const sourcing = localSourcing(current.categories, inPeriod, period.kind);
    const previousRatios = awardedRatios(before.total);
    const info = (p: MapPeriod) => ({ key: p.key, kind: p.kind, timeZone: park.timeZone });
    return {
      parkId,
      period: info(period),
      summary: {
        tenants: current.summary[Field.tenants] ?? 0,
        chains: current.summary[Field.chains] ?? 0,
        declaredInputs: current.categories.reduce((n, c) => n + (c.fields[Field.declaredInputs] ?? 0), 0),
        deals: inPeriod.total[Field.deals] ?? 0,
        dealsInPark: inPeriod.total[Field.dealsInPark] ?? 0,
        gaps: allGaps.length,
        idleCapacityListings: current.categories.reduce((n, c) => n + (c.fields[Field.idleListings] ?? 0), 0),
      },
      nodes: nodesOf(declared.items, awardedRows),
      edges: [...declared.items.map((r) => declaredEdge(r, period.kind)), ...awardedRows.map(awardedEdge)],
      edgesNextCursor: { declared: declared.nextCursor, awarded: awarded.nextCursor },
      localSourcingRatio: sourcing,
      gaps,
      idleCapacity: idle.items.map((r) => idleCapacityOf(r, current.categories, inPeriod, period.kind)),
      idleCapacityNextCursor: idle.nextCursor,
      trend: {
        period: info(previous),
        awarded: previousRatios,
        ratioChange: sourcing.awarded.map((now) => {
          const then = previousRatios.find((r) => r.currency === now.currency)?.ratio ?? null;
          return {
            currency: now.currency,
            change:
              now.ratio === null || then === null ? null : Math.round((now.ratio - then) * 10_000) / 10_000,
          };
        }),
        deals: before.total[Field.deals] ?? 0,
      },
    };
  }

  /** Further edges of one kind, a page at a time (the CSV export reads them all this way). */
  async edges(
    caller: Caller,
    parkId: string,
    kind: 'declared' | 'awarded',
    periodKey: string | undefined,
    page: PageRequest,
  ): Promise<EdgePage> {
    const { period } = await this.scope(caller, parkId, periodKey);
    if (kind === 'declared') {
      const res = await this.reader.declaredEdges(parkId, page);
      return {
        items: res.items.map((r) => declaredEdge(r, period.kind)),
        nodes: nodesOf(res.items, []),
        nextCursor: res.nextCursor,
      };
    }
    const res = await this.reader.awardedEdges(parkId, period.key, page);
    const rows = res.items.filter((r) => (r.fields[Field.deals] ?? 0) > 0);
    return { items: rows.map(awardedEdge), nodes: nodesOf([], rows), nextCursor: res.nextCursor };
  }

  /** Only the park's operator: a tenant or supplier is refused (403), as is another park's operator. */
  private async scope(caller: Caller, parkId: string, periodKey: string | undefined) {
    const op = requireRole(caller, 'operator');
    const stored = await this.parks.requireOperated(op.orgId, parkId);
    const park: ParkFacts = {
      parkId,
      country: stored.country,
      timeZone: stored.timeZone,
      location: stored.location,
      currency: stored.currency,
    };
    let period: MapPeriod;
    if (periodKey) {
      const parsed = PeriodKey.safeParse(periodKey);
      if (!parsed.success)
        throw invalid('chain_map.period_invalid', 'Unknown period.', [
          { path: 'period', message: parsed.error.issues[0]?.message ?? 'Invalid period.' },
        ]);
      period = parsePeriod(periodKey);
    } else period = currentPeriod(this.clock.now(), park.timeZone);
    return { park, period };
  }

  private async withSuppliers(park: ParkFacts, gaps: Omit<Gap, 'nearestOutsideSuppliers'>[]): Promise<Gap[]> {
    const top = gaps.slice(0, this.limits.gapsWithSuppliers);
    const candidates = await Promise.all(
      top.map((g) => this.sources.listingsInCategory(g.category, this.limits.candidatesPerGap)),
    );
    const supplierIds = [...new Set(candidates.flat().map((l) => l.supplierOrgId))];
    const [memberships, orgs] = await Promise.all([
      this.sources.membershipsIn(park.parkId, supplierIds),
      this.sources.orgs(supplierIds),
    ]);
    const inPark = new Set(
      [...memberships.values()].filter((m) => isActiveAs(m, 'tenant')).map((m) => m.orgId),
    );
    return gaps.map((g, i) =>
      i < top.length
        ? { ...g, nearestOutsideSuppliers: nearestOutside(park, candidates[i] ?? [], inPark, orgs) }
        : g,
    );
  }
}
