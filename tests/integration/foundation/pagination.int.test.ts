import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let token: string;
let operatorToken: string;
let membershipsPark: string;
const iran: string[] = [];
const mongolia: string[] = [];

const mn = {
  name: 'Sainshand Industrial Park',
  country: 'MN',
  location: { lat: 44.89, lon: 110.14 },
  currency: 'MNT',
  timeZone: 'Asia/Ulaanbaatar',
};

beforeAll(async () => {
  rt = await startTestRuntime();
  const parks = await Promise.all([rt.park(), rt.park(), rt.park(), rt.park(mn), rt.park(mn)]);
  for (const p of parks) (p.park.country === 'IR' ? iran : mongolia).push(p.parkId);
  token = await rt.login(rt.unique('reader'));
  // Two applications in one park, so its membership list has a second page.
  const host = parks[0]!;
  operatorToken = host.operator.token;
  membershipsPark = host.parkId;
  for (let i = 0; i < 2; i++) {
    const f = await rt.firm({ kinds: ['tenant'] });
    await rt.call('POST', `/v1/parks/${host.parkId}/memberships`, { token: f.token });
  }
});
afterAll(() => rt.stop());

/** Follows nextCursor to the end; returns every page's ids. */
async function walk(path: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: CallResult = await rt.call('GET', url, { token });
    expect(res.status, url).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(res.body.items.map((p: { parkId: string }) => p.parkId));
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(10);
  } while (cursor);
  return pages;
}

const firstCursor = async (path: string, t = token) => {
  const res = await rt.call('GET', path, { token: t });
  expect(res.status).toBe(200);
  expect(res.body.nextCursor).toEqual(expect.any(String));
  return res.body.nextCursor as string;
};

