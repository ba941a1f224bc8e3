import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

/**
 * Real parallel HTTP requests against DynamoDB Local, on the real clock: 20 suppliers send 100 bids
 * in all (a first bid, then revisions) in five waves, across a close that falls between the third
 * and the fourth wave. DynamoDB Local's speed varies tenfold between machines (and with their load),
 * so the wave period is measured first: a wave of 20 parallel bids. The last two waves go out after
 * the close (even after the most it can be extended), so some bids are always refused; the first
 * ones have 2.5 periods to land.
 */
const SUPPLIERS = 20;
const BIDS_EACH = 5;

let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
let server: Awaited<ReturnType<TestRuntime['listen']>>;

beforeAll(async () => {
  rt = await startTestRuntime({ rules: { snipingWindowS: 1, minBiddingWindowS: 0 } });
  world = await biddingWorld(rt, { suppliers: SUPPLIERS });
  server = await rt.listen();
}, 120_000);
afterAll(async () => {
  await server.close();
  await rt.stop();
});

interface Sent {
  supplier: number;
  k: number;
  price: number;
  startedAt: number;
  status: number;
  code?: string;
  revision?: number;
  updatedAt?: string;
}

/** One bid from every supplier at once on a throwaway need of the same mode: how long a wave takes here. */
async function waveMs(mode: 'sealed' | 'auction'): Promise<number> {
  const need = await openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: new Date(Date.now() + 3600_000),
    mode,
  });
  const start = Date.now();
  await Promise.all(
    world.suppliers.map((s, i) =>
      server.http('POST', `/v1/needs/${need.needId}/bids`, {
        token: s.token,
        body: bidBody(20_000 - i * 300),
      }),
    ),
  );
  return Date.now() - start;
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/**
 * Wave k goes out at `start + k * period` (a supplier's next bid never before its last answer);
 * the suppliers run in parallel, each one's bids one after another.
 */
async function storm(needId: string, start: number, period: number, price: (i: number, k: number) => number) {
  const sent: Sent[] = [];
  await Promise.all(
    world.suppliers.map(async (s, i) => {
      let placed = false;
      for (let k = 0; k < BIDS_EACH; k++) {
        await sleepUntil(start + k * period + i * 10);
        const startedAt = Date.now();
        const res = await server.http(
          placed ? 'PUT' : 'POST',
          `/v1/needs/${needId}/bids${placed ? '/mine' : ''}`,
          {
            token: s.token,
            body: bidBody(price(i, k)),
          },
        );
        if (res.status < 300) placed = true;
        sent.push({
          supplier: i,
          k,
          price: price(i, k),
          startedAt,
          status: res.status,
          code: res.body?.code,
          revision: res.body?.revision,
          updatedAt: res.body?.updatedAt,
        });
      }
    }),
  );
  return sent;
}

async function checkStored(needId: string, sent: Sent[], closesAtMs: number) {
  const accepted = sent.filter((r) => r.status < 300);
  const refusedAsClosed = sent.filter((r) => r.code === 'bid.need_closed');
  // The close fell in the middle: some bids made it, some did not.
  expect(accepted.length).toBeGreaterThan(0);
  expect(refusedAsClosed.length).toBeGreaterThan(0);
  // Nothing accepted at or after the effective close (server time), nothing sent after it accepted.
  for (const r of accepted) expect(Date.parse(r.updatedAt!)).toBeLessThan(closesAtMs);
  for (const r of sent.filter((x) => x.startedAt > closesAtMs)) expect(r.code).toBe('bid.need_closed');
  // Every refusal is a rule (closed, or an auction rule), never a lost race or a server error.
  for (const r of sent.filter((x) => x.status >= 300)) expect(r.status).toBe(422);

  for (let i = 0; i < SUPPLIERS; i++) {
    const mine = accepted.filter((r) => r.supplier === i).sort((a, b) => a.k - b.k);
    const s = world.suppliers[i]!;
    const stored = await rt.container.bidding.repos.bids.get(needId, s.orgId);
    if (!mine.length) {
      expect(stored).toBeNull();
      continue;
    }
    // Stored once, with its latest accepted revision, and every accepted revision kept.
    expect(stored).toMatchObject({ revision: mine.length, unitPrice: { amount: mine.at(-1)!.price } });
    expect(mine.map((r) => r.revision)).toEqual(mine.map((_, n) => n + 1));
    const revisions = await rt.call('GET', `/v1/needs/${needId}/bids/mine/revisions?limit=100`, {
      token: s.token,
    });
    expect(revisions.body.items.map((r: any) => r.unitPrice.amount).reverse()).toEqual(
      mine.map((r) => r.price),
    );
  }
  return accepted;
}

