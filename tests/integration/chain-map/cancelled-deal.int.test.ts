import { fixedClock } from '@parkbridge/domain/core';
import { rebuildChainMaps } from '@parkbridge/jobs/chain-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { ESHTEHARD, QAZVIN } from './chain-map-world';

// The whole path, as in production: awards and the cancellation go through the API over a real
// port, and the chain map's figures arrive through the table's stream (the local poller runs the
// `chain-map` consumer); nothing is delivered by hand.
const clock = fixedClock('2026-02-10T08:00:00.000Z');
let rt: TestRuntime;
let server: Awaited<ReturnType<TestRuntime['listen']>>;
let parkId: string;
let op: { token: string };
let buyer: { token: string; orgId: string };
let local: { token: string; orgId: string };
let outside: { token: string; orgId: string };
let localDeal: any;
let awardedMap: any;

async function http(method: string, path: string, token: string, body?: unknown, status = 200) {
  const res = await server.http(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

/** A need of the buyer, one bid by `seller` at `price`, closed and awarded: the deal. */
async function awardedDeal(seller: { token: string }, price: number, quantity: number, at: string) {
  clock.set(at);
  const need = await http(
    'POST',
    '/v1/needs',
    buyer.token,
    {
      title: 'Seamless pipe DN50',
      description: 'For pump housings.',
      category: '2420',
      quantity,
      unit: 't',
      parkId,
      currency: 'IRR',
      closesAt: new Date(Date.parse(at) + 3_600_000).toISOString(),
      mode: 'sealed',
    },
    201,
  );
  await http('POST', `/v1/needs/${need.needId}/publish`, buyer.token);
  const bid = await http(
    'POST',
    `/v1/needs/${need.needId}/bids`,
    seller.token,
    {
      unitPrice: { amount: price, currency: 'IRR' },
      quantity,
      leadTimeDays: 10,
      validUntil: '2099-01-01T00:00:00Z',
    },
    201,
  );
  clock.set(new Date(Date.parse(at) + 2 * 3_600_000).toISOString());
  return http('POST', `/v1/needs/${need.needId}/award`, buyer.token, { bidId: bid.bidId }, 201);
}

const map = (period: string) => http('GET', `/v1/parks/${parkId}/chain-map?period=${period}`, op.token);

/** The map once the stream has caught up with what `ready` waits for. */
const settled = async (period: string, ready: (m: any) => boolean) =>
  (await eventually(() => map(period), ready, 60_000)).value;

const irr = (m: any) => m.localSourcingRatio.awarded.find((r: { currency: string }) => r.currency === 'IRR');

beforeAll(async () => {
  rt = await startTestRuntime({ clock, jobs: true, rules: { minBiddingWindowS: 60 } });
  server = await rt.listen();
  const park = await rt.park({ location: ESHTEHARD });
  parkId = park.parkId;
  op = park.operator;
  const approvedIn = { parkId, operatorToken: op.token };
  [buyer, local, outside] = await Promise.all([
    rt.firm({ kinds: ['tenant'], name: 'Alborz Pump Works', approvedIn }),
    rt.firm({ kinds: ['tenant', 'supplier'], name: 'Eshtehard Steel Tube', approvedIn }),
    rt.firm({
      kinds: ['supplier'],
      name: 'Qazvin Pipe',
      location: QAZVIN,
      approvedIn: { ...approvedIn, as: ['supplier'] },
    }),
  ]);
  // Q1: one award in the park (the trend's baseline).
  await awardedDeal(local, 100_000, 5, '2026-02-10T08:00:00.000Z');
  // Q2: one award in the park, one outside it.
  localDeal = await awardedDeal(local, 100_000, 10, '2026-04-20T08:00:00.000Z');
  await awardedDeal(outside, 90_000, 20, '2026-05-02T08:00:00.000Z');
  awardedMap = await settled('2026-Q2', (m) => m.summary.deals === 2 && m.trend.deals === 1);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await rt?.stop();
});

describe('a deal cancelled after its award, through the API and the stream', () => {
  it('counts the award while it stands', () => {
    expect(irr(awardedMap)).toEqual({
      currency: 'IRR',
      inPark: { amount: 1_000_000, currency: 'IRR' },
      total: { amount: 2_800_000, currency: 'IRR' },
      ratio: Math.round((1_000_000 / 2_800_000) * 10_000) / 10_000,
      deals: 2,
      dealsInPark: 1,
    });
    expect(awardedMap.trend.awarded).toEqual([
      expect.objectContaining({ currency: 'IRR', inPark: { amount: 500_000, currency: 'IRR' }, ratio: 1 }),
    ]);
    expect(
      awardedMap.edges
        .filter((e: any) => e.kind === 'awarded')
        .map((e: any) => e.from)
        .sort(),
    ).toEqual([local.orgId, outside.orgId].sort());
  });

  it('takes the cancelled deal out of the local sourcing ratio, the awarded value and the edges', async () => {
    const cancelled = await http('POST', `/v1/deals/${localDeal.dealId}/cancel`, local.token, {
      reason: 'The mill is down for repairs.',
    });
    expect(cancelled.status).toBe('cancelled');
    const after = await settled('2026-Q2', (m) => m.summary.deals === 1);
    expect(irr(after)).toEqual({
      currency: 'IRR',
      inPark: { amount: 0, currency: 'IRR' },
      total: { amount: 1_800_000, currency: 'IRR' },
      ratio: 0,
      deals: 1,
      dealsInPark: 0,
    });
    expect(after.summary).toMatchObject({ deals: 1, dealsInPark: 0 });
    expect(after.edges.filter((e: any) => e.kind === 'awarded').map((e: any) => e.from)).toEqual([
      outside.orgId,
    ]);
    expect(after.trend).toMatchObject({ deals: 1, ratioChange: [{ currency: 'IRR', change: -1 }] });
    // Its month and year say the same; the previous quarter is untouched.
    const april = await map('2026-04');
    expect(april.summary.deals).toBe(0);
    expect(april.localSourcingRatio.awarded).toEqual([]);
    expect(irr(await map('2026'))).toMatchObject({ deals: 2, dealsInPark: 1, total: { amount: 2_300_000 } });
    expect(irr(await map('2026-Q1'))).toMatchObject({ deals: 1, inPark: { amount: 500_000 } });
  });

  it('is what the rebuild computes from the records, too', async () => {
    const periods = ['2026-Q2', '2026-04', '2026-05', '2026', '2026-Q1', '2026-Q3', '2027'];
    const before = await Promise.all(periods.map(map));
    const [report] = await rebuildChainMaps(rt.container, [parkId]);
    expect(report).toMatchObject({ tenants: 2, deals: 3 });
    expect(await Promise.all(periods.map(map))).toEqual(before);
    // The quarter after carries this one's figures as its trend baseline.
    expect(before[5].trend).toMatchObject({ deals: 1, awarded: [expect.objectContaining({ ratio: 0 })] });
  });
});
