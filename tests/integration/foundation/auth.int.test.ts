import { randomBytes } from 'node:crypto';
import { LocalTokens } from '@parkbridge/api';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

const SECRET = randomBytes(32).toString('hex');
const key = (secret: string) => new TextEncoder().encode(secret);

let rt: TestRuntime;
let tenant: Awaited<ReturnType<TestRuntime['firm']>>;
let userId: string;

beforeAll(async () => {
  rt = await startTestRuntime({ tokenSecret: SECRET });
  tenant = await rt.firm({ kinds: ['tenant'] });
  userId = decodeJwt(tenant.token).sub as string;
});
afterAll(() => rt.stop());

/** A token like the server's own, with any part overridden, so each test changes exactly one thing. */
function craft(
  opts: { secret?: string; iss?: string; aud?: string; exp?: number; alg?: string; claims?: object } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ org: tenant.orgId, role: 'admin', groups: ['tenant'], ...opts.claims })
    .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(opts.iss ?? 'parkbridge-local')
    .setAudience(opts.aud ?? 'parkbridge')
    .setIssuedAt(now - 60)
    .setExpirationTime(opts.exp ?? now + 600)
    .sign(key(opts.secret ?? SECRET));
}

/** A route any signed-in member may call: 200 proves the token was accepted. */
const memberships = (headers: Record<string, string>) => rt.call('GET', '/v1/memberships', { headers });

function expectUnauthenticated(res: CallResult) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 401, code: 'auth.unauthenticated', title: 'Unauthenticated' });
  expect(res.body.requestId).toEqual(expect.any(String));
}

