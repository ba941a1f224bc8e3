import { categories } from '../categories/isic-rev4';
import type { Money } from '../core/money';
import type { Listing } from '../listings/listing';
import { distanceKm } from '../shared/geo';
import type {
  CurrencyRatio,
  Demand,
  Gap,
  IdleCapacity,
  LocalSourcing,
  MapEdge,
  MapNode,
  OutsideSupplier,
  UnitRatio,
} from './chain-map';
import { ORIGINS, type OrgFacts, type Origin, type ParkFacts } from './facts';
import { fromMilli, type MapPeriodKind, milliPerYearIn, PER_YEAR } from './period';
import type { AwardedEdgeRow, CategoryAggregate, Fields, PeriodAggregates } from './ports';
import { Field } from './sources';

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Every `<prefix><suffix>` field, as suffix → value (e.g. `aw:IRR` → IRR). */
function byPrefix(fields: Fields, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(fields))
    if (k.startsWith(prefix) && v) out.set(k.slice(prefix.length), v);
  return out;
}

const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Local sourcing of awards, per currency: in-park awarded value ÷ all awarded value. Never across currencies. */
export function awardedRatios(total: Fields): CurrencyRatio[] {
  const all = byPrefix(total, 'aw:');
  const inPark = byPrefix(total, 'awIn:');
  return sorted(all).map(([currency, amount]) => ({
    currency,
    inPark: { amount: inPark.get(currency) ?? 0, currency },
    total: { amount, currency },
    ratio: ratio(inPark.get(currency) ?? 0, amount),
    deals: total[`${Field.deals}:${currency}`] ?? 0,
    dealsInPark: total[`${Field.dealsInPark}:${currency}`] ?? 0,
  }));
}

/** Declared quantities per unit (per map period): the in-park part ÷ all, over the given categories. */
export function declaredRatios(cats: readonly CategoryAggregate[], kind: MapPeriodKind): UnitRatio[] {
  const inPark = new Map<string, number>();
  const all = new Map<string, number>();
  for (const c of cats) {
    for (const source of ORIGINS) {
      for (const [unit, milli] of byPrefix(c.fields, `decl:${source}:`)) {
        all.set(unit, (all.get(unit) ?? 0) + milli);
        if (source === 'in_park') inPark.set(unit, (inPark.get(unit) ?? 0) + milli);
      }
    }
  }
  return sorted(all).map(([unit, milli]) => ({
    unit,
    inPark: milliPerYearIn(inPark.get(unit) ?? 0, kind),
    total: milliPerYearIn(milli, kind),
    ratio: ratio(inPark.get(unit) ?? 0, milli),
  }));
}

export function localSourcing(
  current: readonly CategoryAggregate[],
  period: PeriodAggregates,
  kind: MapPeriodKind,
): LocalSourcing {
  const awardedIn = new Set(
    period.categories.filter((c) => (c.fields[Field.deals] ?? 0) > 0).map((c) => c.category),
  );
  return {
    awarded: awardedRatios(period.total),
    declared: declaredRatios(current, kind),
    declaredWithoutAward: declaredRatios(
      current.filter((c) => !awardedIn.has(c.category)),
      kind,
    ),
  };
}

const quantities = (m: Map<string, number>, show: (milli: number) => number) =>
  sorted(m).map(([unit, milli]) => ({ unit, quantity: show(milli) }));

/** The demand for one category: current declarations and open needs, and the period's outside awards. */
export function demandOf(
  current: CategoryAggregate | undefined,
  inPeriod: CategoryAggregate | undefined,
  kind: MapPeriodKind,
): Demand {
  const f = current?.fields ?? {};
  const declared = new Map<string, number>();
  for (const source of ORIGINS)
    for (const [unit, milli] of byPrefix(f, `decl:${source}:`))
      declared.set(unit, (declared.get(unit) ?? 0) + milli);
  return {
    tenants: f[Field.tenants] ?? 0,
    openNeeds: f[Field.openNeeds] ?? 0,
    declaredInputs: f[Field.declaredInputs] ?? 0,
    declared: quantities(declared, (m) => milliPerYearIn(m, kind)),
    openNeedQuantity: quantities(byPrefix(f, 'needQty:'), fromMilli),
    awardedFromOutside: sorted(byPrefix(inPeriod?.fields ?? {}, 'awOut:')).map(([currency, amount]) => ({
      amount,
      currency,
    })),
  };
}

