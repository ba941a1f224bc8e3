import type { Chain, ChainInput } from '../chains/chain';
import type { Listing } from '../listings/listing';
import type { Need } from '../needs/need';
import { isActiveAs, type Membership } from '../orgs/membership';
import { type Contribution, type Counter, emptyContribution, type Scope } from './contribution';
import type { DealFacts, OrgFacts, ParkFacts, SupplierFacts } from './facts';
import { nextPeriod, PER_YEAR, periodsContaining, toMilli } from './period';

/**
 * The field names the aggregates use. Money fields end in the ISO 4217 code and quantity fields in
 * the unit, so no sum ever mixes two currencies or two units.
 */
export const Field = {
  /** Awarded value, in minor units: all, bought in the park, bought outside it. */
  awarded: (currency: string) => `aw:${currency}`,
  awardedInPark: (currency: string) => `awIn:${currency}`,
  awardedOutside: (currency: string) => `awOut:${currency}`,
  awardedQty: (unit: string) => `awQty:${unit}`,
  deals: 'deals',
  dealsInPark: 'dealsIn',
  /** Declared input quantity per year, in thousandths, by declared source. */
  declared: (source: string, unit: string) => `decl:${source}:${unit}`,
  declaredInputs: 'inputs',
  openNeeds: 'openNeeds',
  openNeedQty: (unit: string) => `needQty:${unit}`,
  /** Distinct tenants needing the category (declared or open need): moved by marks. */
  tenants: 'tenants',
  inParkListings: 'listingsIn',
  idleListings: 'idleListings',
  /** Free capacity per year, in thousandths. */
  idleQty: (unit: string) => `idle:${unit}`,
  chains: 'chains',
  /** On an awarded edge. */
  edgeValue: (currency: string) => `v:${currency}`,
  edgeQty: (unit: string) => `q:${unit}`,
} as const;

const category = (scope: Scope, code: string, field: string, n: number): Counter => ({
  ref: { kind: 'category', scope, category: code },
  field,
  n,
});

export const declaredRowId = (chain: Pick<Chain, 'ownerOrgId' | 'chainId'>, inputId: string) =>
  `${chain.ownerOrgId}#${chain.chainId}#${inputId}`;

/** A chain's own part: it counts as one declared chain. */
export function chainContribution(): Contribution {
  return { counters: [{ ref: { kind: 'summary' }, field: Field.chains, n: 1 }], rows: [], marks: [] };
}

/** One declared input: its yearly quantity by declared source, the tenant's need, and a declared edge. */
export function chainInputContribution(
  chain: Pick<Chain, 'chainId' | 'ownerOrgId' | 'output'>,
  input: ChainInput,
  owner: Pick<OrgFacts, 'name'>,
  supplier: Pick<OrgFacts, 'orgId' | 'name'> | null,
): Contribution {
  const perYear = toMilli(input.quantity) * PER_YEAR[input.period];
  return {
    counters: [
      category('current', input.category, Field.declared(input.source, input.unit), perYear),
      category('current', input.category, Field.declaredInputs, 1),
    ],
    rows: [
      {
        set: 'declared',
        id: declaredRowId(chain, input.inputId),
        data: {
          chainId: chain.chainId,
          inputId: input.inputId,
          buyerOrgId: chain.ownerOrgId,
          buyerName: owner.name,
          outputCategory: chain.output.category,
          category: input.category,
          ...(input.name ? { name: input.name } : {}),
          quantity: input.quantity,
          unit: input.unit,
          period: input.period,
          source: input.source,
          ...(supplier ? { supplierOrgId: supplier.orgId, supplierName: supplier.name } : {}),
        },
      },
    ],
    marks: [{ category: input.category, tenantOrgId: chain.ownerOrgId, tenantName: owner.name }],
  };
}

export const edgeIdOf = (buyerOrgId: string, sellerOrgId: string, code: string) =>
  `${buyerOrgId}#${sellerOrgId}#${code}`;

/**
 * An awarded deal, counted in the month, quarter and year of its award (in the park's time zone):
 * its value under its currency, in park or outside by where its seller was when it was first
 * counted, and on the buyer→seller edge; its totals also as the following month's, quarter's and
 * year's previous-period baseline. A cancelled deal contributes nothing.
 */
