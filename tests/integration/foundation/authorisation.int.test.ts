import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let parkId: string;
let operator: { token: string; orgId: string };
let otherOperator: { token: string; orgId: string };
let tenant: Awaited<ReturnType<TestRuntime['firm']>>;
let supplier: Awaited<ReturnType<TestRuntime['firm']>>;
let both: Awaited<ReturnType<TestRuntime['firm']>>;
let certId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  const p = await rt.park();
  parkId = p.parkId;
  operator = p.operator;
  otherOperator = (await rt.park({ name: 'Another park' })).operator;
  [tenant, supplier, both] = await Promise.all([
    rt.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } }),
    rt.firm({ kinds: ['supplier'] }),
    rt.firm({ kinds: ['tenant', 'supplier'] }),
  ]);
  await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: supplier.token });
  const claimed = await rt.call('POST', `/v1/orgs/${supplier.orgId}/certificates`, {
    token: supplier.token,
    body: { kind: 'iso_14001', number: 'EMS-7', issuer: 'QUACERT', validUntil: '2030-06-30' },
  });
  certId = claimed.body.certId;
});
afterAll(() => rt.stop());

const parkBody = {
  name: 'P',
  country: 'IR',
  location: { lat: 35, lon: 50 },
  currency: 'IRR',
  timeZone: 'Asia/Tehran',
};

/** Every operator-only route of the foundation, as [label, method, path, body]. */
const operatorRoutes = (): [string, string, string, unknown][] => [
  ['create a park', 'POST', '/v1/parks', parkBody],
  ['change a park', 'PATCH', `/v1/parks/${parkId}`, { city: 'X' }],
  ["list a park's memberships", 'GET', `/v1/parks/${parkId}/memberships`, undefined],
  ['approve a membership', 'POST', `/v1/parks/${parkId}/memberships/${supplier.orgId}/approve`, undefined],
  [
    'reject a membership',
    'POST',
    `/v1/parks/${parkId}/memberships/${supplier.orgId}/reject`,
    { reason: 'r' },
  ],
  [
    'suspend a membership',
    'POST',
    `/v1/parks/${parkId}/memberships/${tenant.orgId}/suspend`,
    { reason: 'r' },
  ],
  ['reinstate a membership', 'POST', `/v1/parks/${parkId}/memberships/${tenant.orgId}/reinstate`, undefined],
  ['verify a certificate', 'POST', `/v1/orgs/${supplier.orgId}/certificates/${certId}/verify`, undefined],
  ['reject a certificate', 'POST', `/v1/orgs/${supplier.orgId}/certificates/${certId}/reject`, undefined],
  ['read the audit trail', 'GET', `/v1/audit?entityId=${parkId}`, undefined],
];

/** What the refused calls must leave alone. */
async function snapshot() {
  const parks = await rt.container.repos.parks.list({ limit: 100 });
  return {
    parks: parks.items.map((p) => `${p.parkId}@${p.version}`).sort(),
    memberships: (
      await rt.container.repos.memberships.listByPark(parkId, undefined, { limit: 100 })
    ).items.map((m) => `${m.orgId}:${m.status}:${m.suspended}@${m.version}`),
    cert: (await rt.container.repos.certificates.get(supplier.orgId, certId))?.status,
  };
}