/** Two codes are related when one lies under the other (2420 under 242 under 24). */
export const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

const outsideValueIn = (d: Demand, currency: string) =>
  d.awardedFromOutside.find((m) => m.currency === currency)?.amount ?? 0;

/**
 * The gaps: categories the park's tenants need (a declared input, an open need, or an outside award
 * in the period) that no firm located in the park lists (no active in-park listing in the category
 * or a related one). Ranked by tenants, then open needs, then declared inputs, then the value bought
 * from outside in the park's currency, then code.
 */
export function gapsOf(
  current: readonly CategoryAggregate[],
  period: PeriodAggregates,
  kind: MapPeriodKind,
  parkCurrency: string,
): Omit<Gap, 'nearestOutsideSuppliers'>[] {
  const listed = current.filter((c) => (c.fields[Field.inParkListings] ?? 0) > 0).map((c) => c.category);
  const cur = new Map(current.map((c) => [c.category, c]));
  const per = new Map(period.categories.map((c) => [c.category, c]));
  const codes = new Set([...cur.keys(), ...per.keys()]);
  const gaps: Omit<Gap, 'nearestOutsideSuppliers' | 'rank'>[] = [];
  for (const code of codes) {
    const demand = demandOf(cur.get(code), per.get(code), kind);
    const needed =
      demand.tenants > 0 ||
      demand.openNeeds > 0 ||
      demand.declaredInputs > 0 ||
      demand.awardedFromOutside.length > 0;
    if (!needed || listed.some((l) => related(l, code))) continue;
    gaps.push({
      category: code,
      title: categories.title(code, 'en'),
      demand,
      tenants: cur.get(code)?.tenants ?? [],
    });
  }
  gaps.sort(
    (a, b) =>
      b.demand.tenants - a.demand.tenants ||
      b.demand.openNeeds - a.demand.openNeeds ||
      b.demand.declaredInputs - a.demand.declaredInputs ||
      outsideValueIn(b.demand, parkCurrency) - outsideValueIn(a.demand, parkCurrency) ||
      (a.category < b.category ? -1 : 1),
  );
  return gaps.map((g, i) => ({ ...g, rank: i + 1 }));
}

/**
 * The nearest outside suppliers for a gap: active listings in the category (or under it) whose
 * supplier is not located in the park and whose service area reaches it, by great-circle distance
 * from the park (listings without a location last).
 */
export function nearestOutside(
  park: ParkFacts,
  listings: readonly Listing[],
  inParkOrgIds: ReadonlySet<string>,
  orgs: ReadonlyMap<string, OrgFacts>,
  limit = 3,
): OutsideSupplier[] {
  const best = new Map<string, OutsideSupplier>();
  for (const l of listings) {
    if (inParkOrgIds.has(l.supplierOrgId)) continue;
    const km = l.location ? Math.round(distanceKm(park.location, l.location) * 10) / 10 : null;
    const reaches =
      l.serviceArea.scope === 'national'
        ? l.country === park.country
        : l.serviceArea.scope === 'radius'
          ? km !== null && km <= (l.serviceArea.radiusKm ?? 0)
          : l.parkId === park.parkId;
    if (!reaches) continue;
    const org = orgs.get(l.supplierOrgId);
    const candidate: OutsideSupplier = {
      orgId: l.supplierOrgId,
      name: org?.name ?? l.supplierOrgId,
      listingId: l.listingId,
      title: l.title,
      category: l.category,
      origin: (org?.country ?? l.country) === park.country ? 'in_country' : 'imported',
      distanceKm: km,
    };
    const prev = best.get(l.supplierOrgId);
    if (!prev || (km ?? Infinity) < (prev.distanceKm ?? Infinity)) best.set(l.supplierOrgId, candidate);
  }
  return [...best.values()]
    .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || (a.orgId < b.orgId ? -1 : 1))
    .slice(0, limit);
}

