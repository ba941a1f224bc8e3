import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { createListing, listingBody } from '../market/market-fixtures';

// The real stream poller runs the directory consumer: entries follow the firms' records.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ jobs: true });
}, 60_000);
afterAll(() => rt?.stop());

type Supplier = { orgId: string; name: string; certificates: { kind: string }[]; reputation: unknown };

async function directory(token: string, query: string) {
  const res = await rt.call('GET', `/v1/suppliers?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Supplier[]; nextCursor: string | null };
}
const names = (page: { items: Supplier[] }) => page.items.map((s) => s.name).sort();

/**
 * One park with a steel mill (verified ISO 9001), a dairy and an applicant still pending, and a
 * second park with a supplier of its own. The file has its own table: the directory holds only these.
 */
let world: Awaited<ReturnType<typeof buildWorld>>;
async function buildWorld() {
  const { parkId, operator } = await rt.park();
  const other = await rt.park({ name: 'Thang Long Industrial Park', country: 'VN', currency: 'VND' });
  const approvedIn = { parkId, operatorToken: operator.token };
  const mill = await rt.firm({ kinds: ['supplier'], name: 'Kaveh Steel Mill', approvedIn });
  await createListing(rt, mill.token, listingBody({ category: '2410', title: 'Hot rolled coil' }));
  await rt.verifiedCertificate(mill.token, mill.orgId, operator.token, 'iso_9001');
  const dairy = await rt.firm({ kinds: ['supplier'], name: 'Pegah Dairy', approvedIn });
  await createListing(rt, dairy.token, listingBody({ category: '1050', title: 'Pasteurised milk' }));
  const pending = await rt.firm({ kinds: ['supplier'], name: 'Pending Pipes' });
  await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: pending.token, body: {} });
  await createListing(rt, pending.token, listingBody({ category: '2420', title: 'Copper pipe' }));
  const vn = await rt.firm({
    kinds: ['supplier'],
    name: 'Hòa Phát Thép',
    country: 'VN',
    approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
  });
  await createListing(rt, vn.token, listingBody({ category: '2410', title: 'Thép cuộn cán nóng' }));
  const buyer = await rt.firm({ kinds: ['tenant'], approvedIn });
  await eventually(
    () => directory(buyer.token, 'limit=100'),
    (p) =>
      p.items.length === 3 && p.items.every((s) => s.name !== 'Kaveh Steel Mill' || s.certificates.length),
  );
  return { parkId, operator, other, mill, dairy, pending, vn, buyer };
}

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('the supplier directory', { timeout: 60_000 }, () => {
  it('lists approved suppliers only, in name order, with categories, certificates and reputation', async () => {
    const page = await directory(world.buyer.token, 'limit=100');
    expect(page.items.map((s) => s.name)).toEqual(['Hòa Phát Thép', 'Kaveh Steel Mill', 'Pegah Dairy']);
    expect(page.items.find((s) => s.name === 'Kaveh Steel Mill')).toMatchObject({
      orgId: world.mill.orgId,
      parkIds: [world.parkId],
      categories: ['2410'],
      listingCount: 1,
      certificates: [{ kind: 'iso_9001', validUntil: '2099-12-31' }],
      reputation: { ratingCount: 0, dealCount: 0 },
    });
    expect(JSON.stringify(page)).not.toContain('searchText');
  });

  it('filters by category at any level, park and certificate', async () => {
    const token = world.buyer.token;
    expect(names(await directory(token, 'category=C'))).toEqual([
      'Hòa Phát Thép',
      'Kaveh Steel Mill',
      'Pegah Dairy',
    ]);
    expect(names(await directory(token, 'category=24'))).toEqual(['Hòa Phát Thép', 'Kaveh Steel Mill']);
    expect(names(await directory(token, 'category=105'))).toEqual(['Pegah Dairy']);
    expect(names(await directory(token, `category=24&parkId=${world.parkId}`))).toEqual(['Kaveh Steel Mill']);
    expect(names(await directory(token, 'certificate=iso_9001'))).toEqual(['Kaveh Steel Mill']);
    expect(names(await directory(token, 'certificate=halal'))).toEqual([]);
  });

  it('finds a supplier by its category’s title in any of the five languages, across scripts', async () => {
    const token = world.buyer.token;
    const steel = ['Hòa Phát Thép', 'Kaveh Steel Mill'];
    for (const q of ['فولاد', 'ﻓﻮﻻﺩ', '钢', 'ган', 'thép', 'THEP', 'steel'])
      expect(names(await directory(token, `q=${encodeURIComponent(q)}`)), q).toEqual(steel);
    for (const q of ['لبنی', 'sữa', 'sua', '乳制品', 'Сүүн'])
      expect(names(await directory(token, `q=${encodeURIComponent(q)}`)), q).toEqual(['Pegah Dairy']);
    expect(names(await directory(token, `q=${encodeURIComponent('cuộn')}`))).toEqual(['Hòa Phát Thép']);
    expect(names(await directory(token, 'q=pegah'))).toEqual(['Pegah Dairy']);
  });

  it('pages with a cursor, and refuses a bad filter naming the field', async () => {
    const token = world.buyer.token;
    const first = await directory(token, 'limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await directory(token, `limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.items, ...second.items].map((s) => s.name)).toEqual([
      'Hòa Phát Thép',
      'Kaveh Steel Mill',
      'Pegah Dairy',
    ]);
    expect(second.nextCursor).toBeNull();
    const bad = await rt.call('GET', '/v1/suppliers?category=24x', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.category');
  });

  it('drops a supplier whose membership is suspended, and lists it again when reinstated', async () => {
    const { parkId, operator, dairy, buyer } = world;
    const at = `/v1/parks/${parkId}/memberships/${dairy.orgId}`;
    const suspended = await rt.call('POST', `${at}/suspend`, {
      token: operator.token,
      body: { reason: 'Audit pending.' },
    });
    expect(suspended.status).toBe(200);
    await eventually(
      () => directory(buyer.token, 'limit=100'),
      (p) => !p.items.some((s) => s.orgId === dairy.orgId),
    );
    await rt.call('POST', `${at}/reinstate`, { token: operator.token, body: {} });
    await eventually(
      () => directory(buyer.token, 'limit=100'),
      (p) => p.items.some((s) => s.orgId === dairy.orgId),
    );
  });
});
