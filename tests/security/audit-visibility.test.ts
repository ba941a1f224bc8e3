import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ScenarioRuntime, startScenarioRuntime } from './support/runtime';
import type { Scenario } from './support/scenario';

// OWASP API3 (object property level authorisation) through the audit trail: what a caller may not
// read on a resource's own route must not be readable in its audit records either. A claimed
// (unverified) certificate is private to its firm and the operators of the parks the firm applied
// to (GET /v1/orgs/{orgId}/certificates shows others verified ones only).
let rt: ScenarioRuntime;
let s: Scenario;

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  s = await rt.scenario();
}, 120_000);
afterAll(() => rt?.stop());

const audit = (entityId: string, token: string | undefined) =>
  s.h.call('GET', `/v1/audit?entityId=${entityId}`, { token });

describe('audit records of a claimed certificate', () => {
  it('are shown to the operator of a park the firm applied to (the control)', async () => {
    const certId = await s.certificate();
    const res = await audit(certId, s.token('operator'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => r.action)).toContain('certificate.claimed');
  });

  it('are not shown to the operator of another park, who cannot see the certificate itself', async () => {
    const certId = await s.certificate();
    const own = await s.h.call('GET', `/v1/orgs/${s.a.supplier.orgId}/certificates`, {
      token: s.token('otherOperator'),
    });
    expect(own.body.items.map((c: any) => c.certId)).not.toContain(certId);
    const res = await audit(certId, s.token('otherOperator'));
    expect([200, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain(certId);
  });
});

describe('audit records of a draft need', () => {
  it('are not shown to the park operator, who gets 404 as on the need itself', async () => {
    const needId = await s.draftNeed();
    const own = await s.h.call('GET', `/v1/needs/${needId}`, { token: s.token('operator') });
    expect(own.status).toBe(404);
    const res = await audit(needId, s.token('operator'));
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(needId);
  });

  it('are shown once the need is published (the control)', async () => {
    const needId = await s.need();
    const res = await audit(needId, s.token('operator'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => r.action)).toEqual(
      expect.arrayContaining(['need.created', 'need.published']),
    );
  });
});
