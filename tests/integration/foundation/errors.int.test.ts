import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let op: { token: string; orgId: string };
let parkId: string;
const logged: unknown[] = [];

const validPark = {
  name: 'Darkhan Industrial Park',
  country: 'MN',
  location: { lat: 49.4867, lon: 105.9228 },
  currency: 'MNT',
  timeZone: 'Asia/Ulaanbaatar',
};

beforeAll(async () => {
  rt = await startTestRuntime({ onError: (e) => logged.push(e) });
  const p = await rt.park();
  op = p.operator;
  parkId = p.parkId;
});
afterAll(() => rt.stop());

/** What a refused request must not change: every park, and the audit trail of the park and its operator. */
async function written() {
  const parks = await rt.container.repos.parks.list({ limit: 100 });
  const mine = await rt.container.repos.parks.listByOperator(op.orgId, { limit: 100 });
  const audit = await rt.container.repos.audit.list(parkId, { limit: 100 });
  return {
    parks: parks.items.map((p) => `${p.parkId}@${p.version}:${p.name}`).sort(),
    operated: mine.items.length,
    audit: audit.items.map((r) => r.hash),
  };
}

async function expectNothingWritten(request: () => Promise<unknown>) {
  const before = await written();
  await request();
  expect(await written()).toEqual(before);
}

function expectProblem(res: CallResult, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
  });
  if (code) expect(res.body.code).toBe(code);
}

const paths = (res: { body: { errors?: { path: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.path).sort();

describe('malformed and invalid input', () => {
  it('answers 400 request.malformed_json to a body that is not JSON, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('POST', '/v1/parks', {
        token: op.token,
        body: '{"name": "Half',
        headers: {},
      });
      expectProblem(res, 400, 'request.malformed_json');
      expect(paths(res)).toEqual(['body']);
    });
  });

  it('answers 400 to malformed JSON on an update too, leaving the park as it was', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('PATCH', `/v1/parks/${parkId}`, { token: op.token, body: "{'name':'x'}" });
      expectProblem(res, 400, 'request.malformed_json');
    });
  });

  it('names each unknown field (no mass assignment of status or operatorOrgId), and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('POST', '/v1/parks', {
        token: op.token,
        body: { ...validPark, status: 'approved', operatorOrgId: 'org_SOMEONE_ELSE' },
      });
      expectProblem(res, 400, 'request.invalid');
      expect(paths(res)).toEqual(['operatorOrgId', 'status']);
    });
  });

  it('names an unknown field inside a nested object by its full path', async () => {
    const res = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body: { ...validPark, location: { ...validPark.location, alt: 1200 } },
    });
    expectProblem(res, 400);
    expect(paths(res)).toEqual(['location.alt']);
  });

  it('refuses server-owned fields on an update (version, parkId, operatorOrgId) and leaves the park unchanged', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('PATCH', `/v1/parks/${parkId}`, {
        token: op.token,
        body: { name: 'Renamed', version: 99, parkId: 'park_other', operatorOrgId: 'org_x' },
      });
      expectProblem(res, 400);
      expect(paths(res)).toEqual(['operatorOrgId', 'parkId', 'version']);
    });
  });

  it('names every field of the wrong type or out of range, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('POST', '/v1/parks', {
        token: op.token,
        body: {
          name: 42,
          country: 'Mongolia',
          location: { lat: 'north', lon: 200 },
          currency: 'tugrik',
          timeZone: 'Mars/Olympus_Mons',
        },
      });
      expectProblem(res, 400, 'request.invalid');
      expect(paths(res)).toEqual(
        expect.arrayContaining(['country', 'currency', 'location.lat', 'location.lon', 'name', 'timeZone']),
      );
      for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
    });
  });

  it('names every missing required field', async () => {
    const res = await rt.call('POST', '/v1/parks', { token: op.token, body: {} });
    expectProblem(res, 400);
    expect(paths(res)).toEqual(['country', 'currency', 'location', 'name', 'timeZone']);
  });

  it('refuses a JSON body that is not an object', async () => {
    for (const body of ['[]', '"park"', 'null', '42']) {
      const res = await rt.call('POST', '/v1/parks', { token: op.token, body });
      expectProblem(res, 400);
    }
    expect((await rt.container.repos.parks.list({ limit: 100 })).items).toHaveLength(1);
  });

  it('refuses a fractional page size, naming the query field', async () => {
    const res = await rt.call('GET', '/v1/parks?limit=1.5', { token: op.token });
    expectProblem(res, 400);
    expect(paths(res)).toEqual(['query.limit']);
  });

  it('refuses text with bidi override characters in a name', async () => {
    const res = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body: { ...validPark, name: 'Park\u202Egnp' },
    });
    expectProblem(res, 400);
    expect(paths(res)).toEqual(['name']);
  });
});

