import { getItem } from '@parkbridge/db';
import { endOfDayUtc, isHeld } from '@parkbridge/domain/orgs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let parkId: string;
let op: string;
let opOrgId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  const p = await rt.park();
  parkId = p.parkId;
  op = p.operator.token;
  opOrgId = p.operator.orgId;
});
afterAll(() => rt.stop());

/** A supplier that applied to the operator's park (so that operator may verify its certificates). */
const applicant = async () => {
  const firm = await rt.firm({ kinds: ['supplier'] });
  await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: firm.token });
  return firm;
};

const claim = (firm: { token: string; orgId: string }, body: Record<string, unknown> = {}) =>
  rt.call('POST', `/v1/orgs/${firm.orgId}/certificates`, {
    token: firm.token,
    body: { kind: 'iso_9001', number: 'QMS-2291', issuer: 'ISIRI', validUntil: '2030-06-30', ...body },
  });

const decide = (orgId: string, certId: string, action: 'verify' | 'reject') =>
  rt.call('POST', `/v1/orgs/${orgId}/certificates/${certId}/${action}`, { token: op });

/** The held-kind marker that bids check in their transactions. */
const marker = (orgId: string, kind: string) => getItem(rt.db, `ORG#${orgId}`, `CERTKIND#${kind}`, true);

describe('certificates', () => {
  it('records a claim as claimed, and a claim alone writes no held-kind marker', async () => {
    const firm = await applicant();
    const res = await claim(firm, { validFrom: '2024-07-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'claimed',
      verifiedAt: null,
      verifiedByOrgId: null,
      orgId: firm.orgId,
    });
    expect(res.body.certId).toMatch(/^cert_/);
    expect(await marker(firm.orgId, 'iso_9001')).toBeUndefined();
  });

  it('verifies a claim and writes the marker held until the last millisecond of validUntil', async () => {
    const firm = await applicant();
    const claimed = await claim(firm, { validUntil: '2031-03-20' });
    const res = await decide(firm.orgId, claimed.body.certId, 'verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', verifiedByOrgId: opOrgId, version: 2 });
    expect(res.body.verifiedAt).toEqual(expect.any(String));
    const m = await marker(firm.orgId, 'iso_9001');
    expect(m?.heldUntil).toBe(Date.parse('2031-03-20T23:59:59.999Z'));
    expect(m?.heldUntil).toBe(endOfDayUtc('2031-03-20'));
  });

  it('keeps the later expiry in the marker when a second certificate of the kind is verified', async () => {
    const firm = await applicant();
    const late = await claim(firm, { validUntil: '2033-01-01' });
    const early = await claim(firm, { validUntil: '2029-01-01' });
    await decide(firm.orgId, late.body.certId, 'verify');
    await decide(firm.orgId, early.body.certId, 'verify');
    expect((await marker(firm.orgId, 'iso_9001'))?.heldUntil).toBe(endOfDayUtc('2033-01-01'));
  });

  it('writes no marker for a rejected certificate', async () => {
    const firm = await applicant();
    const claimed = await claim(firm, { kind: 'knowledge_based' });
    const res = await decide(firm.orgId, claimed.body.certId, 'reject');
    expect(res.body.status).toBe('rejected');
    expect(await marker(firm.orgId, 'knowledge_based')).toBeUndefined();
  });

  it('refuses to verify twice, or to reject a verified certificate (409)', async () => {
    const firm = await applicant();
    const claimed = await claim(firm);
    expect((await decide(firm.orgId, claimed.body.certId, 'verify')).status).toBe(200);
    const twice = await decide(firm.orgId, claimed.body.certId, 'verify');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('certificate.decided');
    expect((await decide(firm.orgId, claimed.body.certId, 'reject')).status).toBe(409);
    expect((await rt.container.repos.certificates.get(firm.orgId, claimed.body.certId))?.version).toBe(2);
  });

  it('does not count a verified certificate whose validity ended as held', async () => {
    const firm = await applicant();
    const claimed = await claim(firm, { validUntil: '2020-12-31' });
    const verified = await decide(firm.orgId, claimed.body.certId, 'verify');
    expect(verified.body.status).toBe('verified');
    expect(isHeld(verified.body, new Date())).toBe(false);
    expect(isHeld(verified.body, new Date('2020-12-31T23:59:59.999Z'))).toBe(true);
    expect((await marker(firm.orgId, 'iso_9001'))?.heldUntil).toBeLessThan(Date.now());
  });

  it('refuses a claim whose validUntil is before validFrom, naming validUntil', async () => {
    const firm = await applicant();
    const res = await claim(firm, { validFrom: '2030-01-02', validUntil: '2030-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['validUntil']);
  });

  it('refuses a claim that sets its own status (no self-verification)', async () => {
    const firm = await applicant();
    const res = await claim(firm, { status: 'verified', verifiedByOrgId: opOrgId });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'status',
      'verifiedByOrgId',
    ]);
    expect((await rt.container.repos.certificates.listByOrg(firm.orgId, { limit: 10 })).items).toEqual([]);
  });

  it('audits the claim and the verification on the certificate’s chain', async () => {
    const firm = await applicant();
    const claimed = await claim(firm);
    await decide(firm.orgId, claimed.body.certId, 'verify');
    const trail = await rt.call('GET', `/v1/audit?entityId=${claimed.body.certId}`, { token: op });
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual([
      'certificate.claimed',
      'certificate.verified',
    ]);
  });
});
