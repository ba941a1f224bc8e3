import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const auditCount = async (entityId: string) =>
  (await rt.container.repos.audit.list(entityId, { limit: 100 })).items.length;

function expectStale(res: CallResult) {
  expect(res.status).toBe(412);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('version.stale');
}

describe('parks', () => {
  it('creates a park owned by the calling operator, with Location and ETag', async () => {
    const op = await rt.operator();
    const res = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body: {
        name: 'Phu My 3 Specialized Industrial Park',
        names: { vi: 'Khu công nghiệp chuyên sâu Phú Mỹ 3' },
        country: 'VN',
        location: { lat: 10.59, lon: 107.05 },
        currency: 'VND',
        timeZone: 'Asia/Ho_Chi_Minh',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ operatorOrgId: op.orgId, version: 1, kind: 'industrial_park' });
    expect(res.body.parkId).toMatch(/^park_/);
    expect(res.body.auditHash).toBeUndefined();
    expect(res.headers.get('location')).toBe(`/v1/parks/${res.body.parkId}`);
    expect(res.headers.get('etag')).toBe('"v1"');
  });

  it.each(['Asia/Ho_Chi_Minh', 'Asia/Saigon', 'Asia/Kolkata', 'Europe/Kyiv', 'UTC', 'Asia/Tehran'])(
    'accepts the IANA time zone %s, current name or alias',
    async (timeZone) => {
      const { operator } = await rt.park();
      const res = await rt.call('POST', '/v1/parks', {
        token: operator.token,
        body: {
          name: 'Zone park',
          country: 'VN',
          location: { lat: 10, lon: 107 },
          currency: 'VND',
          timeZone,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.timeZone).toBe(timeZone);
    },
  );

  it.each(['Mars/Olympus_Mons', '+03:30', 'asia/tehran', ''])(
    'refuses %j as a time zone',
    async (timeZone) => {
      const { operator } = await rt.park();
      const res = await rt.call('POST', '/v1/parks', {
        token: operator.token,
        body: { name: 'Zone park', country: 'IR', location: { lat: 35, lon: 50 }, currency: 'IRR', timeZone },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['timeZone']);
    },
  );

  it('reads a park as any signed-in user, and answers 404 for an unknown id', async () => {
    const { parkId } = await rt.park();
    const token = await rt.login(rt.unique('reader'));
    expect((await rt.call('GET', `/v1/parks/${parkId}`, { token })).body.parkId).toBe(parkId);
    expect((await rt.call('GET', '/v1/parks/park_unknown', { token })).status).toBe(404);
  });
});

describe('ETag and If-Match on PATCH /v1/parks/{id}', () => {
  it('returns an ETag on read; a PATCH with it succeeds and returns the next ETag', async () => {
    const { parkId, operator } = await rt.park();
    const read = await rt.call('GET', `/v1/parks/${parkId}`, { token: operator.token });
    expect(read.headers.get('etag')).toBe('"v1"');
    const patched = await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: operator.token,
      body: { city: 'Eshtehard' },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ city: 'Eshtehard', version: 2 });
    expect(patched.headers.get('etag')).toBe('"v2"');
    expect((await rt.call('GET', `/v1/parks/${parkId}`, { token: operator.token })).headers.get('etag')).toBe(
      '"v2"',
    );
  });

  it('answers 412 to a PATCH with the old ETag and changes nothing', async () => {
    const { parkId, operator } = await rt.park();
    const old = (await rt.call('GET', `/v1/parks/${parkId}`, { token: operator.token })).headers.get('etag')!;
    await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: operator.token,
      body: { city: 'A' },
      headers: { 'if-match': old },
    });
    const audits = await auditCount(parkId);
    const stale = await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: operator.token,
      body: { city: 'B', name: 'Overwritten' },
      headers: { 'if-match': old },
    });
    expectStale(stale);
    const now = await rt.call('GET', `/v1/parks/${parkId}`, { token: operator.token });
    expect(now.body).toMatchObject({ city: 'A', name: 'Eshtehard Industrial Town', version: 2 });
    expect(await auditCount(parkId)).toBe(audits);
  });

  it.each(['v1', '"1"', 'garbage', '"v1', '**'])(
    'answers 412 to a malformed If-Match %j and changes nothing',
    async (tag) => {
      const { parkId, operator } = await rt.park();
      expectStale(
        await rt.call('PATCH', `/v1/parks/${parkId}`, {
          token: operator.token,
          body: { city: 'X' },
          headers: { 'if-match': tag },
        }),
      );
      expect((await rt.container.repos.parks.get(parkId))?.version).toBe(1);
    },
  );

  it('accepts If-Match: * for an existing park (any version matches)', async () => {
    const { parkId, operator } = await rt.park();
    await rt.call('PATCH', `/v1/parks/${parkId}`, { token: operator.token, body: { city: 'A' } });
    const res = await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: operator.token,
      body: { city: 'Star' },
      headers: { 'if-match': '*' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ city: 'Star', version: 3 });
  });

  it('accepts a weak ETag of the current version', async () => {
    const { parkId, operator } = await rt.park();
    const res = await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: operator.token,
      body: { city: 'Weak' },
      headers: { 'if-match': 'W/"v1"' },
    });
    expect(res.status).toBe(200);
  });

  it('lets exactly one of two PATCHes with the same ETag win', async () => {
    const { parkId, operator } = await rt.park();
    const results = await Promise.all(
      ['One', 'Two'].map((city) =>
        rt.call('PATCH', `/v1/parks/${parkId}`, {
          token: operator.token,
          body: { city },
          headers: { 'if-match': '"v1"' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(await auditCount(parkId)).toBe(2);
    const winner = results.find((r) => r.status === 200)!;
    expect((await rt.container.repos.parks.get(parkId))?.city).toBe(winner.body.city);
  });

  it('moves the park between country lists when its country changes', async () => {
    const { parkId, operator } = await rt.park();
    await rt.call('PATCH', `/v1/parks/${parkId}`, { token: operator.token, body: { country: 'MN' } });
    const inMn = await rt.call('GET', '/v1/parks?country=MN&limit=100', { token: operator.token });
    const inIr = await rt.call('GET', '/v1/parks?country=IR&limit=100', { token: operator.token });
    expect(inMn.body.items.map((p: { parkId: string }) => p.parkId)).toContain(parkId);
    expect(inIr.body.items.map((p: { parkId: string }) => p.parkId)).not.toContain(parkId);
  });
});

describe('ETag and If-Match on PATCH /v1/orgs/{id}', () => {
  it('returns an ETag on read; a PATCH with it succeeds and returns the next ETag', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    const read = await rt.call('GET', `/v1/orgs/${firm.orgId}`, { token: firm.token });
    expect(read.headers.get('etag')).toBe('"v1"');
    const patched = await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      body: { city: 'Ulaanbaatar', names: { mn: 'Эрдэнэт Төмөр ХХК' } },
      headers: { 'if-match': '"v1"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"v2"');
    expect(patched.body).toMatchObject({ city: 'Ulaanbaatar', version: 2, kinds: ['supplier'] });
  });

  it('answers 412 to a PATCH with the old ETag and changes nothing', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      body: { city: 'First' },
      headers: { 'if-match': '"v1"' },
    });
    const stale = await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      body: { city: 'Second' },
      headers: { 'if-match': '"v1"' },
    });
    expectStale(stale);
    expect(await rt.container.repos.orgs.get(firm.orgId)).toMatchObject({ city: 'First', version: 2 });
    expect(await auditCount(firm.orgId)).toBe(2);
  });

  it('answers 412 to a malformed If-Match and changes nothing', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    expectStale(
      await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
        token: firm.token,
        body: { city: 'X' },
        headers: { 'if-match': 'version-1' },
      }),
    );
    expect((await rt.container.repos.orgs.get(firm.orgId))?.version).toBe(1);
  });

  it('refuses to change the kinds through a PATCH (400), keeping the roles as they are', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    const res = await rt.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      body: { kinds: ['operator'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['kinds']);
    expect((await rt.container.repos.orgs.get(firm.orgId))?.kinds).toEqual(['tenant']);
  });
});
