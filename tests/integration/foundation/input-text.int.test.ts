import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let operator: { token: string; orgId: string };

beforeAll(async () => {
  rt = await startTestRuntime();
  operator = await rt.operator();
});
afterAll(() => rt.stop());

const parkBody = (name: string) => ({
  name,
  country: 'IR',
  location: { lat: 35.72, lon: 50.37 },
  currency: 'IRR',
  timeZone: 'Asia/Tehran',
});

const parkCount = async () => (await rt.container.repos.parks.list({ limit: 100 })).items.length;

describe('text as the contract says: JSON in UTF-8, and titles a reader can see', () => {
  it('refuses a body declared in another charset than UTF-8 (utf-16) and writes nothing', async () => {
    const before = await parkCount();
    for (const type of ['application/json; charset=utf-16', 'application/json;charset="UTF-16LE"']) {
      const res = await rt.call('POST', '/v1/parks', {
        token: operator.token,
        body: JSON.stringify(parkBody('Charset Park')),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'request.unsupported_charset',
        errors: [{ path: 'content-type' }],
      });
    }
    expect(await parkCount()).toBe(before);
  });

  it('accepts UTF-8 declared in any case', async () => {
    const res = await rt.call('POST', '/v1/parks', {
      token: operator.token,
      body: JSON.stringify(parkBody('Utf Park')),
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(res.status).toBe(201);
  });

  it.each([
    ['zero-width characters', '\u200B\u200C\u200D\u2060'],
    ['bidi marks and isolates', '\u200E\u200F\u061C'],
    ['a byte-order mark and a soft hyphen', '\uFEFF\u00AD'],
    ['a Hangul filler', '\u3164\u3164'],
    ['combining marks on nothing', '\u0301\u0308'],
  ])('refuses a name made only of %s, naming the field', async (_label, name) => {
    const res = await rt.call('POST', '/v1/parks', { token: operator.token, body: parkBody(name) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name' })]));
  });

  it('refuses a name holding a lone surrogate, naming the field', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
    const res = await rt.call('POST', '/v1/parks', {
      token: operator.token,
      body: parkBody('Eshtehard \uD800 Park'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('keeps names in every script, with the joiners Persian needs', async () => {
    for (const name of ['شهرک صنعتی اشتهارد', 'می‌خواهم پارک', 'Дархан', 'Thăng Long', '深圳']) {
      const res = await rt.call('POST', '/v1/parks', { token: operator.token, body: parkBody(name) });
      expect(res.status, name).toBe(201);
      expect(res.body.name).toBe(name);
    }
  });
});