/** An idle-capacity row with the park's demand in related categories beside it. */
export function idleCapacityOf(
  row: Record<string, unknown>,
  current: readonly CategoryAggregate[],
  period: PeriodAggregates,
  kind: MapPeriodKind,
): IdleCapacity {
  const code = String(row.category);
  const per = new Map(period.categories.map((c) => [c.category, c]));
  const demand = current
    .filter((c) => related(c.category, code))
    .map((c) => ({ category: c.category, ...demandOf(c, per.get(c.category), kind) }))
    .filter((d) => d.tenants > 0 || d.openNeeds > 0 || d.declaredInputs > 0);
  const capacity = Number(row.capacityPerPeriod);
  const periodOfRow = String(row.period) as keyof typeof PER_YEAR;
  return {
    listingId: String(row.listingId),
    supplier: { orgId: String(row.supplierOrgId), name: String(row.supplierName) },
    title: String(row.title),
    category: code,
    ...(row.machineClass ? { machineClass: String(row.machineClass) } : {}),
    capacityPerPeriod: capacity,
    unit: String(row.unit),
    period: periodOfRow,
    free: {
      unit: String(row.unit),
      quantity: Math.round(((capacity * PER_YEAR[periodOfRow]) / PER_YEAR[kind]) * 1000) / 1000,
    },
    ...(row.availableFrom ? { availableFrom: String(row.availableFrom) } : {}),
    ...(row.availableUntil ? { availableUntil: String(row.availableUntil) } : {}),
    demand,
  };
}

export const sourceNodeId = (origin: Origin) => `source:${origin}`;
const SOURCE_NAMES: Record<Origin, string> = {
  in_park: 'In the park (supplier not named)',
  in_country: 'Elsewhere in the country (supplier not named)',
  imported: 'Abroad (supplier not named)',
};

/** A declared input as an edge: from its named supplier, or from its source's bucket node. */
export function declaredEdge(row: Record<string, unknown>, kind: MapPeriodKind): MapEdge {
  const origin = row.source as Origin;
  const perYear = Number(row.quantity) * PER_YEAR[row.period as keyof typeof PER_YEAR];
  return {
    kind: 'declared',
    from: row.supplierOrgId ? String(row.supplierOrgId) : sourceNodeId(origin),
    to: String(row.buyerOrgId),
    category: String(row.category),
    origin,
    quantity: [{ unit: String(row.unit), quantity: Math.round((perYear / PER_YEAR[kind]) * 1000) / 1000 }],
    value: [],
    deals: 0,
    chainId: String(row.chainId),
    inputId: String(row.inputId),
  };
}

export function awardedEdge(row: AwardedEdgeRow): MapEdge {
  return {
    kind: 'awarded',
    from: row.labels.sellerOrgId as string,
    to: row.labels.buyerOrgId as string,
    category: row.labels.category as string,
    origin: row.labels.sellerOrigin as Origin,
    quantity: sorted(byPrefix(row.fields, 'q:')).map(([unit, milli]) => ({
      unit,
      quantity: fromMilli(milli),
    })),
    value: sorted(byPrefix(row.fields, 'v:')).map(([currency, amount]): Money => ({ amount, currency })),
    deals: row.fields[Field.deals] ?? 0,
  };
}

/** The nodes that the given edges touch: tenants (buyers), named suppliers, and source buckets. */
export function nodesOf(
  declared: readonly Record<string, unknown>[],
  awarded: readonly AwardedEdgeRow[],
): MapNode[] {
  const nodes = new Map<string, MapNode>();
  const put = (n: MapNode) => {
    const prev = nodes.get(n.id);
    // A firm that buys in the park is a tenant even where it also supplies.
    if (!prev || (n.kind === 'tenant' && prev.kind !== 'tenant')) nodes.set(n.id, n);
  };
  for (const r of declared) {
    put({ id: String(r.buyerOrgId), kind: 'tenant', name: String(r.buyerName), origin: 'in_park' });
    const origin = r.source as Origin;
    if (r.supplierOrgId)
      put({
        id: String(r.supplierOrgId),
        kind: 'supplier',
        name: String(r.supplierName ?? r.supplierOrgId),
        origin,
      });
    else put({ id: sourceNodeId(origin), kind: 'source', name: SOURCE_NAMES[origin], origin });
  }
  for (const r of awarded) {
    put({
      id: r.labels.buyerOrgId as string,
      kind: 'tenant',
      name: r.labels.buyerName as string,
      origin: 'in_park',
    });
    put({
      id: r.labels.sellerOrgId as string,
      kind: 'supplier',
      name: r.labels.sellerName as string,
      origin: r.labels.sellerOrigin as Origin,
    });
  }
  return [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
