import { describe, expect, it } from 'vitest';
import { evaluate, type MatchableListing, type MatchableNeed, type MatchFacts } from './evaluate';
import { NEUTRAL_REPUTATION } from './reputation';

const now = new Date('2030-01-10T00:00:00Z');
const ESHTEHARD = { lat: 35.72472, lon: 50.37167 };
/** 500 km due south of Eshtehard (4.497° of latitude). */
const FAR_SOUTH = { lat: 31.2277, lon: 50.37167 };

const need: MatchableNeed = {
  needId: 'need_1',
  ownerOrgId: 'org_buyer',
  category: '2420',
  quantity: 10,
  unit: 't',
  recurrence: undefined,
  parkId: 'park_1',
  visibility: 'public',
  requiredCertificates: ['iso_9001'],
};

const listing = (over: Partial<MatchableListing> = {}): MatchableListing => ({
  listingId: 'lst_1',
  supplierOrgId: 'org_s',
  status: 'active',
  category: '2420',
  unit: 't',
  capacityPerPeriod: 50,
  period: 'month',
  minOrder: undefined,
  leadTimeDays: 7,
  serviceArea: { scope: 'national' },
  certificates: [],
  availableUntil: undefined,
  parkId: 'park_1',
  location: ESHTEHARD,
  country: 'IR',
  ...over,
});

const approved = (as: ('tenant' | 'supplier')[]) => ({ status: 'approved' as const, suspended: false, as });

const facts = (over: Partial<MatchFacts> = {}): MatchFacts => ({
  needPark: { parkId: 'park_1', location: ESHTEHARD, country: 'IR' },
  membershipInNeedPark: approved(['tenant', 'supplier']),
  approvedSupplierSomewhere: true,
  heldUntil: new Map([['iso_9001', now.getTime() + 86_400_000]]),
  reputation: NEUTRAL_REPUTATION,
  ...over,
});

const codes = (r: ReturnType<typeof evaluate>) => (r.matched ? [] : r.rejections.map((x) => x.code));

describe('evaluate', () => {
  it('ranks an exact-class, in-park, certified listing above a division-only listing 500 km away', () => {
    const near = evaluate(need, listing(), facts(), now);
    const far = evaluate(
      need,
      listing({ listingId: 'lst_2', category: '2410', parkId: null, location: FAR_SOUTH }),
      facts({ membershipInNeedPark: approved(['supplier']) }),
      now,
    );
    expect(near.matched && far.matched).toBe(true);
    if (!near.matched || !far.matched) return;
    expect(near.match.score).toBeGreaterThan(far.match.score);
    expect(near.match.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['category.exact', 'distance.same_park', 'certificates.required_held']),
    );
    expect(far.match.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['category.same_division', 'distance.km']),
    );
    expect(far.match.distanceKm).toBeGreaterThan(450);
    expect(far.match.distanceKm).toBeLessThan(550);
  });

  it('gives every reason a code and a detail, and scores within 0–100', () => {
    const r = evaluate(need, listing(), facts(), now);
    if (!r.matched) throw new Error('expected a match');
    expect(r.match.score).toBeGreaterThanOrEqual(0);
    expect(r.match.score).toBeLessThanOrEqual(100);
    for (const reason of r.match.reasons) {
      expect(reason.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(reason.detail.length).toBeGreaterThan(0);
    }
  });

  it('never lets a missing or expired certificate satisfy a requirement', () => {
    expect(codes(evaluate(need, listing(), facts({ heldUntil: new Map() }), now))).toEqual([
      'certificate.missing',
    ]);
    expect(
      codes(evaluate(need, listing(), facts({ heldUntil: new Map([['iso_9001', now.getTime() - 1]]) }), now)),
    ).toEqual(['certificate.expired']);
  });

  it('leaves out a listing whose service area does not reach the park', () => {
    const outside = { membershipInNeedPark: approved(['supplier']) };
    expect(
      codes(
        evaluate(
          need,
          listing({ parkId: null, location: FAR_SOUTH, serviceArea: { scope: 'radius', radiusKm: 300 } }),
          facts(outside),
          now,
        ),
      ),
    ).toEqual(['service_area.out_of_radius']);
    expect(
      codes(
        evaluate(
          need,
          listing({ parkId: 'park_2', location: FAR_SOUTH, serviceArea: { scope: 'park' } }),
          facts(outside),
          now,
        ),
      ),
    ).toEqual(['service_area.other_park']);
    expect(codes(evaluate(need, listing({ parkId: null, country: 'TR' }), facts(outside), now))).toEqual([
      'service_area.other_country',
    ]);
    expect(
      evaluate(
        need,
        listing({ parkId: null, location: FAR_SOUTH, serviceArea: { scope: 'radius', radiusKm: 600 } }),
        facts(outside),
        now,
      ).matched,
    ).toBe(true);
  });

  it('requires an approved supplier membership, in the park itself for a park-only need', () => {
    const notApproved = facts({ membershipInNeedPark: null, approvedSupplierSomewhere: false });
    expect(codes(evaluate(need, listing(), notApproved, now))).toEqual(['supplier.not_approved']);
    const elsewhere = facts({ membershipInNeedPark: null, approvedSupplierSomewhere: true });
    expect(evaluate(need, listing({ parkId: 'park_2' }), elsewhere, now).matched).toBe(true);
    expect(
      codes(evaluate({ ...need, visibility: 'park' }, listing({ parkId: 'park_2' }), elsewhere, now)),
    ).toEqual(['supplier.not_approved_in_park']);
    const suspended = facts({
      membershipInNeedPark: { ...approved(['supplier']), suspended: true },
      approvedSupplierSomewhere: false,
    });
    expect(codes(evaluate(need, listing({ parkId: null }), suspended, now))).toContain(
      'supplier.not_approved',
    );
  });

  it('leaves out inactive, expired, own and unrelated listings, reporting every reason', () => {
    const r = evaluate(
      need,
      listing({
        status: 'paused',
        availableUntil: '2030-01-09',
        supplierOrgId: 'org_buyer',
        category: '2511',
      }),
      facts(),
      now,
    );
    expect(codes(r)).toEqual([
      'listing.inactive',
      'listing.unavailable',
      'supplier.is_buyer',
      'category.unrelated',
    ]);
  });
});
