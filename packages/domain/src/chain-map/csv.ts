import { categories } from '../categories/isic-rev4';
import type { ChainMap, MapEdge, MapNode } from './chain-map';

/** Spreadsheet programs read UTF-8 (Persian, Mongolian) correctly only with a byte-order mark. */
export const BOM = '\uFEFF';

type Cell = string | number | null | undefined;

/**
 * RFC 4180: a cell with a comma, quote, CR or LF is quoted and its quotes doubled. A text cell that
 * a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

const joined = (parts: readonly string[]) => parts.join('; ');

const EDGE_HEADER = [
  'kind',
  'from_id',
  'from_name',
  'from_origin',
  'to_id',
  'to_name',
  'category',
  'category_title',
  'quantity',
  'value_minor_units',
  'deals',
  'chain_id',
  'input_id',
];

export function edgeRow(e: MapEdge, names: ReadonlyMap<string, string>): string {
  return csvRow([
    e.kind,
    e.from,
    names.get(e.from) ?? e.from,
    e.origin,
    e.to,
    names.get(e.to) ?? e.to,
    e.category,
    categories.title(e.category, 'en'),
    joined(e.quantity.map((q) => `${q.quantity} ${q.unit}`)),
    joined(e.value.map((v) => `${v.amount} ${v.currency}`)),
    e.deals,
    e.chainId,
    e.inputId,
  ]);
}

const section = (name: string) => csvRow([`# ${name}`]);

/**
 * The map as CSV: a section of edges (every page of both kinds, one row per edge), then one
 * section per figure. Sections are separated by an empty line and start with a `# name` row.
 */
export async function* chainMapCsv(
  map: ChainMap,
  moreEdges: AsyncIterable<{ items: MapEdge[]; nodes: MapNode[] }>,
): AsyncGenerator<string> {
  yield BOM;
  yield csvRow(['park', map.parkId, 'period', map.period.key, 'time_zone', map.period.timeZone]);
  yield '\r\n';
  yield section('edges');
  yield csvRow(EDGE_HEADER);
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  for (const e of map.edges) yield edgeRow(e, names);
  for await (const page of moreEdges) {
    for (const n of page.nodes) names.set(n.id, n.name);
    for (const e of page.items) yield edgeRow(e, names);
  }
  yield '\r\n';
  yield section('local sourcing by currency (awarded)');
  yield csvRow(['currency', 'in_park_minor_units', 'total_minor_units', 'ratio', 'deals', 'deals_in_park']);
  for (const r of map.localSourcingRatio.awarded)
    yield csvRow([r.currency, r.inPark.amount, r.total.amount, r.ratio, r.deals, r.dealsInPark]);
  for (const [name, rows] of [
    ['local sourcing by unit (declared)', map.localSourcingRatio.declared],
    [
      'local sourcing by unit (declared, categories without award)',
      map.localSourcingRatio.declaredWithoutAward,
    ],
  ] as const) {
    yield '\r\n';
    yield section(name);
    yield csvRow(['unit', 'in_park_quantity', 'total_quantity', 'ratio']);
    for (const r of rows) yield csvRow([r.unit, r.inPark, r.total, r.ratio]);
  }
  yield '\r\n';
  yield section('gaps');
  yield csvRow([
    'rank',
    'category',
    'category_title',
    'tenants',
    'open_needs',
    'declared_inputs',
    'declared_quantity',
    'open_need_quantity',
    'awarded_from_outside_minor_units',
    'tenant_names',
    'nearest_outside_suppliers',
  ]);
  for (const g of map.gaps)
    yield csvRow([
      g.rank,
      g.category,
      g.title,
      g.demand.tenants,
      g.demand.openNeeds,
      g.demand.declaredInputs,
      joined(g.demand.declared.map((q) => `${q.quantity} ${q.unit}`)),
      joined(g.demand.openNeedQuantity.map((q) => `${q.quantity} ${q.unit}`)),
      joined(g.demand.awardedFromOutside.map((m) => `${m.amount} ${m.currency}`)),
      joined(g.tenants.map((t) => t.name)),
      joined(
        (g.nearestOutsideSuppliers ?? []).map(
          (s) => `${s.name} (${s.distanceKm === null ? 'distance unknown' : `${s.distanceKm} km`})`,
        ),
      ),
    ]);
  yield '\r\n';
  yield section('idle capacity');
  yield csvRow([
    'listing_id',
    'supplier',
    'title',
    'category',
    'machine_class',
    'free_per_period',
    'unit',
    'available_until',
    'demand_tenants',
    'demand_open_needs',
    'demand_declared_inputs',
  ]);
  for (const i of map.idleCapacity)
    yield csvRow([
      i.listingId,
      i.supplier.name,
      i.title,
      i.category,
      i.machineClass,
      i.free.quantity,
      i.unit,
      i.availableUntil,
      i.demand.reduce((n, d) => n + d.tenants, 0),
      i.demand.reduce((n, d) => n + d.openNeeds, 0),
      i.demand.reduce((n, d) => n + d.declaredInputs, 0),
    ]);
  yield '\r\n';
  yield section(`trend (previous period ${map.trend.period.key})`);
  yield csvRow([
    'currency',
    'previous_in_park_minor_units',
    'previous_total_minor_units',
    'previous_ratio',
    'ratio_change',
  ]);
  for (const r of map.trend.awarded) {
    const change = map.trend.ratioChange.find((c) => c.currency === r.currency)?.change ?? null;
    yield csvRow([r.currency, r.inPark.amount, r.total.amount, r.ratio, change]);
  }
  for (const now of map.localSourcingRatio.awarded) {
    if (map.trend.awarded.some((r) => r.currency === now.currency)) continue;
    yield csvRow([now.currency, 0, 0, null, null]);
  }
}
