import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { bidOn, offeringWorld, openOffering } from './support/world';

/** Races on park space, as real parallel HTTP requests (each its own connection) against DynamoDB Local. */
const clock = fixedClock('2030-05-01T08:00:00.000Z');
const CLOSE = '2030-05-01T12:00:00.000Z';
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof offeringWorld>>;
let server: Awaited<ReturnType<TestRuntime['listen']>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await offeringWorld(rt, { investors: 6 });
  server = await rt.listen();
}, 120_000);
afterAll(async () => {
  await server.close();
  await rt.stop();
});

const open = (extra: Record<string, unknown> = {}) => {
  clock.set('2030-05-01T08:00:00.000Z');
  return openOffering(rt, world, CLOSE, extra);
};

async function closedWithBids(n: number) {
  const o = await open();
  clock.set('2030-05-01T09:00:00.000Z');
  const bids = [];
  for (let i = 0; i < n; i++) {
    const res = await rt.call('POST', `/v1/offerings/${o.offeringId}/bids`, {
      token: world.investors[i]!.token,
      body: bidOn(1_000_000 + i * 100_000),
    });
    bids.push(res.body.bidId as string);
  }
  clock.set('2030-05-01T12:00:01.000Z');
  return { offeringId: o.offeringId, bids };
}

describe('races on park space', () => {
  it('gives the lead to the earlier of two bids at the same price in the same millisecond; the later one is refused', async () => {
    const o = await open({ mode: 'auction' });
    clock.set('2030-05-01T09:00:00.000Z');
    // The clock stands still: every bid is priced in the same millisecond.
    const [a, b] = world.investors;
    const results = await Promise.all(
      [a!, b!].map((who) =>
        server.http('POST', `/v1/offerings/${o.offeringId}/bids`, {
          token: who.token,
          body: bidOn(1_500_000),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = results.find((r) => r.status === 422)!;
    expect(refused.body.code).toBe('bid.increment_too_small');
    const won = results.find((r) => r.status === 201)!;
    const { state, bids } = await rt.container.bidding.repos.offerings.book(o.offeringId);
    expect(state).toMatchObject({ bestMinor: 1_500_000, leaderOrgId: won.body.bidderOrgId, bidSeq: 1 });
    expect(bids).toHaveLength(1);
  });

  it('keeps the auction state true under many parallel leads: the best is the highest accepted price', async () => {
    const o = await open({ mode: 'auction', minIncrement: { amount: 1_000, currency: 'IRR' } });
    clock.set('2030-05-01T09:00:00.000Z');
    const results = await Promise.all(
      world.investors.map((who, i) =>
        server.http('POST', `/v1/offerings/${o.offeringId}/bids`, {
          token: who.token,
          body: bidOn(1_000_000 + (i % 3) * 10_000),
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 201).map((r) => r.body.price.amount as number);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.status).toBe(422);
    const { state, bids } = await rt.container.bidding.repos.offerings.book(o.offeringId);
    expect(state.bestMinor).toBe(Math.max(...accepted));
    expect(bids.filter((b) => b.status === 'submitted')).toHaveLength(accepted.length);
    // Every accepted bid led when it was written: accepted prices are distinct.
    expect(new Set(accepted).size).toBe(accepted.length);
  });

  it('makes one allocation from concurrent awards', async () => {
    const { offeringId, bids } = await closedWithBids(4);
    const results = await Promise.all(
      [...bids, ...bids].map((bidId) =>
        server.http('POST', `/v1/offerings/${offeringId}/award`, {
          token: world.operator.token,
          body: { bidId },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect([r.status, r.body.code]).toEqual([409, 'offering.already_awarded']);
    }
    const winner = results.find((r) => r.status === 201)!.body;
    const allocation = await rt.container.bidding.repos.offerings.allocation(offeringId);
    expect(allocation).toMatchObject({ allocationId: winner.allocationId, bidId: winner.bidId });
    const { bids: stored } = await rt.container.bidding.repos.offerings.book(offeringId);
    expect(stored.filter((b) => b.status === 'awarded').map((b) => b.bidId)).toEqual([winner.bidId]);
    const offering = await rt.container.bidding.repos.offerings.get(offeringId);
    expect(offering).toMatchObject({
      status: 'awarded',
      awardedBidId: winner.bidId,
      allocationId: winner.allocationId,
    });
  });

  it('lets an award and a cancel race and keeps exactly one outcome', async () => {
    const { offeringId, bids } = await closedWithBids(2);
    const [award, cancel] = await Promise.all([
      server.http('POST', `/v1/offerings/${offeringId}/award`, {
        token: world.operator.token,
        body: { bidId: bids[1] },
      }),
      server.http('POST', `/v1/offerings/${offeringId}/cancel`, {
        token: world.operator.token,
        body: { reason: 'The unit is needed for the park’s own workshop.' },
      }),
    ]);
    const offering = await rt.container.bidding.repos.offerings.get(offeringId);
    const allocation = await rt.container.bidding.repos.offerings.allocation(offeringId);
    if (award.status === 201) {
      expect(cancel.status).toBe(409);
      expect(offering!.status).toBe('awarded');
      expect(allocation).not.toBeNull();
    } else {
      expect(cancel.status).toBe(200);
      expect(award.status).toBe(409);
      expect(offering!.status).toBe('cancelled');
      expect(allocation).toBeNull();
    }
  });
});
