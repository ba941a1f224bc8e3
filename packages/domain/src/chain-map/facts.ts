import type { GeoPoint } from '../shared/geo';

/**
 * Where a supplier is, seen from one park: located in it (an approved tenant membership), elsewhere
 * in the park's country, or abroad. The same words as a chain input's declared `source`.
 */
export type Origin = 'in_park' | 'in_country' | 'imported';
export const ORIGINS: readonly Origin[] = ['in_park', 'in_country', 'imported'];

export interface ParkFacts {
  parkId: string;
  country: string;
  timeZone: string;
  location: GeoPoint;
  currency: string;
}

export interface OrgFacts {
  orgId: string;
  name: string;
  country: string;
  location: GeoPoint | null;
}

export interface SupplierFacts extends OrgFacts {
  origin: Origin;
}

export const originOf = (park: ParkFacts, org: Pick<OrgFacts, 'country'>, inPark: boolean): Origin =>
  inPark ? 'in_park' : org.country === park.country ? 'in_country' : 'imported';

/**
 * A deal as the chain map counts it. The bidding context owns deals; this is read from the deal item
 * (and, for fields a deal does not carry, from its need): see docs/chain-map.md.
 */
export interface DealFacts {
  dealId: string;
  version: number;
  parkId: string;
  buyerOrgId: string;
  sellerOrgId: string;
  category: string;
  quantity: number;
  unit: string;
  /** The awarded total: unit price × quantity, in minor units of the need's currency. */
  value: { amount: number; currency: string };
  /** Any status but `cancelled` counts; a deal cancelled after its award counts for nothing. */
  cancelled: boolean;
  awardedAt: string;
}

type Image = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const money = (v: unknown): { amount: number; currency: string } | undefined => {
  const m = v as { amount?: unknown; currency?: unknown } | undefined;
  const amount = num(m?.amount);
  const currency = str(m?.currency);
  return amount !== undefined && currency ? { amount, currency } : undefined;
};

/** The need fields a deal falls back on when it does not carry them itself. */
export interface DealNeedFacts {
  parkId: string;
  ownerOrgId: string;
  category: string;
  quantity: number;
  unit: string;
  currency: string;
}

/** The names of the fields the deal item may carry, first match wins (documented in docs/chain-map.md). */
export function dealFactsOf(deal: Image, need: DealNeedFacts | null): DealFacts | null {
  const dealId = str(deal.dealId);
  const sellerOrgId = str(deal.sellerOrgId) ?? str(deal.supplierOrgId);
  const buyerOrgId = str(deal.buyerOrgId) ?? str(deal.tenantOrgId) ?? need?.ownerOrgId;
  const parkId = str(deal.parkId) ?? need?.parkId;
  const category = str(deal.category) ?? need?.category;
  const quantity = num(deal.quantity) ?? need?.quantity;
  const unit = str(deal.unit) ?? need?.unit;
  const unitPrice = money(deal.unitPrice);
  const value =
    money(deal.total) ??
    money(deal.value) ??
    money(deal.totalPrice) ??
    (unitPrice && quantity !== undefined
      ? { amount: Math.round(unitPrice.amount * quantity), currency: unitPrice.currency }
      : undefined);
  const awardedAt = str(deal.awardedAt) ?? str(deal.createdAt);
  if (!dealId || !sellerOrgId || !buyerOrgId || !parkId || !category || quantity === undefined || !unit)
    return null;
  if (!value || !awardedAt) return null;
  return {
    dealId,
    version: num(deal.version) ?? 0,
    parkId,
    buyerOrgId,
    sellerOrgId,
    category,
    quantity,
    unit,
    value,
    cancelled: deal.status === 'cancelled',
    awardedAt,
  };
}

/** Whether the deal image needs its need read for the fields it lacks. */
export const dealNeedsNeed = (deal: Image): boolean =>
  !str(deal.parkId) ||
  !str(deal.category) ||
  num(deal.quantity) === undefined ||
  !str(deal.unit) ||
  !(str(deal.buyerOrgId) ?? str(deal.tenantOrgId));
