import { DynamoMatchWorkQueue, matchWorkId, matchWorkKey } from '@parkbridge/db/matching';
import {
  type MatchingOptions,
  MatchingService,
  type MatchWork,
  neutralReputationReader,
} from '@parkbridge/domain/matching';
import type { Change } from '@parkbridge/jobs';
import { matchingConsumer } from '@parkbridge/jobs/market';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meter } from '../../perf/support/metering';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  changeOf,
  createListing,
  createNeed,
  listingBody,
  needBody,
  parkWithBuyer,
  publish,
  rawItem,
  supplierNear,
} from './market-fixtures';

// Issue #24, finding 1: a stream record's work must not grow with the data. Matching runs in
// steps of `pageSize` candidates, `stepsPerRecord` steps a record, the rest left as work items;
// small settings here stand for the defaults (25 and 4) so a few dozen items show the bound.
const OPTIONS: Partial<MatchingOptions> = { pageSize: 5, stepsPerRecord: 2 };
/**
 * DynamoDB calls one step may make, at most: the item and its park, the page, the facts (four
 * batches) and existing matches, the writes, and per candidate a wider tier's count and its inbox
 * row (its supplier's matches, the row, the notification, the write).
 */
const CALLS_PER_STEP = 12 + 6 * (OPTIONS.pageSize as number);
const CALLS_PER_RECORD = CALLS_PER_STEP * (OPTIONS.stepsPerRecord as number);

let rt: TestRuntime;
let meter: Meter;
let left: { sourceId: string; work: MatchWork }[];
let consumer: ReturnType<typeof matchingConsumer>;
beforeAll(async () => {
  rt = await startTestRuntime();
  meter = Meter.attach(rt.db.doc);
  const queue = new DynamoMatchWorkQueue(rt.db);
  left = [];
  const market = rt.container.market;
  const matching = new MatchingService({
    needs: market.repos.needs,
    listings: market.repos.listings,
    parks: rt.container.repos.parks,
    orgs: rt.container.repos.orgs,
    facts: market.repos.facts,
    matches: market.repos.matches,
    notifications: rt.container.repos.notifications,
    work: {
      enqueue: async (sourceId, work) => {
        left.push(...work.map((w) => ({ sourceId, work: w })));
        await queue.enqueue(sourceId, work);
      },
    },
    reputation: () => neutralReputationReader,
    clock: rt.db.clock,
    options: OPTIONS,
  });
  consumer = matchingConsumer(matching);
});
afterAll(() => rt.stop());

/** Delivers a record, then each work item it leaves (read back from the table) as its own record. */
async function followRecords(first: Change): Promise<number[]> {
  const calls: number[] = [];
  const pending: Change[] = [first];
  for (let change = pending.shift(); change; change = pending.shift()) {
    expect(consumer.wants(change)).toBe(true);
    left.length = 0;
    const c = change;
    calls.push((await meter.during(() => consumer.handle(c))).calls.length);
    for (const { sourceId, work } of left) {
      const { pk, sk } = matchWorkKey(matchWorkId(sourceId, work));
      pending.push(changeOf(null, await rawItem(rt, pk, sk)));
    }
  }
  return calls;
}

async function openNeeds(count: number, category: string) {
  const park = await parkWithBuyer(rt);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const need = await createNeed(
      rt,
      park.buyer.token,
      needBody(park.parkId, { category, title: `Pipe ${i}` }),
    );
    await publish(rt, park.buyer.token, need.needId);
    ids.push(need.needId);
  }
  return { park, ids };
}

const matchCount = async (listingId: string) =>
  (await rt.container.market.repos.matches.forListing(listingId)).length;

// Dozens of needs and listings made through the API: minutes on a loaded machine.
describe('a listing change', { timeout: 240_000 }, () => {
  it('does bounded work per stream record however many open needs it matches, and matches them all', async () => {
    const perRecord: Record<string, number[]> = {};
    for (const [count, category] of [
      [4, '2610'],
      [28, '2720'],
    ] as const) {
      const { park } = await openNeeds(count, category);
      const supplier = await supplierNear(rt, park);
      const listing = await createListing(rt, supplier.token, listingBody({ category }));
      const item = await rawItem(rt, `LISTING#${listing.listingId}`, 'LISTING');
      perRecord[count] = await followRecords(changeOf(null, item));
      expect(await matchCount(listing.listingId)).toBe(count);
    }
    const small = perRecord[4] as number[];
    const large = perRecord[28] as number[];
    // Seven times the needs: more records, none of them larger than the bound.
    expect(small.length).toBeLessThan(large.length);
    expect(Math.max(...small, ...large)).toBeLessThanOrEqual(CALLS_PER_RECORD);
  });

  it('keeps one work item when a redelivered record leaves the same work again', async () => {
    const queue = new DynamoMatchWorkQueue(rt.db);
    const work: MatchWork = { kind: 'rematch-supplier', orgId: 'org_redelivered' };
    const { pk, sk } = matchWorkKey(matchWorkId('record-1', work));
    await queue.enqueue('record-1', [work]);
    const first = await rawItem(rt, pk, sk);
    const again = await meter.during(() => queue.enqueue('record-1', [work]));
    expect(again.calls.map((c) => c.error)).toEqual(['ConditionalCheckFailedException']);
    expect(await rawItem(rt, pk, sk)).toEqual(first);
    expect(first).toMatchObject({ type: 'match-work', work });
    expect(Number(first.ttl)).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('a need published', { timeout: 240_000 }, () => {
  it('reads its candidates a page per step, every record within the bound', async () => {
    const park = await parkWithBuyer(rt);
    const { buyer, parkId } = park;
    for (let i = 0; i < 12; i++) {
      const supplier = await supplierNear(rt, park);
      await createListing(rt, supplier.token, listingBody({ category: '2811', title: `Engine ${i}` }));
    }
    const need = await createNeed(rt, buyer.token, needBody(parkId, { category: '2811' }));
    const before = await rawItem(rt, `NEED#${need.needId}`, 'NEED');
    await publish(rt, buyer.token, need.needId);
    const calls = await followRecords(changeOf(before, await rawItem(rt, `NEED#${need.needId}`, 'NEED')));
    expect(calls.length).toBeGreaterThan(1);
    expect(Math.max(...calls)).toBeLessThanOrEqual(CALLS_PER_RECORD);
    expect((await rt.container.market.repos.matches.forNeed(need.needId)).length).toBe(12);
  });
});
