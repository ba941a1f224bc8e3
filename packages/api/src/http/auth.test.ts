import { describe, expect, it } from 'vitest';
import { callerFromClaims } from './auth';

describe('callerFromClaims', () => {
  it('reads user, organisation, role and groups from verified claims', () => {
    expect(
      callerFromClaims({ sub: 'usr_1', org: 'org_1', role: 'buyer', groups: ['tenant', 'supplier'] }),
    ).toEqual({
      userId: 'usr_1',
      orgId: 'org_1',
      roles: ['tenant', 'supplier'],
      personRole: 'buyer',
    });
  });

  it('takes no person role that is not one, nor one without an organisation', () => {
    expect(callerFromClaims({ sub: 'u', org: 'org_1', role: 'owner' })?.personRole).toBeNull();
    expect(callerFromClaims({ sub: 'u', org: 'org_1', role: ['admin'] })?.personRole).toBeNull();
    expect(callerFromClaims({ sub: 'u', role: 'admin' })?.personRole).toBeNull();
  });

  it('parses the "[tenant supplier]" string API Gateway hands to the Lambda for an array claim', () => {
    const caller = callerFromClaims({ sub: 'usr_1', org: 'org_1', 'cognito:groups': '[tenant supplier]' });
    expect(caller?.roles).toEqual(['tenant', 'supplier']);
  });

  it('parses a one-group string, with or without brackets, and comma separated lists', () => {
    expect(callerFromClaims({ sub: 'u', 'cognito:groups': '[operator]' })?.roles).toEqual(['operator']);
    expect(callerFromClaims({ sub: 'u', 'cognito:groups': 'supplier' })?.roles).toEqual(['supplier']);
    expect(callerFromClaims({ sub: 'u', groups: 'tenant,supplier' })?.roles).toEqual(['tenant', 'supplier']);
  });

  it('reads cognito:groups arrays (the claim as Cognito issues it)', () => {
    expect(callerFromClaims({ sub: 'u', 'cognito:groups': ['operator'] })?.roles).toEqual(['operator']);
  });

  it('drops groups that are not Parkbridge roles, so a Cognito admin group grants nothing', () => {
    expect(
      callerFromClaims({ sub: 'u', 'cognito:groups': ['admin', 'tenant', 'Operator', 'operators'] })?.roles,
    ).toEqual(['tenant']);
    expect(callerFromClaims({ sub: 'u', groups: '[admin superuser]' })?.roles).toEqual([]);
  });

  it('gives no roles when groups are absent, empty or of an unexpected type', () => {
    for (const groups of [undefined, '', '[]', [], 42, { tenant: true }, null]) {
      expect(callerFromClaims({ sub: 'u', groups })?.roles).toEqual([]);
    }
  });

  it('takes the organisation from custom:org (a Cognito custom attribute) when org is absent', () => {
    expect(callerFromClaims({ sub: 'u', 'custom:org': 'org_9' })?.orgId).toBe('org_9');
  });

  it('has no organisation when the claim is missing, empty or not a string', () => {
    for (const org of [undefined, '', 7, ['org_1'], null]) {
      expect(callerFromClaims({ sub: 'u', org })?.orgId).toBeNull();
    }
  });

  it('refuses claims without a subject', () => {
    expect(callerFromClaims({ org: 'org_1', groups: ['operator'] })).toBeNull();
    expect(callerFromClaims({ sub: '', groups: ['operator'] })).toBeNull();
    expect(callerFromClaims({ sub: 12, groups: ['operator'] })).toBeNull();
  });
});
