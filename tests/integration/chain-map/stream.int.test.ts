import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  approvedFirm,
  chainMapConsumer,
  createChain,
  createListing,
  ESHTEHARD,
  getMap,
  modified,
  openNeed,
  raw,
} from './chain-map-world';

const clock = fixedClock('2026-05-10T08:00:00.000Z');
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { minBiddingWindowS: 60 } });
}, 60_000);
afterAll(() => rt?.stop());

/** Does `act`, then delivers the item's change (before → after) as the stream would. */
async function changing(pk: string, sk: string, act: () => Promise<{ status: number; body: unknown }>) {
  const before = await raw(rt, pk, sk);
  const res = await act();
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  const after = await raw(rt, pk, sk);
  await modified(rt, before, after);
  return after;
}

/** A small park of its own: a tenant buying pipe in the park and plastics from abroad, an in-park supplier. */
async function smallPark() {
  const { parkId, operator } = await rt.park({ location: ESHTEHARD });
  const supplier = await approvedFirm(rt, parkId, operator.token, {
    kinds: ['tenant', 'supplier'],
    name: 'Pipe maker',
  });
  const buyer = await approvedFirm(rt, parkId, operator.token, { kinds: ['tenant'], name: 'Pump maker' });
  const chain = await createChain(rt, buyer.token, {
    output: { category: '2813', name: 'Pumps' },
    inputs: [
      {
        category: '2420',
        quantity: 10,
        unit: 't',
        period: 'month',
        source: 'in_park',
        supplierOrgId: supplier.orgId,
      },
      { category: '2013', quantity: 5, unit: 't', period: 'month', source: 'imported' },
    ],
  });
  const need = await openNeed(rt, buyer.token, {
    title: 'PE granulate',
    description: 'For seats.',
    category: '2013',
    quantity: 2,
    unit: 't',
    parkId,
    currency: 'IRR',
    closesAt: new Date(clock.now().getTime() + 5 * 86_400_000).toISOString(),
    mode: 'sealed',
  });
  const pipe = await createListing(rt, supplier.token, {
    kind: 'product',
    title: 'Pipe',
    description: 'Seamless.',
    category: '2420',
    unit: 't',
    leadTimeDays: 7,
    serviceArea: { scope: 'national' },
  });
  await createListing(rt, supplier.token, {
    kind: 'capacity',
    title: 'Lathe time',
    description: 'Free nights.',
    category: '2592',
    capacityPerPeriod: 100,
    unit: 'h',
    period: 'month',
    machineClass: 'CNC lathe',
    leadTimeDays: 2,
    serviceArea: { scope: 'national' },
  });
  return { parkId, operator, supplier, buyer, chain, need, pipe };
}

const gapCodes = (map: { gaps: { category: string }[] }) => map.gaps.map((g) => g.category);

describe('the chain-map consumer follows the records', () => {
  it('moves only the difference when a chain drops an input and changes a quantity, and when a need is cancelled', async () => {
    const p = await smallPark();
    expect(gapCodes(await getMap(rt, p.operator.token, p.parkId))).toEqual(['2013']);
    const pipeInput = p.chain.inputs.find((i: { category: string }) => i.category === '2420');
    await changing(`CHAIN#${p.chain.chainId}`, 'CHAIN', () =>
      rt.call('PATCH', `/v1/chains/${p.chain.chainId}`, {
        token: p.buyer.token,
        body: { inputs: [{ ...pipeInput, quantity: 20 }] },
      }),
    );
    let map = await getMap(rt, p.operator.token, p.parkId);
    expect(map.localSourcingRatio.declared).toEqual([{ unit: 't', inPark: 60, total: 60, ratio: 1 }]);
    expect(map.edges.filter((e: { kind: string }) => e.kind === 'declared')).toHaveLength(1);
    // Still a gap: the open need keeps the tenant needing plastics.
    expect(map.gaps[0]).toMatchObject({
      category: '2013',
      demand: { tenants: 1, openNeeds: 1, declaredInputs: 0 },
    });
    await changing(`NEED#${p.need.needId}`, 'NEED', () =>
      rt.call('POST', `/v1/needs/${p.need.needId}/cancel`, {
        token: p.buyer.token,
        body: { reason: 'Found stock.' },
      }),
    );
    map = await getMap(rt, p.operator.token, p.parkId);
    expect(gapCodes(map)).toEqual([]);
    expect(map.summary).toMatchObject({ chains: 1, declaredInputs: 1, gaps: 0 });
  });

  it('opens a gap and closes idle capacity when the in-park supplier is suspended, and undoes it on reinstatement', async () => {
    const p = await smallPark();
    const before = await getMap(rt, p.operator.token, p.parkId);
    expect(before.summary.tenants).toBe(2);
    expect(before.idleCapacity).toHaveLength(1);
    const member = [`PARK#${p.parkId}`, `MEMBER#${p.supplier.orgId}`] as const;
    const base = `/v1/parks/${p.parkId}/memberships/${p.supplier.orgId}`;
    await changing(...member, () =>
      rt.call('POST', `${base}/suspend`, { token: p.operator.token, body: { reason: 'Unpaid fees.' } }),
    );
    const suspended = await getMap(rt, p.operator.token, p.parkId);
    expect(suspended.summary.tenants).toBe(1);
    expect(gapCodes(suspended)).toEqual(['2013', '2420']);
    expect(suspended.idleCapacity).toEqual([]);
    await changing(...member, () =>
      rt.call('POST', `${base}/reinstate`, { token: p.operator.token, body: {} }),
    );
    expect(await getMap(rt, p.operator.token, p.parkId)).toEqual(before);
  });

  it('opens a gap when the park’s only listing of a category is paused', async () => {
    const p = await smallPark();
    await changing(`LISTING#${p.pipe.listingId}`, 'LISTING', () =>
      rt.call('PATCH', `/v1/listings/${p.pipe.listingId}`, {
        token: p.supplier.token,
        headers: { 'if-match': `"v${p.pipe.version}"` },
        body: { status: 'paused' },
      }),
    );
    const map = await getMap(rt, p.operator.token, p.parkId);
    expect(map.gaps.find((g: { category: string }) => g.category === '2420')).toMatchObject({
      demand: { tenants: 1, declaredInputs: 1 },
    });
  });

  it('leaves alone the changes that cannot move a figure, and the chain map’s own items', async () => {
    const p = await smallPark();
    const listing = await raw(rt, `LISTING#${p.pipe.listingId}`, 'LISTING');
    const consumer = chainMapConsumer(rt);
    const change = (oldImage: Record<string, unknown>, newImage: Record<string, unknown>) => ({
      id: 'x',
      kind: 'MODIFY' as const,
      oldImage,
      newImage,
    });
    expect(consumer.wants(change(listing, { ...listing, description: 'Now in Persian too.' }))).toBe(false);
    expect(consumer.wants(change(listing, { ...listing, status: 'paused' }))).toBe(true);
    const own = await raw(rt, `PARK#${p.parkId}`, 'PARK#MAP#SUMMARY');
    expect(consumer.wants(change(own, { ...own, tenants: 99 }))).toBe(false);
    const head = await raw(rt, `PARK#${p.parkId}`, 'PARK#MAP#HEAD#declared');
    expect(consumer.wants(change(head, { ...head, seq: 99 }))).toBe(false);
  });
});
