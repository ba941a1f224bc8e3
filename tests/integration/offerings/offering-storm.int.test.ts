import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { bidOn, offeringWorld, openOffering } from './support/world';

/**
 * Real parallel HTTP requests against DynamoDB Local, on the real clock: 20 investors send 10 bids
 * each (a first bid, then raises) in ten waves, across a sealed tender's close that falls between
 * the fifth and the sixth wave. The wave period is measured first, since DynamoDB Local's speed
 * varies with the machine and its load.
 */
const INVESTORS = 20;
const BIDS_EACH = 10;

let rt: TestRuntime;
let world: Awaited<ReturnType<typeof offeringWorld>>;
let server: Awaited<ReturnType<TestRuntime['listen']>>;

beforeAll(async () => {
  rt = await startTestRuntime({ rules: { minBiddingWindowS: 0 } });
  world = await offeringWorld(rt, { investors: INVESTORS });
  server = await rt.listen();
}, 180_000);
afterAll(async () => {
  await server.close();
  await rt.stop();
});

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

describe('a storm of investors across the close', () => {
  it('accepts no bid after the close and stores each investor’s last accepted price once', async () => {
    const warm = await openOffering(rt, world, new Date(Date.now() + 3600_000));
    // Two warm-up waves on a throwaway offering; the second (revisions, warm caches) sets the period.
    let t0 = 0;
    for (const [wave, method] of [
      [0, 'POST'],
      [1, 'PUT'],
    ] as const) {
      t0 = Date.now();
      await Promise.all(
        world.investors.map((s, i) =>
          server.http(method, `/v1/offerings/${warm.offeringId}/bids${wave ? '/mine' : ''}`, {
            token: s.token,
            body: bidOn(1_000_000 + wave * 10_000 + i),
          }),
        ),
      );
    }
    const period = Math.max(600, 1.2 * (Date.now() - t0));
    const start = Date.now() + 300;
    const closesAtMs = start + 5.5 * period;
    const o = await openOffering(rt, world, new Date(closesAtMs));
    const sent: {
      i: number;
      k: number;
      price: number;
      startedAt: number;
      status: number;
      code?: string;
      updatedAt?: string;
    }[] = [];
    await Promise.all(
      world.investors.map(async (s, i) => {
        let placed = false;
        for (let k = 0; k < BIDS_EACH; k++) {
          await sleepUntil(start + k * period + i * 5);
          const price = 1_000_000 + k * 10_000 + i;
          const startedAt = Date.now();
          const res = await server.http(
            placed ? 'PUT' : 'POST',
            `/v1/offerings/${o.offeringId}/bids${placed ? '/mine' : ''}`,
            {
              token: s.token,
              body: bidOn(price),
            },
          );
          if (res.status < 300) placed = true;
          sent.push({
            i,
            k,
            price,
            startedAt,
            status: res.status,
            code: res.body?.code,
            updatedAt: res.body?.updatedAt,
          });
        }
      }),
    );
    expect(sent).toHaveLength(INVESTORS * BIDS_EACH);
    const accepted = sent.filter((r) => r.status < 300);
    expect(accepted.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.code === 'bid.offering_closed').length).toBeGreaterThan(0);
    // Zero bids accepted at or after the close; everything sent after it refused as closed.
    expect(accepted.filter((r) => Date.parse(r.updatedAt!) >= closesAtMs)).toHaveLength(0);
    for (const r of sent.filter((x) => x.startedAt > closesAtMs)) expect(r.code).toBe('bid.offering_closed');
    for (const r of sent.filter((x) => x.status >= 300)) expect(r.status).toBe(422);

    const { bids } = await rt.container.bidding.repos.offerings.book(o.offeringId);
    for (let i = 0; i < INVESTORS; i++) {
      const mine = accepted.filter((r) => r.i === i).sort((a, b) => a.k - b.k);
      const stored = bids.find((b) => b.bidderOrgId === world.investors[i]!.orgId);
      if (!mine.length) expect(stored).toBeUndefined();
      else expect(stored).toMatchObject({ revision: mine.length, price: { amount: mine.at(-1)!.price } });
    }
    // After the close the operator sees them ranked, highest first.
    const view = await rt.call('GET', `/v1/offerings/${o.offeringId}/bids`, { token: world.operator.token });
    const prices = view.body.items.map((b: any) => b.price.amount);
    expect(prices).toEqual([...prices].sort((a: number, b: number) => b - a));
  }, 180_000);
});
