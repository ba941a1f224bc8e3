import { describe, expect, it } from 'vitest';
import { isActiveAs, type Membership, MembershipApplication, MembershipSuspension } from './membership';
import { OrgInput, OrgPatch } from './org';

const org = { name: 'شرکت فولاد البرز', kinds: ['tenant'], country: 'IR' };

describe('OrgInput', () => {
  it('accepts a firm that declares itself tenant and supplier', () => {
    expect(OrgInput.parse({ ...org, kinds: ['tenant', 'supplier'] }).kinds).toEqual(['tenant', 'supplier']);
  });

  it('refuses a self-declared operator: operator organisations are made by operators only', () => {
    expect(OrgInput.safeParse({ ...org, kinds: ['operator'] }).success).toBe(false);
    expect(OrgInput.safeParse({ ...org, kinds: ['tenant', 'operator'] }).success).toBe(false);
  });

  it('refuses no kinds and repeated kinds', () => {
    expect(OrgInput.safeParse({ ...org, kinds: [] }).success).toBe(false);
    expect(OrgInput.safeParse({ ...org, kinds: ['tenant', 'tenant'] }).success).toBe(false);
  });

  it('refuses server-owned fields such as orgId and version', () => {
    expect(OrgInput.safeParse({ ...org, orgId: 'org_x' }).success).toBe(false);
    expect(OrgInput.safeParse({ ...org, version: 9 }).success).toBe(false);
  });

  it('refuses a name with a bidi override character', () => {
    expect(OrgInput.safeParse({ ...org, name: 'Acme\u202Egnp.exe' }).success).toBe(false);
  });

  it('does not let a patch change the kinds', () => {
    expect(OrgPatch.safeParse({ kinds: ['supplier'] }).success).toBe(false);
    expect(OrgPatch.safeParse({ name: 'New name' }).success).toBe(true);
  });
});

describe('membership rules', () => {
  const m = (over: Partial<Membership>): Membership => ({
    parkId: 'park_1',
    orgId: 'org_1',
    as: ['tenant'],
    status: 'approved',
    suspended: false,
    reason: null,
    history: [],
    appliedAt: '2026-01-01T00:00:00.000Z',
    decidedAt: '2026-01-02T00:00:00.000Z',
    ...over,
    version: 2,
  });

  it('counts only an approved, unsuspended membership as the kind it was approved as', () => {
    expect(isActiveAs(m({}), 'tenant')).toBe(true);
    expect(isActiveAs(m({}), 'supplier')).toBe(false);
    expect(isActiveAs(m({ suspended: true }), 'tenant')).toBe(false);
    expect(isActiveAs(m({ status: 'pending' }), 'tenant')).toBe(false);
    expect(isActiveAs(m({ status: 'rejected' }), 'tenant')).toBe(false);
    expect(isActiveAs(null, 'tenant')).toBe(false);
  });

  it('refuses an application as operator or with a repeated kind', () => {
    expect(MembershipApplication.safeParse({ as: ['operator'] }).success).toBe(false);
    expect(MembershipApplication.safeParse({ as: ['supplier', 'supplier'] }).success).toBe(false);
    expect(MembershipApplication.safeParse({}).success).toBe(true);
  });

  it('requires a reason to suspend', () => {
    expect(MembershipSuspension.safeParse({}).success).toBe(false);
    expect(MembershipSuspension.safeParse({ reason: '   ' }).success).toBe(false);
    expect(MembershipSuspension.safeParse({ reason: 'Unpaid service charges' }).success).toBe(true);
  });
});
