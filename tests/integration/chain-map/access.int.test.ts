import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { approvedFirm, award, createChain, ESHTEHARD, getMap, parseCsv } from './chain-map-world';

const clock = fixedClock('2026-05-10T08:00:00.000Z');
let rt: TestRuntime;
let parkId: string;
let op: { token: string };
let tenant: { token: string; orgId: string };
let supplier: { token: string; orgId: string };

const PERSIAN = 'شرکت لوله‌سازی «البرز»، "واحد ۲"';
const MONGOLIAN = 'Эрдэнэт Үйлдвэр, ХХК\nДархан салбар';

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  const park = await rt.park({ location: ESHTEHARD });
  parkId = park.parkId;
  op = park.operator;
  tenant = await approvedFirm(rt, parkId, op.token, { kinds: ['tenant'], name: PERSIAN });
  supplier = await approvedFirm(rt, parkId, op.token, {
    kinds: ['supplier'],
    name: MONGOLIAN,
    country: 'MN',
    as: ['supplier'],
  });
  await createChain(rt, tenant.token, {
    output: { category: '2813', name: 'پمپ گریز از مرکز' },
    inputs: [
      {
        category: '2420',
        quantity: 4,
        unit: 't',
        period: 'month',
        source: 'imported',
        supplierOrgId: supplier.orgId,
      },
    ],
  });
  await award(rt, {
    dealId: 'deal_CSV',
    parkId,
    buyerOrgId: tenant.orgId,
    sellerOrgId: supplier.orgId,
    category: '2420',
    quantity: 4,
    unit: 't',
    unitPrice: { amount: 250, currency: 'USD' },
    awardedAt: '2026-04-11T06:00:00.000Z',
  });
}, 60_000);

afterAll(() => rt?.stop());

describe('who may read the chain map', () => {
  it.each(['chain-map', 'chain-map.csv', 'chain-map/edges?kind=declared'])(
    'answers 401 to %s without a token',
    async (path) => {
      expect((await rt.call('GET', `/v1/parks/${parkId}/${path}`)).status).toBe(401);
    },
  );

  it.each(['chain-map', 'chain-map.csv', 'chain-map/edges?kind=awarded'])(
    'refuses a tenant and a supplier with 403 on %s',
    async (path) => {
      expect((await rt.call('GET', `/v1/parks/${parkId}/${path}`, { token: tenant.token })).status).toBe(403);
      expect((await rt.call('GET', `/v1/parks/${parkId}/${path}`, { token: supplier.token })).status).toBe(
        403,
      );
    },
  );

  it('refuses the operator of another park with 403, and answers 404 for a park that does not exist', async () => {
    const other = await rt.park();
    const res = await rt.call('GET', `/v1/parks/${parkId}/chain-map`, { token: other.operator.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('park.not_operator');
    expect((await rt.call('GET', '/v1/parks/park_NOPE/chain-map', { token: op.token })).status).toBe(404);
  });

  it('refuses a malformed period with 400 naming the field', async () => {
    const res = await rt.call('GET', `/v1/parks/${parkId}/chain-map?period=2026-Q5`, { token: op.token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('query.period');
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a byte-order mark, one row per edge, and a section per figure', async () => {
    const res = await rt.app.request(`/v1/parks/${parkId}/chain-map.csv?period=2026-Q2`, {
      headers: { authorization: `Bearer ${op.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`chain-map-${parkId}-2026-Q2.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parseCsv(text.slice(1));
    const sections = rows.filter((r) => r[0]?.startsWith('# ')).map((r) => r[0]);
    expect(sections).toEqual([
      '# edges',
      '# local sourcing by currency (awarded)',
      '# local sourcing by unit (declared)',
      '# local sourcing by unit (declared, categories without award)',
      '# gaps',
      '# idle capacity',
      '# trend (previous period 2026-Q1)',
    ]);
    const header = rows[rows.findIndex((r) => r[0] === '# edges') + 1] as string[];
    const edges = rows.filter((r) => r[0] === 'declared' || r[0] === 'awarded');
    expect(edges).toHaveLength(2);
    for (const e of edges) {
      const cell = (name: string) => e[header.indexOf(name)];
      // Commas, quotes and a newline inside names come back intact, in their own scripts.
      expect(cell('from_name')).toBe(MONGOLIAN);
      expect(cell('to_name')).toBe(PERSIAN);
      expect(cell('from_origin')).toBe('imported');
      expect(cell('category')).toBe('2420');
    }
    expect(edges.find((e) => e[0] === 'awarded')?.[header.indexOf('value_minor_units')]).toBe('1000 USD');
    expect(edges.find((e) => e[0] === 'declared')?.[header.indexOf('quantity')]).toBe('12 t');
    const usd = rows[rows.findIndex((r) => r[0] === '# local sourcing by currency (awarded)') + 2];
    expect(usd).toEqual(['USD', '0', '1000', '0', '1', '0']);
    const gap = rows[rows.findIndex((r) => r[0] === '# gaps') + 2] as string[];
    expect(gap.slice(0, 3)).toEqual([
      '1',
      '2420',
      'Manufacture of basic precious and other non-ferrous metals',
    ]);
    expect(gap[9]).toBe(PERSIAN);
    // Every line ends in CRLF, and only inside quotes does a bare LF appear.
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('matches the JSON map it is made from', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    const res = await rt.app.request(`/v1/parks/${parkId}/chain-map.csv?period=2026-Q2`, {
      headers: { authorization: `Bearer ${op.token}` },
    });
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows.filter((r) => r[0] === 'declared' || r[0] === 'awarded')).toHaveLength(map.edges.length);
    expect(map.gaps.map((g: { category: string }) => g.category)).toEqual(['2420']);
  });
});