describe('a bid storm across the close', () => {
  it('stores every bid accepted before a sealed close exactly once with its latest revision, and refuses every one after', async () => {
    const period = Math.max(1_000, 1.2 * (await waveMs('sealed')));
    const start = Date.now() + 200;
    const closesAtMs = start + 2.5 * period;
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: new Date(closesAtMs),
    });
    const sent = await storm(need.needId, start, period, (i, k) => 10_000 - k * 100 - i * 3);
    expect(sent).toHaveLength(SUPPLIERS * BIDS_EACH);
    const accepted = await checkStored(need.needId, sent, closesAtMs);

    // The owner's ranking after the close agrees with the stored bids, lowest price first.
    const owner = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    const bidders = new Set(accepted.map((r) => r.supplier));
    expect(owner.body.count).toBe(bidders.size);
    const lastPrice = new Map(
      [...bidders].map((i) => [
        world.suppliers[i]!.orgId,
        accepted.filter((r) => r.supplier === i).at(-1)!.price,
      ]),
    );
    expect(owner.body.items.map((b: any) => b.rank)).toEqual(
      owner.body.items.map((_: any, n: number) => n + 1),
    );
    expect(owner.body.items.map((b: any) => b.unitPrice.amount)).toEqual(
      [...lastPrice.values()].sort((a, b) => a - b),
    );
    for (const b of owner.body.items) expect(b.unitPrice.amount).toBe(lastPrice.get(b.supplier.orgId));
  }, 120_000);

  it('keeps a reverse auction consistent: ranks, best price and anti-sniping extensions under the storm', async () => {
    // Anti-sniping (1 s window, at most 2 extensions) moves the close by at most 2 s: the period
    // keeps the fourth wave after even the latest close.
    const period = Math.max(4_500, 1.2 * (await waveMs('auction')));
    const start = Date.now() + 200;
    const originalClose = start + 2.5 * period;
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: new Date(originalClose),
      mode: 'auction',
      auction: { minDecrementBps: 20, maxExtensions: 2 },
    });
    const sent = await storm(need.needId, start, period, (i, k) => 10_000 - k * 250 - i * 7);
    const final = (await rt.container.bidding.repos.needs.get(need.needId))!;
    const accepted = await checkStored(need.needId, sent, final.closesAtMs);
    const ruleRefusals = sent
      .filter((r) => r.status === 422 && r.code !== 'bid.need_closed')
      .map((r) => r.code);
    for (const code of ruleRefusals)
      expect(['bid.decrement_too_small', 'bid.must_beat_own_previous']).toContain(code);

    // Anti-sniping: never more extensions than the cap, and the count agrees everywhere.
    const state = await rt.container.bidding.repos.bids.auctionState(need.needId, 0);
    expect(final.extensionCount).toBeLessThanOrEqual(2);
    expect(state.snipingExtensions).toBe(final.extensionCount);
    expect(final.closesAtMs).toBeGreaterThanOrEqual(originalClose);

    // Every bidder's rank is its place in the stored prices; all see the same best, which is the state's best.
    const bidders = [...new Set(accepted.map((r) => r.supplier))];
    const prices = bidders.map((i) => accepted.filter((r) => r.supplier === i).at(-1)!.price);
    const standings = await Promise.all(
      bidders.map((i) =>
        server.http('GET', `/v1/needs/${need.needId}/auction`, { token: world.suppliers[i]!.token }),
      ),
    );
    const sorted = [...prices].sort((a, b) => a - b);
    expect(standings.map((s) => s.body.myRank).sort((a, b) => a - b)).toEqual(bidders.map((_, n) => n + 1));
    standings.forEach((s, n) => {
      expect(s.body.bidders).toBe(bidders.length);
      expect(s.body.bestUnitPrice.amount).toBe(sorted[0]);
      expect(sorted[s.body.myRank - 1]).toBe(prices[n]);
    });
    expect(state.bestMinor).toBe(sorted[0]);
  }, 120_000);
});
