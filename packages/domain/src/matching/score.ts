import type { Listing } from '../listings/listing';
import type { Need } from '../needs/need';
import type { Period } from '../shared/units';
import type { MatchReason } from './match';
import type { SupplierReputation } from './reputation';

/**
 * The score is the sum of these components, 100 in all. Category and distance weigh most: a
 * park's point is local sourcing of the right thing. Each component is a pure function below and
 * yields one reason, so a user sees why a supplier ranks where it does.
 */
export const SCORE_WEIGHTS = {
  category: 35,
  distance: 25,
  capacity: 15,
  leadTime: 10,
  certificates: 5,
  reputation: 7,
  responsiveness: 3,
} as const;

type Reason = MatchReason & { points: number };

const round1 = (n: number) => Math.round(n * 10) / 10;
const reason = (code: string, points: number, detail: string): Reason => ({
  code,
  points: round1(points),
  detail,
});

/** exact: the listing's category is the need's or lies under it; then shared group; then shared division. */
export function categoryComponent(
  level: 'exact' | 'group' | 'division',
  needCategory: string,
  listingCategory: string,
): Reason {
  const w = SCORE_WEIGHTS.category;
  if (level === 'exact')
    return reason('category.exact', w, `Offers ${listingCategory}, within the requested ${needCategory}.`);
  if (level === 'group')
    return reason(
      'category.same_group',
      w * 0.6,
      `Offers ${listingCategory}, same ISIC group as ${needCategory}.`,
    );
  return reason(
    'category.same_division',
    w * 0.3,
    `Offers ${listingCategory}, same ISIC division as ${needCategory}.`,
  );
}

/** DISTANCE_ZERO_KM: beyond this a supplier outside the park earns no distance points. */
export const DISTANCE_ZERO_KM = 1000;

/** Same park scores full; otherwise 20 points falling linearly to 0 at 1000 km; unknown: 5. */
export function distanceComponent(samePark: boolean, km: number | null): Reason {
  const w = SCORE_WEIGHTS.distance;
  if (samePark) return reason('distance.same_park', w, 'In the delivery park.');
  if (km === null) return reason('distance.unknown', w * 0.2, 'Delivers nationwide; distance unknown.');
  const points = w * 0.8 * Math.max(0, 1 - km / DISTANCE_ZERO_KM);
  return reason('distance.km', points, `${Math.round(km)} km from the delivery park.`);
}

const WEEKS: Record<Period, number> = { week: 1, month: 52 / 12, quarter: 13, year: 52 };

/**
 * Capacity against the quantity: a recurring need is compared per its own period (capacity
 * converted), a one-off need against one period of capacity. Below the minimum order scores 0.
 */
export function capacityComponent(
  need: Pick<Need, 'quantity' | 'unit' | 'recurrence'>,
  listing: Pick<Listing, 'unit' | 'capacityPerPeriod' | 'period' | 'minOrder'>,
): Reason {
  const w = SCORE_WEIGHTS.capacity;
  if (listing.unit !== need.unit)
    return reason('capacity.unit_differs', w / 3, `Counted in ${listing.unit}, the need in ${need.unit}.`);
  if (listing.minOrder !== undefined && listing.minOrder > need.quantity)
    return reason(
      'capacity.below_minimum_order',
      0,
      `Minimum order ${listing.minOrder} ${listing.unit} is above ${need.quantity}.`,
    );
  if (listing.capacityPerPeriod === undefined || !listing.period)
    return reason('capacity.unknown', w * 0.5, 'No capacity stated.');
  const per = need.recurrence?.every ?? listing.period;
  const capacity = (listing.capacityPerPeriod * WEEKS[per]) / WEEKS[listing.period];
  const ratio = Math.min(1, capacity / need.quantity);
  const shown = `${round1(capacity)} ${listing.unit} per ${per}`;
  return ratio >= 1
    ? reason('capacity.covers', w, `Capacity ${shown} covers ${need.quantity}.`)
    : reason(
        'capacity.partial',
        w * ratio,
        `Capacity ${shown} covers ${Math.round(ratio * 100)}% of ${need.quantity}.`,
      );
}

/** LEAD_TIME_ZERO_DAYS: a lead time this long or longer earns no lead-time points. */
export const LEAD_TIME_ZERO_DAYS = 60;

export function leadTimeComponent(days: number): Reason {
  const points = SCORE_WEIGHTS.leadTime * Math.max(0, 1 - days / LEAD_TIME_ZERO_DAYS);
  return reason('lead_time.days', points, `Delivers in ${days} day${days === 1 ? '' : 's'}.`);
}

/**
 * Required certificates are a filter (a listing without them never matches); this component
 * rewards holding them, or holding any verified certificate the listing claims.
 */
export function certificatesComponent(required: readonly string[], heldClaimed: readonly string[]): Reason {
  const w = SCORE_WEIGHTS.certificates;
  if (required.length)
    return reason('certificates.required_held', w, `Holds ${required.join(', ')}, verified and valid.`);
  if (heldClaimed.length)
    return reason('certificates.held', w, `Holds ${heldClaimed.join(', ')}, verified and valid.`);
  return reason('certificates.none_required', w * 0.4, 'No certificate required.');
}

/** Prior ratings a supplier's mean is pulled towards, so two 5-star ratings do not beat fifty 4.8s. */
const PRIOR_RATINGS = 2;
const PRIOR_MEAN = 3;

export function reputationComponent(r: SupplierReputation): Reason {
  const w = SCORE_WEIGHTS.reputation;
  if (r.ratingAverage === null || r.ratingCount === 0)
    return reason('reputation.neutral', w / 2, 'No ratings yet: counted as neutral.');
  const mean =
    (r.ratingAverage * r.ratingCount + PRIOR_MEAN * PRIOR_RATINGS) / (r.ratingCount + PRIOR_RATINGS);
  return reason(
    'reputation.rated',
    (w * (mean - 1)) / 4,
    `Rated ${round1(r.ratingAverage)}/5 by ${r.ratingCount} buyer${r.ratingCount === 1 ? '' : 's'}.`,
  );
}

export function responsivenessComponent(r: SupplierReputation): Reason {
  const w = SCORE_WEIGHTS.responsiveness;
  if (r.responseRate === null) return reason('responsiveness.neutral', w / 2, 'No response history yet.');
  const rate = Math.min(1, Math.max(0, r.responseRate));
  return reason(
    'responsiveness.rate',
    w * rate,
    `Bid on ${Math.round(rate * 100)}% of the needs it was matched to.`,
  );
}

/** 0–100, an integer. */
export const totalScore = (reasons: readonly { points?: number | undefined }[]): number =>
  Math.max(0, Math.min(100, Math.round(reasons.reduce((s, r) => s + (r.points ?? 0), 0))));