describe('body size and media type', () => {
  const oversize = () => ({ ...validPark, description: 'x'.repeat(64 * 1024) });

  it('answers 413 to a body over 64 KiB, before validating it, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await rt.call('POST', '/v1/parks', { token: op.token, body: oversize() });
      expectProblem(res, 413, 'request.too_large');
    });
  });

  it('answers 413 over a real connection that announces the length', async () => {
    const server = await rt.listen();
    try {
      const res = await server.http('PATCH', `/v1/parks/${parkId}`, { token: op.token, body: oversize() });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('request.too_large');
    } finally {
      await server.close();
    }
  });

  it('reads a body just under 64 KiB (it fails validation instead: 400, not 413)', async () => {
    const body = JSON.stringify({ ...validPark, description: 'x'.repeat(60 * 1024) });
    expect(Buffer.byteLength(body)).toBeLessThan(64 * 1024);
    const res = await rt.call('POST', '/v1/parks', { token: op.token, body });
    expectProblem(res, 400);
    expect(paths(res)).toEqual(['description']);
  });

  it('counts bytes, not characters: 30 000 Persian letters are 60 000 bytes and pass the size check', async () => {
    const res = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body: { ...validPark, description: 'پ'.repeat(30_000) },
    });
    expectProblem(res, 400);
    const big = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body: { ...validPark, description: 'پ'.repeat(33_000) },
    });
    expectProblem(big, 413);
  });

  it('answers 400 to a JSON body sent as another content type, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const res = await rt.call('POST', '/v1/parks', {
          token: op.token,
          body: validPark,
          headers: { 'content-type': type },
        });
        expectProblem(res, 400, 'request.unsupported_media_type');
        expect(paths(res)).toEqual(['content-type']);
      }
    });
  });

  it('accepts application/json with a charset', async () => {
    const res = await rt.call('GET', `/v1/parks/${parkId}`, { token: op.token });
    const patched = await rt.call('PATCH', `/v1/parks/${parkId}`, {
      token: op.token,
      body: { city: 'Darkhan' },
      headers: { 'content-type': 'application/json; charset=utf-8', 'if-match': res.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
  });
});

describe('unknown routes and server errors', () => {
  it('answers 404 problem+json to an unknown route, signed in or not', async () => {
    for (const token of [undefined, op.token]) {
      const res = await rt.call('GET', '/v1/no-such-thing', { token });
      expectProblem(res, 404, 'route.not_found');
    }
    expectProblem(await rt.call('GET', '/nowhere'), 404, 'route.not_found');
  });

  it('answers 404 to a method the path does not have', async () => {
    expectProblem(await rt.call('DELETE', `/v1/parks/${parkId}`, { token: op.token }), 404);
  });

  it('answers 404 to an unknown park id', async () => {
    expectProblem(
      await rt.call('GET', '/v1/parks/park_01J0000000000000000000000', { token: op.token }),
      404,
      'park.not_found',
    );
  });

  it('answers a 500 with the request id only: no message, no stack, and logs the real error', async () => {
    const original = rt.container.parks.get;
    rt.container.parks.get = async () => {
      throw new Error('boom secret at /srv/parkbridge/park.service.ts:42');
    };
    try {
      const res = await rt.call('GET', `/v1/parks/${parkId}`, { token: op.token });
      expectProblem(res, 500, 'internal');
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/boom|secret|park\.service|\bat\b.*:\d+/);
      expect(res.body.requestId).toEqual(expect.any(String));
      expect(res.headers.get('x-request-id')).toBe(res.body.requestId);
      expect(JSON.stringify(logged.at(-1), Object.getOwnPropertyNames(logged.at(-1) as object))).toContain(
        res.body.requestId,
      );
      expect(String((logged.at(-1) as { err: Error }).err.message)).toContain('boom secret');
    } finally {
      rt.container.parks.get = original;
    }
    expect((await rt.call('GET', `/v1/parks/${parkId}`, { token: op.token })).status).toBe(200);
  });

  it('answers a 500 without detail when something throws a non-Error value', async () => {
    const original = rt.container.parks.list;
    rt.container.parks.list = async () => {
      throw 'raw string with a secret';
    };
    try {
      const res = await rt.call('GET', '/v1/parks', { token: op.token });
      expectProblem(res, 500, 'internal');
      expect(JSON.stringify(res.body)).not.toContain('secret');
    } finally {
      rt.container.parks.list = original;
    }
  });

  it('gives every response, success or error, an x-request-id', async () => {
    const ok = await rt.call('GET', '/health');
    const bad = await rt.call('GET', '/v1/parks');
    expect(ok.headers.get('x-request-id')).toEqual(expect.any(String));
    expect(bad.headers.get('x-request-id')).toBe(bad.body.requestId);
    expect(ok.headers.get('x-request-id')).not.toBe(bad.headers.get('x-request-id'));
  });
});