export function dealContribution(
  deal: DealFacts,
  park: ParkFacts,
  buyer: Pick<OrgFacts, 'orgId' | 'name'>,
  seller: SupplierFacts,
): Contribution {
  if (deal.cancelled) return emptyContribution();
  const { currency, amount } = deal.value;
  const inPark = seller.origin === 'in_park';
  const qty = toMilli(deal.quantity);
  const counters: Counter[] = [];
  for (const p of periodsContaining(new Date(deal.awardedAt), park.timeZone)) {
    const fields: [string, number][] = [
      [Field.awarded(currency), amount],
      [inPark ? Field.awardedInPark(currency) : Field.awardedOutside(currency), amount],
      [Field.deals, 1],
      [Field.dealsInPark, inPark ? 1 : 0],
    ];
    for (const [field, n] of [...fields, [Field.awardedQty(deal.unit), qty] as [string, number]])
      if (n) counters.push(category(p.key, deal.category, field, n));
    const totals: [string, number][] = [
      ...fields,
      [`${Field.deals}:${currency}`, 1],
      [`${Field.dealsInPark}:${currency}`, inPark ? 1 : 0],
    ];
    for (const [field, n] of totals) {
      if (!n) continue;
      counters.push({ ref: { kind: 'total', scope: p.key }, field, n });
      // The next period's trend compares against these: kept beside it, read with it.
      counters.push({ ref: { kind: 'previous', scope: nextPeriod(p).key }, field, n });
    }
    const edge = {
      kind: 'edge' as const,
      scope: p.key,
      edgeId: edgeIdOf(deal.buyerOrgId, deal.sellerOrgId, deal.category),
      labels: {
        buyerOrgId: buyer.orgId,
        buyerName: buyer.name,
        sellerOrgId: seller.orgId,
        sellerName: seller.name,
        sellerOrigin: seller.origin,
        category: deal.category,
      },
    };
    counters.push(
      { ref: edge, field: Field.edgeValue(currency), n: amount },
      { ref: edge, field: Field.edgeQty(deal.unit), n: qty },
      { ref: edge, field: Field.deals, n: 1 },
    );
  }
  return { counters, rows: [], marks: [] };
}

/** An open need is demand now: one open need, its quantity, and its owner needing the category. */
export function needContribution(
  need: Pick<Need, 'status' | 'category' | 'quantity' | 'unit' | 'ownerOrgId'>,
  owner: Pick<OrgFacts, 'name'>,
): Contribution {
  if (need.status !== 'open') return emptyContribution();
  return {
    counters: [
      category('current', need.category, Field.openNeeds, 1),
      category('current', need.category, Field.openNeedQty(need.unit), toMilli(need.quantity)),
    ],
    rows: [],
    marks: [{ category: need.category, tenantOrgId: need.ownerOrgId, tenantName: owner.name }],
  };
}

export const idleRowId = (l: Pick<Listing, 'category' | 'listingId'>) => `${l.category}#${l.listingId}`;

/**
 * An active listing of a firm located in the park supplies its category from inside the park; a
 * capacity listing is also idle capacity (its free amount per year) and a row of the map.
 */
export function listingContribution(
  listing: Listing,
  supplierInPark: boolean,
  supplier: Pick<OrgFacts, 'name'>,
  now: Date,
): Contribution {
  const available =
    !listing.availableUntil || new Date(`${listing.availableUntil}T23:59:59.999Z`).getTime() > now.getTime();
  if (listing.status !== 'active' || !supplierInPark || !available) return emptyContribution();
  const c: Contribution = {
    counters: [category('current', listing.category, Field.inParkListings, 1)],
    rows: [],
    marks: [],
  };
  if (listing.kind === 'capacity' && listing.capacityPerPeriod !== undefined && listing.period) {
    c.counters.push(
      category('current', listing.category, Field.idleListings, 1),
      category(
        'current',
        listing.category,
        Field.idleQty(listing.unit),
        toMilli(listing.capacityPerPeriod) * PER_YEAR[listing.period],
      ),
    );
    c.rows.push({
      set: 'idle',
      id: idleRowId(listing),
      data: {
        listingId: listing.listingId,
        supplierOrgId: listing.supplierOrgId,
        supplierName: supplier.name,
        title: listing.title,
        category: listing.category,
        capacityPerPeriod: listing.capacityPerPeriod,
        unit: listing.unit,
        period: listing.period,
        ...(listing.machineClass ? { machineClass: listing.machineClass } : {}),
        ...(listing.availableFrom ? { availableFrom: listing.availableFrom } : {}),
        ...(listing.availableUntil ? { availableUntil: listing.availableUntil } : {}),
      },
    });
  }
  return c;
}

/** An approved, unsuspended tenant membership is one tenant of the park. */
export function membershipContribution(m: Membership): Contribution {
  if (!isActiveAs(m, 'tenant')) return emptyContribution();
  return { counters: [{ ref: { kind: 'summary' }, field: Field.tenants, n: 1 }], rows: [], marks: [] };
}
