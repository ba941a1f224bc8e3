import type { Ranked, Step } from '../bids/auction.rules';
import { ruleBroken } from '../core/errors';
import type { Offering, OfferingBid, OfferingBidInput, OfferingStatus } from './offering';

/** Park offerings are forward auctions and tenders: the highest price wins. */
export const OFFERING_DIRECTION = 'highest_wins' as const;

/** Bidding is open while the offering is open and strictly before its effective close. */
export const isBiddable = (o: Pick<Offering, 'status' | 'closesAtMs'>, now: Date): boolean =>
  o.status === 'open' && now.getTime() < o.closesAtMs;

/**
 * The status a reader sees: an open offering past its effective close is closed. Nothing stores
 * `closed`: every bid's condition and the award compare the close with the time themselves, so no
 * job has to run for the close to hold.
 */
export const effectiveStatus = (o: Pick<Offering, 'status' | 'closesAtMs'>, now: Date): OfferingStatus =>
  o.status === 'open' && now.getTime() >= o.closesAtMs ? 'closed' : o.status;

export const isPastClose = (o: Pick<Offering, 'status' | 'closesAtMs'>, now: Date): boolean =>
  effectiveStatus(o, now) === 'closed';

export const offeringClosed = (o: Pick<Offering, 'status' | 'closesAt'>) =>
  ruleBroken(
    'bid.offering_closed',
    o.status === 'open'
      ? `The offering closed at ${o.closesAt}; no bid is accepted after the close.`
      : `The offering is ${o.status}; it takes no bids.`,
  );

/** The auction step: the offering's minimum increment, or one minor unit. */
export const stepOf = (o: Pick<Offering, 'minIncrement'>): Step => ({ minor: o.minIncrement?.amount ?? 1 });

export const toRanked = (b: Pick<OfferingBid, 'bidderOrgId' | 'price' | 'pricedAt'>): Ranked => ({
  orgId: b.bidderOrgId,
  unitPriceMinor: b.price.amount,
  pricedAt: b.pricedAt,
});

/** An activity is allowed when it is, or falls under, one of the allowed ISIC codes. */
export const activityAllowed = (o: Pick<Offering, 'allowedCategories'>, category: string): boolean =>
  !o.allowedCategories?.length || o.allowedCategories.some((code) => category.startsWith(code));

/** The rules a bid's content must meet before any write: currency, reserve, planned activity. */
export function checkBid(input: OfferingBidInput, o: Offering): void {
  const currency = o.reservePrice.currency;
  if (input.price.currency !== currency) {
    throw ruleBroken('bid.currency_mismatch', `Bids on this offering are in ${currency}.`, [
      { path: 'price.currency', message: `Use ${currency}.` },
    ]);
  }
  if (input.price.amount < o.reservePrice.amount) {
    throw ruleBroken('bid.below_reserve', 'A bid must reach the reserve price.', [
      { path: 'price.amount', message: `At least ${o.reservePrice.amount}.` },
    ]);
  }
  if (!activityAllowed(o, input.plan.category)) {
    throw ruleBroken('bid.activity_not_allowed', 'The planned activity is not one this space allows.', [
      { path: 'plan.category', message: `One of ${(o.allowedCategories ?? []).join(', ')}.` },
    ]);
  }
}