function expectProblem(res: CallResult, status: number, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

describe('operator-only routes', () => {
  it('refuse a caller without a token with 401', async () => {
    for (const [label, method, path, body] of operatorRoutes()) {
      expectProblem(await rt.call(method, path, { body }), 401, label);
    }
  });

  it('refuse a tenant, a supplier and a tenant-supplier firm with 403, and change nothing', async () => {
    const before = await snapshot();
    for (const firm of [tenant, supplier, both]) {
      for (const [label, method, path, body] of operatorRoutes()) {
        // A claimed certificate is the firm's own: to other firms it does not exist (404 comes before 403).
        const unseen = label.endsWith('a certificate') && firm !== supplier;
        const res = await rt.call(method, path, { token: firm.token, body });
        expectProblem(res, unseen ? 404 : 403, `${firm.roles.join('+')} may not ${label}`);
        expect(res.body.code).toBe(unseen ? 'certificate.not_found' : 'auth.role_not_allowed');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuse the operator of another park with 403 on the park's own business, and change nothing", async () => {
    const before = await snapshot();
    const parkScoped = operatorRoutes().filter(
      ([label]) => label === 'change a park' || label.includes('membership'),
    );
    expect(parkScoped).toHaveLength(6);
    for (const [label, method, path, body] of parkScoped) {
      const res = await rt.call(method, path, { token: otherOperator.token, body });
      expectProblem(res, 403, `another operator may not ${label}`);
      expect(res.body.code).toBe('park.not_operator');
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answer 404 to an operator that runs no park the firm applied to when verifying the firm's certificate", async () => {
    for (const action of ['verify', 'reject']) {
      const res = await rt.call('POST', `/v1/orgs/${supplier.orgId}/certificates/${certId}/${action}`, {
        token: otherOperator.token,
      });
      expectProblem(res, 404, action);
      expect(res.body.code).toBe('certificate.not_found');
    }
    expect((await rt.container.repos.certificates.get(supplier.orgId, certId))?.status).toBe('claimed');
  });

  it('answer 404 to an operator for a certificate id that does not exist', async () => {
    const res = await rt.call('POST', `/v1/orgs/${supplier.orgId}/certificates/cert_nope/verify`, {
      token: operator.token,
    });
    expectProblem(res, 404, 'unknown certificate');
  });
});

describe('firm-only routes', () => {
  it('refuse an operator applying for membership (403)', async () => {
    expectProblem(
      await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: operator.token }),
      403,
      'apply',
    );
  });
});

describe("another organisation's private things answer 404", () => {
  it("refuses to change another organisation's profile with 404, and changes nothing", async () => {
    for (const token of [tenant.token, operator.token]) {
      const res = await rt.call('PATCH', `/v1/orgs/${supplier.orgId}`, { token, body: { name: 'Hijacked' } });
      expectProblem(res, 404, 'patch another org');
      expect(res.body.code).toBe('organisation.not_found');
    }
    const org = await rt.container.repos.orgs.get(supplier.orgId);
    expect(org?.name).not.toBe('Hijacked');
    expect(org?.version).toBe(1);
  });

  it('answers the same 404 for an organisation that does not exist (no probing)', async () => {
    const missing = await rt.call('PATCH', '/v1/orgs/org_DOESNOTEXIST', {
      token: tenant.token,
      body: { name: 'x' },
    });
    const other = await rt.call('PATCH', `/v1/orgs/${supplier.orgId}`, {
      token: tenant.token,
      body: { name: 'x' },
    });
    expect(missing.status).toBe(404);
    expect({ ...missing.body, instance: null, requestId: null }).toEqual({
      ...other.body,
      instance: null,
      requestId: null,
    });
  });

  it('refuses to claim a certificate for another organisation with 404, writing nothing', async () => {
    const res = await rt.call('POST', `/v1/orgs/${tenant.orgId}/certificates`, {
      token: supplier.token,
      body: { kind: 'iso_9001', number: 'FAKE', issuer: 'Me', validUntil: '2030-01-01' },
    });
    expectProblem(res, 404, 'claim for another org');
    expect((await rt.container.repos.certificates.listByOrg(tenant.orgId, { limit: 10 })).items).toEqual([]);
  });

  it('shows another organisation only its verified certificates, never claimed or rejected ones', async () => {
    const firm = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const verified = await rt.verifiedCertificate(firm.token, firm.orgId, operator.token, 'iso_9001');
    const claimed = await rt.call('POST', `/v1/orgs/${firm.orgId}/certificates`, {
      token: firm.token,
      body: { kind: 'halal', number: 'H-1', issuer: 'JAKIM', validUntil: '2030-01-01' },
    });
    const toReject = await rt.call('POST', `/v1/orgs/${firm.orgId}/certificates`, {
      token: firm.token,
      body: { kind: 'srdi_sme', number: 'S-1', issuer: 'MIIT', validUntil: '2030-01-01' },
    });
    await rt.call('POST', `/v1/orgs/${firm.orgId}/certificates/${toReject.body.certId}/reject`, {
      token: operator.token,
    });

    const own = await rt.call('GET', `/v1/orgs/${firm.orgId}/certificates`, { token: firm.token });
    expect(own.body.items.map((c: { certId: string }) => c.certId).sort()).toEqual(
      [verified.certId, claimed.body.certId, toReject.body.certId].sort(),
    );
    for (const token of [tenant.token, supplier.token, otherOperator.token]) {
      const seen = await rt.call('GET', `/v1/orgs/${firm.orgId}/certificates`, { token });
      expect(seen.status).toBe(200);
      expect(seen.body.items.map((c: { certId: string }) => c.certId)).toEqual([verified.certId]);
    }
  });

  it("answers 404 to marking another organisation's notification read, and leaves it unread", async () => {
    await rt.container.repos.notifications.notify({
      orgId: supplier.orgId,
      kind: 'membership.approved',
      entityId: parkId,
      dedupeKey: 'authz-test',
    });
    const mine = await rt.call('GET', '/v1/notifications', { token: supplier.token });
    const id = mine.body.items[0].notificationId as string;
    expectProblem(
      await rt.call('POST', `/v1/notifications/${id}/read`, { token: tenant.token }),
      404,
      'read other',
    );
    expectProblem(
      await rt.call('POST', '/v1/notifications/ntf_unknown/read', { token: tenant.token }),
      404,
      'unknown',
    );
    expect((await rt.call('GET', '/v1/notifications', { token: tenant.token })).body.items).toEqual([]);
    const still = await rt.call('GET', '/v1/notifications', { token: supplier.token });
    expect(still.body.items[0].readAt).toBeNull();
  });

  it('answers 404 to an operator deciding on a membership that does not exist in its own park', async () => {
    const res = await rt.call('POST', `/v1/parks/${parkId}/memberships/${both.orgId}/approve`, {
      token: operator.token,
    });
    expectProblem(res, 404, 'no such membership');
  });
});
