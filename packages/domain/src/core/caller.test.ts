import { describe, expect, it } from 'vitest';
import { type Caller, hasRole, requireCaller, requireOrg, requireRole } from './caller';
import { DomainError } from './errors';

const tenant: Caller = { userId: 'usr_1', orgId: 'org_1', roles: ['tenant'], personRole: 'admin' };
const newcomer: Caller = { userId: 'usr_2', orgId: null, roles: [], personRole: null };

const kindOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof DomainError ? `${err.kind}:${err.code}` : 'other';
  }
  return 'passed';
};

describe('caller guards', () => {
  it('requireCaller refuses a missing caller as unauthenticated (401)', () => {
    expect(kindOf(() => requireCaller(null))).toBe('unauthenticated:auth.unauthenticated');
    expect(requireCaller(tenant)).toBe(tenant);
  });

  it('requireRole admits a caller holding any of the roles', () => {
    expect(requireRole({ ...tenant, roles: ['tenant', 'supplier'] }, 'supplier', 'operator').orgId).toBe(
      'org_1',
    );
  });

  it('requireRole refuses a caller without the role as forbidden (403)', () => {
    expect(kindOf(() => requireRole(tenant, 'operator'))).toBe('forbidden:auth.role_not_allowed');
  });

  it('requireRole refuses a caller whose token has the role but no organisation', () => {
    expect(kindOf(() => requireRole({ ...tenant, orgId: null }, 'tenant'))).toBe(
      'forbidden:auth.role_not_allowed',
    );
  });

  it('requireOrg refuses a user who has no organisation yet, telling them to log in again', () => {
    expect(kindOf(() => requireOrg(newcomer))).toBe('forbidden:auth.no_organisation');
    expect(requireOrg(tenant).orgId).toBe('org_1');
  });

  it('hasRole is false for an empty role list', () => {
    expect(hasRole(newcomer, 'tenant', 'supplier', 'operator')).toBe(false);
    expect(hasRole(tenant, 'operator', 'tenant')).toBe(true);
  });
});
