import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meter } from '../../perf/support/metering';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  approvedFirm,
  award,
  createChain,
  createListing,
  ESHTEHARD,
  getMap,
  modified,
  QAZVIN,
  raw,
} from './chain-map-world';

const clock = fixedClock('2026-05-10T08:00:00.000Z');
/** ISIC classes of divisions 20–27: inputs and deal categories. */
// biome-ignore format: a table of codes
const POOL = [
  '2011', '2012', '2013', '2021', '2022', '2023', '2029', '2030', '2211', '2219',
  '2220', '2310', '2391', '2392', '2393', '2394', '2395', '2396', '2399', '2410',
  '2420', '2431', '2432', '2511', '2512', '2513', '2520', '2591', '2592', '2593',
  '2599', '2610', '2620', '2710', '2720', '2731', '2732', '2733', '2740', '2750',
];
const INPUTS_PER_TENANT = 40;
const DEAL_CATEGORIES = 35;

let rt: TestRuntime;
let parkId: string;
let op: { token: string };
/** Three tenants, by org id (the order of their rows). */
let tenants: { token: string; orgId: string }[];
let chains: Record<string, any>;
let seller: { token: string; orgId: string };
let meter: Meter;

/** The DynamoDB calls one request makes. */
async function callsOf<T>(act: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const { result, calls } = await meter.during(act);
  // The person's membership check comes before every signed-in route alike: the map's own cost is the rest.
  return { result, calls: calls.filter((c) => !c.membershipCheck).map((c) => c.command) };
}

const state = () => raw(rt, `PARK#${parkId}`, 'PARK#MAP#STATE#declared');

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  meter = Meter.attach(rt.db.doc);
  const park = await rt.park({ location: ESHTEHARD });
  parkId = park.parkId;
  op = park.operator;
  tenants = (
    await Promise.all(
      [0, 1, 2].map((i) => approvedFirm(rt, parkId, op.token, { kinds: ['tenant'], name: `Tenant ${i}` })),
    )
  ).sort((a, b) => (a.orgId < b.orgId ? -1 : 1));
  seller = await approvedFirm(rt, parkId, op.token, {
    kinds: ['supplier'],
    name: 'Qazvin Trading',
    location: QAZVIN,
    as: ['supplier'],
  });
  chains = {};
  for (const t of tenants) {
    chains[t.orgId] = await createChain(rt, t.token, {
      output: { category: '2813', name: 'Pumps' },
      inputs: POOL.slice(0, INPUTS_PER_TENANT).map((category, k) => ({
        category,
        quantity: k + 1,
        unit: 't',
        period: 'month',
        source: 'in_country',
      })),
    });
  }
  // 3 buyers × 35 categories: 105 awarded edges in 2026-Q2, more than the map carries.
  for (const t of tenants)
    for (const [k, category] of POOL.slice(0, DEAL_CATEGORIES).entries())
      await award(rt, {
        dealId: `deal_${t.orgId}_${k}`,
        parkId,
        buyerOrgId: t.orgId,
        sellerOrgId: seller.orgId,
        category,
        quantity: 1,
        unit: 't',
        unitPrice: { amount: 1_000, currency: 'IRR' },
        awardedAt: '2026-04-20T09:00:00.000Z',
      });
}, 240_000);

afterAll(() => rt?.stop());

const declaredOf = (map: any) => map.edges.filter((e: { kind: string }) => e.kind === 'declared');
const awardedOf = (map: any) => map.edges.filter((e: { kind: string }) => e.kind === 'awarded');