function expectBadCursor(res: CallResult) {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('pagination.cursor_invalid');
  expect(res.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
}

const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

describe('GET /v1/parks pagination', () => {
  it('chains pages of 2 over 5 parks through nextCursor to every park exactly once', async () => {
    const pages = await walk('/v1/parks', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const all = pages.flat();
    expect(all).toHaveLength(5);
    expect(new Set(all)).toEqual(new Set([...iran, ...mongolia]));
  });

  it('pages a filtered list within its filter only', async () => {
    expect(new Set((await walk('/v1/parks?country=IR', 1)).flat())).toEqual(new Set(iran));
    expect(new Set((await walk('/v1/parks?country=MN', 1)).flat())).toEqual(new Set(mongolia));
  });

  it('returns the same pages when a cursor is reused (cursors are stateless)', async () => {
    const cursor = await firstCursor('/v1/parks?limit=2');
    const a = await rt.call('GET', `/v1/parks?limit=2&cursor=${cursor}`, { token });
    const b = await rt.call('GET', `/v1/parks?limit=2&cursor=${cursor}`, { token });
    expect(a.body).toEqual(b.body);
  });

  it('returns nextCursor null on a page that ends the list', async () => {
    const res = await rt.call('GET', '/v1/parks?limit=100', { token });
    expect(res.body.items).toHaveLength(5);
    expect(res.body.nextCursor).toBeNull();
  });

  it('defaults to pages of 20 (all 5 here) and accepts the limits 1 and 100', async () => {
    expect((await rt.call('GET', '/v1/parks', { token })).body.items).toHaveLength(5);
    expect((await rt.call('GET', '/v1/parks?limit=1', { token })).body.items).toHaveLength(1);
    expect((await rt.call('GET', '/v1/parks?limit=100', { token })).status).toBe(200);
  });

  it.each(['0', '101', '-1', 'ten', '2.5', ''])(
    'answers 400 to limit=%j, naming the limit',
    async (limit) => {
      const res = await rt.call('GET', `/v1/parks?limit=${limit}`, { token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.limit']);
    },
  );

  it('refuses a cursor with one character of its body changed', async () => {
    const cursor = await firstCursor('/v1/parks?limit=2');
    expectBadCursor(await rt.call('GET', `/v1/parks?limit=2&cursor=${flip(cursor, 3)}`, { token }));
  });

  it('refuses a cursor with one character of its signature changed', async () => {
    const cursor = await firstCursor('/v1/parks?limit=2');
    expectBadCursor(
      await rt.call('GET', `/v1/parks?limit=2&cursor=${flip(cursor, cursor.length - 2)}`, { token }),
    );
  });

  it('refuses a cursor whose key was rewritten in clear, keeping the old signature', async () => {
    const cursor = await firstCursor('/v1/parks?limit=2');
    const [body, sig] = cursor.split('.');
    const key = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...key, gsi1sk: 'A' })).toString('base64url');
    expectBadCursor(await rt.call('GET', `/v1/parks?limit=2&cursor=${forged}.${sig}`, { token }));
  });

  it('refuses garbage and over-long cursors', async () => {
    expectBadCursor(await rt.call('GET', '/v1/parks?cursor=garbage', { token }));
    const long = await rt.call('GET', `/v1/parks?cursor=${'a'.repeat(3000)}`, { token });
    expect(long.status).toBe(400);
  });

  it('refuses a cursor from one country filter on another', async () => {
    const fromIran = await firstCursor('/v1/parks?country=IR&limit=1');
    expect((await rt.call('GET', `/v1/parks?country=IR&limit=1&cursor=${fromIran}`, { token })).status).toBe(
      200,
    );
    expectBadCursor(await rt.call('GET', `/v1/parks?country=MN&limit=1&cursor=${fromIran}`, { token }));
    expectBadCursor(await rt.call('GET', `/v1/parks?limit=1&cursor=${fromIran}`, { token }));
  });

  it('refuses a cursor from the unfiltered list on a filtered one', async () => {
    const all = await firstCursor('/v1/parks?limit=1');
    expectBadCursor(await rt.call('GET', `/v1/parks?country=IR&limit=1&cursor=${all}`, { token }));
  });

  it("refuses a cursor from a park's membership list on the parks list, and the other way round", async () => {
    const fromMembers = await firstCursor(`/v1/parks/${membershipsPark}/memberships?limit=1`, operatorToken);
    expect(
      (
        await rt.call('GET', `/v1/parks/${membershipsPark}/memberships?limit=1&cursor=${fromMembers}`, {
          token: operatorToken,
        })
      ).status,
    ).toBe(200);
    expectBadCursor(await rt.call('GET', `/v1/parks?limit=1&cursor=${fromMembers}`, { token }));
    const fromParks = await firstCursor('/v1/parks?limit=1');
    expectBadCursor(
      await rt.call('GET', `/v1/parks/${membershipsPark}/memberships?limit=1&cursor=${fromParks}`, {
        token: operatorToken,
      }),
    );
  });

  it('refuses a pending-memberships cursor on the list of all memberships of the same park', async () => {
    const pending = await firstCursor(
      `/v1/parks/${membershipsPark}/memberships?status=pending&limit=1`,
      operatorToken,
    );
    expectBadCursor(
      await rt.call('GET', `/v1/parks/${membershipsPark}/memberships?limit=1&cursor=${pending}`, {
        token: operatorToken,
      }),
    );
  });

  it('refuses a categories cursor on the parks list', async () => {
    const fromCategories = await firstCursor('/v1/categories?limit=2');
    expectBadCursor(await rt.call('GET', `/v1/parks?limit=2&cursor=${fromCategories}`, { token }));
  });

  it('refuses a cursor signed by another server (another cursor secret)', async () => {
    const other = await startTestRuntime();
    try {
      const t = await other.login(other.unique('reader'));
      await Promise.all([other.park(), other.park()]);
      const res = await other.call('GET', '/v1/parks?limit=1', { token: t });
      expectBadCursor(await rt.call('GET', `/v1/parks?limit=1&cursor=${res.body.nextCursor}`, { token }));
    } finally {
      await other.stop();
    }
  });
});