describe('bearer tokens', () => {
  it('accepts a token crafted like the server issues (the control for the refusals below)', async () => {
    const res = await memberships({ authorization: `Bearer ${await craft()}` });
    expect(res.status).toBe(200);
  });

  it('answers 401 problem+json without a token', async () => {
    expectUnauthenticated(await memberships({}));
  });

  it.each([
    ['a scheme other than Bearer', (t: string) => `Basic ${t}`],
    ['Bearer without a token', () => 'Bearer'],
    ['Bearer with an empty token', () => 'Bearer '],
    ['two tokens', (t: string) => `Bearer ${t} ${t}`],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
    ['a JWT with a truncated signature', (t: string) => `Bearer ${t.slice(0, -4)}`],
    ['the raw token without a scheme', (t: string) => t],
  ])('answers 401 to a malformed Authorization header: %s', async (_label, header) => {
    expectUnauthenticated(await memberships({ authorization: header(tenant.token) }));
  });

  it('answers 401 to a token signed with another secret', async () => {
    expectUnauthenticated(
      await memberships({
        authorization: `Bearer ${await craft({ secret: randomBytes(32).toString('hex') })}`,
      }),
    );
  });

  it('answers 401 to an alg:none token carrying valid claims', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = new UnsecuredJWT({ org: tenant.orgId, groups: ['operator'] })
      .setSubject(userId)
      .setIssuer('parkbridge-local')
      .setAudience('parkbridge')
      .setExpirationTime(now + 600)
      .encode();
    expect(unsigned.endsWith('.')).toBe(true);
    expectUnauthenticated(await memberships({ authorization: `Bearer ${unsigned}` }));
  });

  it('answers 401 to a real token whose payload was edited to add the operator role', async () => {
    const [header, , signature] = tenant.token.split('.');
    const payload = { ...decodeJwt(tenant.token), groups: ['operator'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expectUnauthenticated(
      await rt.call('GET', '/v1/audit?entityId=x', { headers: { authorization: `Bearer ${forged}` } }),
    );
  });

  it('answers 401 to a token signed with HS512 under the right secret (only HS256 is accepted)', async () => {
    expectUnauthenticated(await memberships({ authorization: `Bearer ${await craft({ alg: 'HS512' })}` }));
  });

  it('answers 401 to an expired token', async () => {
    const expired = await craft({ exp: Math.floor(Date.now() / 1000) - 5 });
    expectUnauthenticated(await memberships({ authorization: `Bearer ${expired}` }));
  });

  it('answers 401 once a token issued by LocalTokens outlives its ttl', async () => {
    const shortLived = new LocalTokens(SECRET, 1);
    const token = await shortLived.issue({
      sub: userId,
      org: tenant.orgId,
      role: 'admin',
      groups: ['tenant'],
    });
    expect((await memberships({ authorization: `Bearer ${token}` })).status).toBe(200);
    // Two seconds later, by the clock jose reads (the refusal happens before any database call).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    try {
      expectUnauthenticated(await memberships({ authorization: `Bearer ${token}` }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 401 to a token from another issuer', async () => {
    expectUnauthenticated(
      await memberships({ authorization: `Bearer ${await craft({ iss: 'https://evil.example' })}` }),
    );
  });

  it('answers 401 to a token for another audience', async () => {
    expectUnauthenticated(
      await memberships({ authorization: `Bearer ${await craft({ aud: 'another-app' })}` }),
    );
  });

  it('answers 401 to a token without a subject', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ org: tenant.orgId, groups: ['tenant'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('parkbridge-local')
      .setAudience('parkbridge')
      .setExpirationTime(now + 600)
      .sign(key(SECRET));
    expectUnauthenticated(await memberships({ authorization: `Bearer ${token}` }));
  });

  it('accepts the Bearer scheme in any letter case', async () => {
    expect((await memberships({ authorization: `bearer ${tenant.token}` })).status).toBe(200);
  });
});

describe('a new user and their organisation', () => {
  it('gives a new email a user with no organisation and a token without org or groups', async () => {
    const email = rt.unique('newcomer');
    const res = await rt.call('POST', '/v1/dev/login', { body: { email } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, orgId: null });
    const claims = decodeJwt(res.body.token);
    expect(claims.sub).toBe(res.body.user.userId);
    expect(claims.org).toBeUndefined();
    expect(claims.groups).toEqual([]);
  });

  it('refuses a user without an organisation on role-restricted routes with 403', async () => {
    const token = await rt.login(rt.unique('newcomer'));
    const parkBody = {
      name: 'Park',
      country: 'IR',
      location: { lat: 35, lon: 50 },
      currency: 'IRR',
      timeZone: 'Asia/Tehran',
    };
    for (const [method, path, body] of [
      ['POST', '/v1/parks', parkBody],
      ['GET', '/v1/memberships', undefined],
      ['GET', '/v1/notifications', undefined],
      ['GET', '/v1/audit?entityId=anything', undefined],
    ] as const) {
      const res = await rt.call(method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('lets the new user read public things (signed in, no role needed)', async () => {
    const token = await rt.login(rt.unique('newcomer'));
    expect((await rt.call('GET', '/v1/parks', { token })).status).toBe(200);
    expect((await rt.call('GET', `/v1/orgs/${tenant.orgId}`, { token })).status).toBe(200);
  });

  it('puts the organisation and its kinds into the token only after logging in again', async () => {
    const email = rt.unique('founder');
    const before = await rt.login(email);
    const created = await rt.call('POST', '/v1/orgs', {
      token: before,
      body: { name: 'Erdenet Parts LLC', kinds: ['supplier', 'tenant'], country: 'MN' },
    });
    expect(created.status).toBe(201);
    // The old token was minted before the organisation existed: it still carries none.
    expect((await rt.call('GET', '/v1/memberships', { token: before })).status).toBe(403);

    const after = await rt.login(email);
    const claims = decodeJwt(after);
    expect(claims.org).toBe(created.body.orgId);
    expect(claims.groups).toEqual(['supplier', 'tenant']);
    expect((await rt.call('GET', '/v1/memberships', { token: after })).status).toBe(200);
  });

  it('refuses a second organisation for a user who founded one (409)', async () => {
    const email = rt.unique('founder');
    await rt.call('POST', '/v1/orgs', {
      token: await rt.login(email),
      body: { name: 'First', kinds: ['tenant'], country: 'IR' },
    });
    // Even with the stale token (no org claim), the store knows the user has one.
    const again = await rt.call('POST', '/v1/orgs', {
      token: await rt.login(email),
      body: { name: 'Second', kinds: ['tenant'], country: 'IR' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a stale token that has no org claim from founding another organisation too', async () => {
    const email = rt.unique('founder');
    const stale = await rt.login(email);
    expect(
      (
        await rt.call('POST', '/v1/orgs', {
          token: stale,
          body: { name: 'One', kinds: ['tenant'], country: 'IR' },
        })
      ).status,
    ).toBe(201);
    const second = await rt.call('POST', '/v1/orgs', {
      token: stale,
      body: { name: 'Two', kinds: ['tenant'], country: 'IR' },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('org.already_member');
  });

  it('lets only one of two simultaneous organisation creations by one user through', async () => {
    const email = rt.unique('racer');
    const token = await rt.login(email);
    const results = await Promise.all(
      ['A', 'B'].map((name) =>
        rt.call('POST', '/v1/orgs', { token, body: { name, kinds: ['tenant'], country: 'VN' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const user = await rt.container.repos.users.getByEmail(email);
    expect(user?.orgId).toBe(results.find((r) => r.status === 201)!.body.orgId);
  });

  it('makes one user of simultaneous first logins with the same new email', async () => {
    const email = rt.unique('twin');
    const logins = await Promise.all(
      [1, 2, 3].map(() => rt.call('POST', '/v1/dev/login', { body: { email } })),
    );
    expect(logins.map((l) => l.status)).toEqual([200, 200, 200]);
    expect(new Set(logins.map((l) => l.body.user.userId)).size).toBe(1);
  });

  it('logs the same email in as the same user, whatever its letter case', async () => {
    const email = rt.unique('case');
    const a = await rt.call('POST', '/v1/dev/login', { body: { email } });
    const b = await rt.call('POST', '/v1/dev/login', { body: { email: email.toUpperCase() } });
    expect(b.body.user.userId).toBe(a.body.user.userId);
  });

  it('refuses a login without a valid email (400)', async () => {
    const res = await rt.call('POST', '/v1/dev/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
  });
});
