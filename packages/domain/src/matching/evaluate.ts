import type { Listing } from '../listings/listing';
import { isAvailable } from '../listings/listing';
import type { Need } from '../needs/need';
import { isActiveAs, type Membership } from '../orgs/membership';
import { distanceKm, type GeoPoint } from '../shared/geo';
import { categoryFit } from './category-tiers';
import type { Match, MatchReason } from './match';
import type { SupplierReputation } from './reputation';
import {
  capacityComponent,
  categoryComponent,
  certificatesComponent,
  distanceComponent,
  leadTimeComponent,
  reputationComponent,
  responsivenessComponent,
  totalScore,
} from './score';

export type MatchableNeed = Pick<
  Need,
  | 'needId'
  | 'ownerOrgId'
  | 'category'
  | 'quantity'
  | 'unit'
  | 'recurrence'
  | 'parkId'
  | 'visibility'
  | 'requiredCertificates'
>;

export type MatchableListing = Pick<
  Listing,
  | 'listingId'
  | 'supplierOrgId'
  | 'status'
  | 'category'
  | 'unit'
  | 'capacityPerPeriod'
  | 'period'
  | 'minOrder'
  | 'leadTimeDays'
  | 'serviceArea'
  | 'certificates'
  | 'availableUntil'
  | 'parkId'
  | 'location'
  | 'country'
>;

/** What the store knows about one (need, listing) pair beyond the two items themselves. */
export interface MatchFacts {
  needPark: { parkId: string; location: GeoPoint; country: string };
  /** The supplier's membership in the delivery park. */
  membershipInNeedPark: Pick<Membership, 'status' | 'suspended' | 'as'> | null;
  /** Whether the supplier is an approved, unsuspended supplier of some park (any park). */
  approvedSupplierSomewhere: boolean;
  /** Per certificate kind, epoch ms up to which the supplier holds a verified one (the CERTKIND marker). */
  heldUntil: ReadonlyMap<string, number>;
  reputation: SupplierReputation;
}

export type Evaluation =
  | { matched: true; match: Omit<Match, 'computedAt'> }
  | { matched: false; rejections: MatchReason[] };

const no = (code: string, detail: string): MatchReason => ({ code, detail });

/**
 * Whether a listing can serve a need, and how well. Every filter that fails is reported, so a
 * test or a support question can see all the reasons at once. Pure: the caller brings the facts.
 */
export function evaluate(
  need: MatchableNeed,
  listing: MatchableListing,
  facts: MatchFacts,
  now: Date,
): Evaluation {
  const rejections: MatchReason[] = [];
  if (listing.status !== 'active')
    rejections.push(no('listing.inactive', `The listing is ${listing.status}.`));
  if (!isAvailable(listing, now))
    rejections.push(no('listing.unavailable', `Free only until ${listing.availableUntil}.`));
  if (listing.supplierOrgId === need.ownerOrgId)
    rejections.push(no('supplier.is_buyer', 'The listing belongs to the buyer itself.'));
  const level = categoryFit(need.category, listing.category);
  if (!level)
    rejections.push(no('category.unrelated', `${listing.category} is outside ${need.category}'s division.`));

  const inParkAsSupplier = isActiveAs(facts.membershipInNeedPark as Membership | null, 'supplier');
  if (need.visibility === 'park') {
    if (!inParkAsSupplier)
      rejections.push(no('supplier.not_approved_in_park', 'Not an approved supplier of the delivery park.'));
  } else if (!inParkAsSupplier && !facts.approvedSupplierSomewhere) {
    rejections.push(no('supplier.not_approved', 'Not an approved supplier of any park.'));
  }

  // Located in the park means an approved tenant membership there; an outside firm approved to
  // serve the park is measured from its own location.
  const inPark = isActiveAs(facts.membershipInNeedPark as Membership | null, 'tenant');
  const km = inPark ? 0 : listing.location ? distanceKm(listing.location, facts.needPark.location) : null;
  const area = listing.serviceArea;
  if (area.scope === 'park') {
    if (listing.parkId !== need.parkId)
      rejections.push(no('service_area.other_park', 'Serves its own park only.'));
  } else if (!inPark) {
    if (area.scope === 'radius') {
      if (km === null)
        rejections.push(no('service_area.no_location', 'No location to measure the radius from.'));
      else if (km > (area.radiusKm ?? 0))
        rejections.push(
          no('service_area.out_of_radius', `${Math.round(km)} km from the park; serves ${area.radiusKm} km.`),
        );
    } else if (listing.country !== facts.needPark.country) {
      rejections.push(no('service_area.other_country', `Serves ${listing.country} only.`));
    }
  }

  const nowMs = now.getTime();
  for (const kind of need.requiredCertificates) {
    const until = facts.heldUntil.get(kind);
    if (until === undefined) rejections.push(no('certificate.missing', `No verified ${kind} certificate.`));
    else if (until <= nowMs)
      rejections.push(no('certificate.expired', `The ${kind} certificate has expired.`));
  }

  if (rejections.length || !level) return { matched: false, rejections };

  const heldClaimed = listing.certificates.filter((k) => (facts.heldUntil.get(k) ?? 0) > nowMs);
  const reasons = [
    categoryComponent(level, need.category, listing.category),
    distanceComponent(inPark, km),
    capacityComponent(need, listing),
    leadTimeComponent(listing.leadTimeDays),
    certificatesComponent(need.requiredCertificates, heldClaimed),
    reputationComponent(facts.reputation),
    responsivenessComponent(facts.reputation),
  ];
  return {
    matched: true,
    match: {
      needId: need.needId,
      listingId: listing.listingId,
      supplierOrgId: listing.supplierOrgId,
      score: totalScore(reasons),
      level,
      distanceKm: km === null ? null : Math.round(km * 10) / 10,
      reasons,
    },
  };
}
