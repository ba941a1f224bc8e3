import { z } from 'zod';
import { Money } from '../core/money';

export const OriginSchema = z.enum(['in_park', 'in_country', 'imported']);

export const QuantityInUnit = z
  .object({ unit: z.string(), quantity: z.number() })
  .meta({ id: 'QuantityInUnit' });

export const MapNode = z
  .object({
    /** An organisation id, or `source:<origin>` for declared inputs whose supplier is not named. */
    id: z.string(),
    kind: z.enum(['tenant', 'supplier', 'source']),
    name: z.string(),
    origin: OriginSchema,
  })
  .meta({ id: 'ChainMapNode' });
export type MapNode = z.infer<typeof MapNode>;

export const MapEdge = z
  .object({
    /** `declared`: a chain input and its current source; `awarded`: deals awarded in the period. */
    kind: z.enum(['declared', 'awarded']),
    from: z.string(),
    to: z.string(),
    category: z.string(),
    origin: OriginSchema,
    /** Declared: per map period; awarded: the deals' quantities. One entry per unit. */
    quantity: z.array(QuantityInUnit),
    /** Awarded only: one entry per currency. */
    value: z.array(Money),
    deals: z.int(),
    chainId: z.string().optional(),
    inputId: z.string().optional(),
  })
  .meta({ id: 'ChainMapEdge' });
export type MapEdge = z.infer<typeof MapEdge>;

export const CurrencyRatio = z
  .object({
    currency: z.string(),
    inPark: Money,
    total: Money,
    /** inPark ÷ total, four decimals; null when nothing was awarded in this currency. */
    ratio: z.number().nullable(),
    deals: z.int(),
    dealsInPark: z.int(),
  })
  .meta({ id: 'LocalSourcingByCurrency' });
export type CurrencyRatio = z.infer<typeof CurrencyRatio>;

export const UnitRatio = z
  .object({ unit: z.string(), inPark: z.number(), total: z.number(), ratio: z.number().nullable() })
  .meta({ id: 'LocalSourcingByUnit' });
export type UnitRatio = z.infer<typeof UnitRatio>;

export const LocalSourcing = z
  .object({
    awarded: z.array(CurrencyRatio),
    declared: z.array(UnitRatio),
    declaredWithoutAward: z.array(UnitRatio),
  })
  .meta({ id: 'LocalSourcing' });
export type LocalSourcing = z.infer<typeof LocalSourcing>;

export const Demand = z
  .object({
    tenants: z.int(),
    openNeeds: z.int(),
    declaredInputs: z.int(),
    /** Declared input quantity per map period, and open needs' quantity, per unit. */
    declared: z.array(QuantityInUnit),
    openNeedQuantity: z.array(QuantityInUnit),
    /** Bought from outside the park in the period, per currency. */
    awardedFromOutside: z.array(Money),
  })
  .meta({ id: 'ChainMapDemand' });
export type Demand = z.infer<typeof Demand>;

export const OutsideSupplier = z
  .object({
    orgId: z.string(),
    name: z.string(),
    listingId: z.string(),
    title: z.string(),
    category: z.string(),
    origin: OriginSchema,
    distanceKm: z.number().nullable(),
  })
  .meta({ id: 'ChainMapOutsideSupplier' });
export type OutsideSupplier = z.infer<typeof OutsideSupplier>;

export const Gap = z
  .object({
    category: z.string(),
    title: z.string().optional(),
    rank: z.int(),
    demand: Demand,
    /** Up to ten tenants that need it (`demand.tenants` counts them all). */
    tenants: z.array(z.object({ orgId: z.string(), name: z.string() })),
    /** Filled for the top gaps only (a bounded number of reads). */
    nearestOutsideSuppliers: z.array(OutsideSupplier).optional(),
  })
  .meta({ id: 'ChainMapGap' });
export type Gap = z.infer<typeof Gap>;

export const IdleCapacity = z
  .object({
    listingId: z.string(),
    supplier: z.object({ orgId: z.string(), name: z.string() }),
    title: z.string(),
    category: z.string(),
    machineClass: z.string().optional(),
    capacityPerPeriod: z.number(),
    unit: z.string(),
    period: z.string(),
    /** The free capacity per map period. */
    free: QuantityInUnit,
    availableFrom: z.string().optional(),
    availableUntil: z.string().optional(),
    /** The park's demand in this category or a related one (one code under the other). */
    demand: z.array(z.object({ category: z.string() }).extend(Demand.shape)),
  })
  .meta({ id: 'ChainMapIdleCapacity' });
export type IdleCapacity = z.infer<typeof IdleCapacity>;

export const PeriodInfo = z
  .object({ key: z.string(), kind: z.enum(['month', 'quarter', 'year']), timeZone: z.string() })
  .meta({ id: 'ChainMapPeriod' });

export const Trend = z
  .object({
    period: PeriodInfo,
    awarded: z.array(CurrencyRatio),
    /** Per currency: this period's ratio minus the previous one's (null where either is null). */
    ratioChange: z.array(z.object({ currency: z.string(), change: z.number().nullable() })),
    deals: z.int(),
  })
  .meta({ id: 'ChainMapTrend' });
export type Trend = z.infer<typeof Trend>;

export const ChainMapSummary = z
  .object({
    tenants: z.int(),
    chains: z.int(),
    declaredInputs: z.int(),
    deals: z.int(),
    dealsInPark: z.int(),
    gaps: z.int(),
    idleCapacityListings: z.int(),
  })
  .meta({ id: 'ChainMapSummary' });

export const ChainMap = z
  .object({
    parkId: z.string(),
    period: PeriodInfo,
    summary: ChainMapSummary,
    nodes: z.array(MapNode),
    edges: z.array(MapEdge),
    /** More edges than one read returns: page them with GET …/chain-map/edges. */
    edgesNextCursor: z.object({ declared: z.string().nullable(), awarded: z.string().nullable() }),
    localSourcingRatio: LocalSourcing,
    gaps: z.array(Gap),
    idleCapacity: z.array(IdleCapacity),
    idleCapacityNextCursor: z.string().nullable(),
    trend: Trend,
  })
  .meta({ id: 'ChainMap' });
export type ChainMap = z.infer<typeof ChainMap>;

export const EdgePage = z
  .object({ items: z.array(MapEdge), nodes: z.array(MapNode), nextCursor: z.string().nullable() })
  .meta({ id: 'ChainMapEdgePage' });
export type EdgePage = z.infer<typeof EdgePage>;