describe('reading the map costs two DynamoDB calls whatever the size of the park', () => {
  it('reads the park, its current view and the period in two Queries, with or without a period', async () => {
    for (const period of ['2026-Q2', undefined]) {
      const { result, calls } = await callsOf(() => getMap(rt, op.token, parkId, period));
      expect(calls).toEqual(['Query', 'Query']);
      expect(result.period.key).toBe('2026-Q2');
      expect(result.summary).toMatchObject({ tenants: 3, chains: 3, declaredInputs: 120, deals: 105 });
      expect(declaredOf(result)).toHaveLength(100);
      expect(awardedOf(result)).toHaveLength(100);
    }
    const csv = await callsOf(async () =>
      rt.app.request(`/v1/parks/${parkId}/chain-map.csv?period=2026-Q2`, {
        headers: { authorization: `Bearer ${op.token}` },
      }),
    );
    // The map's two, then one Query per further page of each kind of edge.
    expect(csv.calls).toEqual(['Query', 'Query', 'Query', 'Query']);
  });

  it('pages the edges past the map’s first page without a gap or a repeat', async () => {
    const map = await getMap(rt, op.token, parkId, '2026-Q2');
    expect(map.edgesNextCursor.declared).toEqual(expect.any(String));
    expect(map.edgesNextCursor.awarded).toEqual(expect.any(String));
    const rest = async (kind: string) => {
      const res = await rt.call(
        'GET',
        `/v1/parks/${parkId}/chain-map/edges?kind=${kind}&period=2026-Q2&cursor=${encodeURIComponent(map.edgesNextCursor[kind])}`,
        { token: op.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      return res.body.items;
    };
    const declared = [...declaredOf(map), ...(await rest('declared'))];
    expect(new Set(declared.map((e: any) => `${e.chainId}#${e.inputId}`)).size).toBe(120);
    const awarded = [...awardedOf(map), ...(await rest('awarded'))];
    expect(new Set(awarded.map((e: any) => `${e.to}#${e.category}`)).size).toBe(105);
    expect(awarded.every((e: any) => e.from === seller.orgId && e.deals === 1)).toBe(true);
  });

  it('leaves the head fresh when a change falls past it, and refreshes it when one falls inside', async () => {
    const before = await state();
    expect(before).toMatchObject({ full: true });
    // The last tenant's last input is past the first hundred rows.
    const last = tenants[2]!;
    const chain = chains[last.orgId];
    const beyond = chain.inputs.find(
      (i: any) => `${last.orgId}#${chain.chainId}#${i.inputId}` > String(before.lastSk),
    );
    expect(beyond).toBeDefined();
    const patch = async (t: { token: string; orgId: string }, inputId: string, quantity: number) => {
      const c = chains[t.orgId];
      const key = [`CHAIN#${c.chainId}`, 'CHAIN'] as const;
      const was = await raw(rt, ...key);
      const res = await rt.call('PATCH', `/v1/chains/${c.chainId}`, {
        token: t.token,
        body: {
          inputs: c.inputs.map((i: any) => (i.inputId === inputId ? { ...i, quantity } : i)),
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      chains[t.orgId] = res.body;
      await modified(rt, was, await raw(rt, ...key));
    };
    await patch(last, beyond.inputId, 99);
    const after = await state();
    expect(after.seq).toBe(before.seq);
    expect(after.ver).toBe(Number(before.ver) + 1);
    const map = await callsOf(() => getMap(rt, op.token, parkId, '2026-Q2'));
    expect(map.calls).toEqual(['Query', 'Query']);
    expect(map.result.localSourcingRatio.declared[0].total).toBe(
      3 * 3 * ((INPUTS_PER_TENANT * (INPUTS_PER_TENANT + 1)) / 2) + 3 * (99 - beyond.quantity),
    );

    const first = tenants[0]!;
    const inside = chains[first.orgId].inputs[0];
    await patch(first, inside.inputId, 77);
    const refreshed = await state();
    expect(refreshed.seq).toBe(Number(after.seq) + 1);
    expect(refreshed.refreshed).toBe(refreshed.seq);
    const again = await callsOf(() => getMap(rt, op.token, parkId, '2026-Q2'));
    expect(again.calls).toEqual(['Query', 'Query']);
    expect(declaredOf(again.result).find((e: any) => e.inputId === inside.inputId).quantity).toEqual([
      { unit: 't', quantity: 77 * 3 },
    ]);
  });

  it('reads a head whose refresh has not landed from the set itself, one Query more, with the same figures', async () => {
    const fresh = await getMap(rt, op.token, parkId, '2026-Q2');
    // As if a change had committed and its process had died before refreshing the head.
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: { pk: `PARK#${parkId}`, sk: 'PARK#MAP#STATE#declared' },
        UpdateExpression: 'ADD seq :one, ver :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const stale = await callsOf(() => getMap(rt, op.token, parkId, '2026-Q2'));
    expect(stale.calls).toEqual(['Query', 'Query', 'Query']);
    const { edgesNextCursor: a, ...restStale } = stale.result;
    const { edgesNextCursor: b, ...restFresh } = fresh;
    expect(restStale).toEqual(restFresh);
  });
});

describe('the nearest outside suppliers follow the market', () => {
  it('shows a new outside listing that reaches the park, and drops it when paused', async () => {
    const gap = async () =>
      (await getMap(rt, op.token, parkId, '2026-Q2')).gaps.find((g: any) => g.category === '2030');
    expect((await gap()).nearestOutsideSuppliers).toEqual([]);
    // A firm of another park, no member of this one, serving the whole country.
    const elsewhere = await rt.park({ location: QAZVIN });
    const outside = await approvedFirm(rt, elsewhere.parkId, elsewhere.operator.token, {
      kinds: ['supplier'],
      name: 'Qazvin Coatings',
      location: QAZVIN,
    });
    const listing = await createListing(rt, outside.token, {
      kind: 'product',
      title: 'Industrial coatings',
      description: 'Epoxy and polyurethane.',
      category: '2030',
      unit: 't',
      leadTimeDays: 5,
      serviceArea: { scope: 'national' },
    });
    // And one whose radius does not reach the park.
    await createListing(rt, outside.token, {
      kind: 'product',
      title: 'Marine paint',
      description: 'Local delivery only.',
      category: '2030',
      unit: 't',
      leadTimeDays: 5,
      serviceArea: { scope: 'radius', radiusKm: 5 },
    });
    expect((await gap()).nearestOutsideSuppliers).toEqual([
      expect.objectContaining({ orgId: outside.orgId, listingId: listing.listingId, origin: 'in_country' }),
    ]);
    const key = [`LISTING#${listing.listingId}`, 'LISTING'] as const;
    const was = await raw(rt, ...key);
    const paused = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: outside.token,
      headers: { 'if-match': `"v${listing.version}"` },
      body: { status: 'paused' },
    });
    expect(paused.status).toBe(200);
    await modified(rt, was, await raw(rt, ...key));
    expect((await gap()).nearestOutsideSuppliers).toEqual([]);
  });
});
