import { type Caller, type Clock, invalid, notFound, type PageRequest, requireRole } from '../core';
import { requireOperatorOf } from '../parks/operator';
import type { ParkService } from '../parks/park.service';
import type { ChainMap, EdgePage, Gap } from './chain-map';
import {
  awardedEdge,
  awardedRatios,
  declaredEdge,
  gapsOf,
  idleCapacityOf,
  localSourcing,
  nodesOf,
} from './figures';
import { currentPeriod, type MapPeriod, PeriodKey, parsePeriod, previousPeriod } from './period';
import type { ChainMapReader, MapPark } from './ports';
import { Field } from './sources';

/** Gaps listed, each with its nearest outside suppliers. */
const MAX_GAPS = 25;

/**
 * The park operator's production-chain map. Reading it is two Queries whatever the size of the
 * park: the park with everything current about its map (aggregates per category, the first page
 * of declared edges and idle capacity, the nearest outside suppliers per category), and the
 * period (its aggregates, the previous period's totals, the first page of awarded edges). With
 * no period asked for, the second waits for the park's time zone; otherwise both run at once.
 */
export class ChainMapService {
  constructor(
    private readonly reader: ChainMapReader,
    private readonly parks: ParkService,
    private readonly clock: Clock,
  ) {}

  async map(caller: Caller, parkId: string, periodKey?: string): Promise<ChainMap> {
    const op = requireRole(caller, 'operator');
    const asked = periodKey ? parsed(periodKey) : null;
    const [current, early] = await Promise.all([
      this.reader.current(parkId),
      asked ? this.reader.period(parkId, asked.key) : null,
    ]);
    const park = operated(op.orgId, current.park);
    const period = asked ?? currentPeriod(this.clock.now(), park.timeZone);
    const inPeriod = early ?? (await this.reader.period(parkId, period.key));
    const previous = previousPeriod(period);
    const { declared, idle } = current;
    const awardedRows = inPeriod.awarded.items.filter((r) => (r.fields[Field.deals] ?? 0) > 0);
    const allGaps = gapsOf(current.categories, inPeriod, period.kind, park.currency);
    const gaps: Gap[] = allGaps.slice(0, MAX_GAPS).map((g) => ({
      ...g,
      nearestOutsideSuppliers: current.nearest.get(g.category) ?? [],
    }));
    const sourcing = localSourcing(current.categories, inPeriod, period.kind);
    const previousRatios = awardedRatios(inPeriod.previousTotal);
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
      edgesNextCursor: { declared: declared.nextCursor, awarded: inPeriod.awarded.nextCursor },
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
        deals: inPeriod.previousTotal[Field.deals] ?? 0,
      },
    };
  }

  /**
   * The map and every further page of its edges, for the CSV export: the operator is checked once,
   * with the map; each further page is one Query.
   */
  async export(caller: Caller, parkId: string, periodKey?: string) {
    const map = await this.map(caller, parkId, periodKey);
    const reader = this.reader;
    const period = parsePeriod(map.period.key);
    async function* rest(): AsyncGenerator<EdgePage> {
      for (const kind of ['declared', 'awarded'] as const) {
        let cursor = map.edgesNextCursor[kind];
        while (cursor) {
          const page = await pageOf(reader, parkId, kind, period, { limit: 100, cursor });
          yield page;
          cursor = page.nextCursor;
        }
      }
    }
    return { map, rest: rest() };
  }

  /** Further edges of one kind, a page at a time. */
  async edges(
    caller: Caller,
    parkId: string,
    kind: 'declared' | 'awarded',
    periodKey: string | undefined,
    page: PageRequest,
  ): Promise<EdgePage> {
    const op = requireRole(caller, 'operator');
    const asked = periodKey ? parsed(periodKey) : null;
    const park = await this.parks.requireOperated(op.orgId, parkId);
    const period = asked ?? currentPeriod(this.clock.now(), park.timeZone);
    return pageOf(this.reader, parkId, kind, period, page);
  }
}

async function pageOf(
  reader: ChainMapReader,
  parkId: string,
  kind: 'declared' | 'awarded',
  period: MapPeriod,
  page: PageRequest,
): Promise<EdgePage> {
  if (kind === 'declared') {
    const res = await reader.declaredEdges(parkId, page);
    return {
      items: res.items.map((r) => declaredEdge(r, period.kind)),
      nodes: nodesOf(res.items, []),
      nextCursor: res.nextCursor,
    };
  }
  const res = await reader.awardedEdges(parkId, period.key, page);
  const rows = res.items.filter((r) => (r.fields[Field.deals] ?? 0) > 0);
  return { items: rows.map(awardedEdge), nodes: nodesOf([], rows), nextCursor: res.nextCursor };
}

function parsed(periodKey: string): MapPeriod {
  const result = PeriodKey.safeParse(periodKey);
  if (!result.success)
    throw invalid('chain_map.period_invalid', 'Unknown period.', [
      { path: 'period', message: result.error.issues[0]?.message ?? 'Invalid period.' },
    ]);
  return parsePeriod(periodKey);
}

/** Only the park's operator: another park's operator is refused (403); an unknown park is 404. */
function operated(operatorOrgId: string, park: MapPark | null): MapPark {
  if (!park) throw notFound('park');
  requireOperatorOf(park, operatorOrgId);
  return park;
}
