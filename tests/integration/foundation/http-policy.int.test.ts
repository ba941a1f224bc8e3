import { securityHeaders, securityHeaderValues } from '@parkbridge/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

// What every response carries: no-store on private answers, the security headers CloudFront adds
// in AWS (one definition, packages/config), and CORS preflights answered as API Gateway would.

const WEB_DEV = 'http://localhost:5173';
let rt: TestRuntime;
let tenant: Awaited<ReturnType<TestRuntime['firm']>>;

beforeAll(async () => {
  rt = await startTestRuntime({ env: { ...process.env, PARKBRIDGE_CORS_ORIGINS: WEB_DEV } });
  tenant = await rt.firm({ kinds: ['tenant'] });
});
afterAll(() => rt.stop());

describe('private responses', () => {
  it.each([
    ['GET', '/v1/notifications'],
    ['GET', '/v1/bookings?mine=true'],
    ['GET', '/v1/needs?mine=true'],
    ['GET', '/v1/needs/need_00000000000000000000000000'],
    ['POST', '/v1/needs'],
  ])('marks %s %s no-store, answered or refused', async (method, path) => {
    const res = await rt.call(method, path, {
      token: tenant.token,
      ...(method === 'POST' ? { body: {} } : {}),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the token the dev login hands out, and a 401, no-store', async () => {
    const login = await rt.call('POST', '/v1/dev/login', { body: { email: 'cache@test.parkbridge' } });
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect((await rt.call('GET', '/v1/notifications')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('security headers', () => {
  it('sends, on API answers and on the web app alike, the headers CloudFront sends in AWS', async () => {
    // In AWS the browser may also call the files bucket; locally, the file server in its place.
    const fileServer = new URL(rt.s3Endpoint).origin;
    const want = securityHeaderValues(securityHeaders([fileServer]));
    expect(want['content-security-policy']).toContain(`connect-src 'self' ${fileServer}`);
    expect(Object.keys(want)).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-frame-options']),
    );
    for (const res of [
      await rt.call('GET', '/v1/notifications', { token: tenant.token }),
      await rt.call('GET', '/health'),
      await rt.call('GET', '/v1/no-such-route', { token: tenant.token }),
    ]) {
      for (const [name, value] of Object.entries(want)) expect(res.headers.get(name), name).toBe(value);
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    rt.call('OPTIONS', '/v1/needs', {
      headers: {
        origin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    });

  it('answers a preflight from an allowed origin with what the API accepts', async () => {
    const res = await preflight(WEB_DEV);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_DEV);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']),
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('answers a preflight from any other origin without allowing it, and never with 401 or 404', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed origin read the headers a client needs (ETag, Retry-After, the request id)', async () => {
    const res = await rt.call('GET', '/v1/notifications', {
      token: tenant.token,
      headers: { origin: WEB_DEV },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_DEV);
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['etag', 'retry-after', 'x-request-id']),
    );
  });
});
