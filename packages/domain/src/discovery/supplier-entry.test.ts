import { describe, expect, it } from 'vitest';
import type { Certificate } from '../orgs/certificate';
import type { Membership } from '../orgs/membership';
import type { Org } from '../orgs/org';
import { sectorsOf } from './public-park';
import { supplierEntryOf, supplierFilterFields } from './supplier-entry';

const now = new Date('2026-06-01T00:00:00.000Z');
const org: Org = {
  orgId: 'org_1',
  name: 'Kaveh Steel',
  kinds: ['supplier'],
  country: 'IR',
  createdAt: '',
  updatedAt: '',
  version: 1,
};
const member = (parkId: string, over: Partial<Membership> = {}): Membership => ({
  parkId,
  orgId: 'org_1',
  as: ['supplier'],
  status: 'approved',
  suspended: false,
  reason: null,
  history: [],
  appliedAt: '',
  decidedAt: '',
  version: 1,
  ...over,
});
const cert = (kind: Certificate['kind'], status: Certificate['status'], validUntil: string) =>
  ({ kind, status, validUntil }) as Certificate;
const listing = (category: string, title: string) => ({ category, title, status: 'active' as const });

describe('a supplier’s directory entry', () => {
  it('exists only with an approved, unsuspended supplier membership', () => {
    const sources = { org, activeListings: [], certificates: [] };
    expect(supplierEntryOf({ ...sources, memberships: [] }, now)).toBeNull();
    expect(
      supplierEntryOf({ ...sources, memberships: [member('p1', { status: 'pending' })] }, now),
    ).toBeNull();
    expect(supplierEntryOf({ ...sources, memberships: [member('p1', { suspended: true })] }, now)).toBeNull();
    expect(supplierEntryOf({ ...sources, memberships: [member('p1', { as: ['tenant'] })] }, now)).toBeNull();
    expect(supplierEntryOf({ ...sources, memberships: [member('p2'), member('p1')] }, now)?.parkIds).toEqual([
      'p1',
      'p2',
    ]);
  });

  it('keeps verified, unexpired certificates only, and its categories most listed first', () => {
    const entry = supplierEntryOf(
      {
        org,
        memberships: [member('p1')],
        activeListings: [listing('1050', 'Milk'), listing('2410', 'Coil'), listing('2410', 'Plate')],
        certificates: [
          cert('iso_9001', 'verified', '2027-01-01'),
          cert('iso_14001', 'claimed', '2027-01-01'),
          cert('halal', 'verified', '2026-05-31'),
        ],
      },
      now,
    );
    expect(entry?.categories).toEqual(['2410', '1050']);
    expect(entry?.listingCount).toBe(3);
    expect(entry?.certificates).toEqual([{ kind: 'iso_9001', validUntil: '2027-01-01' }]);
  });

  it('is filtered by every ancestor of its categories and found by their titles in five languages', () => {
    const entry = supplierEntryOf(
      { org, memberships: [member('p1')], activeListings: [listing('2410', 'Coil')], certificates: [] },
      now,
    )!;
    const fields = supplierFilterFields(entry, ['Hot rolled coil']);
    expect(fields.categoryKeys).toEqual(['241', '2410', '24', 'C'].sort());
    for (const word of ['kaveh', 'coil', 'فولاد', '钢', 'ган', 'thep'])
      expect(fields.searchText).toContain(word);
  });
});

describe('a park’s public sectors', () => {
  it('adds the chain map’s counters per class up per division, busiest first, empty ones left out', () => {
    const agg = (category: string, fields: Record<string, number>) => ({ category, fields, tenants: [] });
    expect(
      sectorsOf([
        agg('2410', { listingsIn: 2, openNeeds: 1 }),
        agg('2420', { inputs: 3 }),
        agg('1050', { openNeeds: 1 }),
        agg('2013', { tenants: 4 }),
      ]),
    ).toEqual([
      expect.objectContaining({ division: '24', inParkListings: 2, declaredInputs: 3, openNeeds: 1 }),
      expect.objectContaining({ division: '10', inParkListings: 0, declaredInputs: 0, openNeeds: 1 }),
    ]);
  });
});
