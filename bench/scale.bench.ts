// `npm run bench -- scale`: does any request or stream record do work that grows with the country?
// Loads the scaled country of issue #24 (bench/support/scale-scenario.ts) into DynamoDB Local at
// three sizes a decade apart, then runs each operation through the real services and feeds every
// stream record it leaves to the real consumers, one record at a time. Each is metered: items read
// (what DynamoDB evaluated), items written, and capacity units as AWS bills them (reads as DynamoDB
// Local reports them, writes from the items' sizes: bench/support/aws-units.ts).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseRules } from '@parkbridge/config';
import { createDb, createDocumentClient, type Db, type Item } from '@parkbridge/db';
import { ensureTable, startDynamoDbLocal } from '@parkbridge/db/local';
import { notificationWrites } from '@parkbridge/db/notifications';
import { type Caller, fixedClock } from '@parkbridge/domain/core';
import { allJobs, type StreamConsumer, toChange } from '@parkbridge/jobs';
import { type Container, createContainer } from '@parkbridge/runtime';
import type { DynamoDBRecord } from 'aws-lambda';
import { Meter, type MeteredCall } from '../tests/perf/support/metering';
import type { Bench, BenchTable } from './run';
import { AwsUnitsMeter, StreamTap } from './support/aws-units';
import {
  BIDS_AT_CLOSE,
  COMMON_WORD,
  COUNTRY,
  FOCUS_CLASS,
  loadItems,
  RARE_WORD,
  type ScaleScenario,
  scaledCountry,
} from './support/scale-scenario';

/** Fractions of the country: three sizes a decade apart (the largest ≈ 60,000 items). */
const SIZES = (process.env.SCALE_BENCH_SIZES ?? '0.001,0.01,0.1').split(',').map(Number);
/** Stream generations followed after an operation (work items beget work items). */
const MAX_GENERATIONS = 200;
const START = new Date('2030-03-02T05:30:00.000Z');
const HOUR = 3_600_000;

interface Cost {
  read: number;
  written: number;
  rcu: number;
  wcu: number;
}
const none = (): Cost => ({ read: 0, written: 0, rcu: 0, wcu: 0 });
const plus = (a: Cost, b: Cost): Cost => ({
  read: a.read + b.read,
  written: a.written + b.written,
  rcu: a.rcu + b.rcu,
  wcu: a.wcu + b.wcu,
});
/** The larger of two costs, by capacity (what a record is billed). */
const larger = (a: Cost, b: Cost): Cost => (b.rcu + b.wcu > a.rcu + a.wcu ? b : a);

interface OperationCost {
  request: Cost;
  records: number;
  largest: Cost;
  /** The consumer that handled the largest record. */
  largestBy: string;
  stream: Cost;
  failures: number;
}

const costOf = (calls: MeteredCall[], units: { rru: number; wru: number }): Cost => ({
  read: calls.reduce((n, c) => n + c.itemsRead, 0),
  written: calls.reduce((n, c) => n + c.writtenKeys.length, 0),
  rcu: units.rru,
  wcu: units.wru,
});

class Metering {
  constructor(
    private readonly meter: Meter,
    private readonly units: AwsUnitsMeter,
  ) {}

  async cost<T>(fn: () => Promise<T>): Promise<{ result: T; cost: Cost }> {
    this.meter.reset();
    const done = await this.units.during(() => this.meter.during(fn));
    this.meter.reset();
    return { result: done.result.result, cost: costOf(done.result.calls, done.units) };
  }
}

/**
 * Hands every new stream record to every consumer that wants it, one record at a time, until the
 * consumers' own writes leave nothing new; `metering` set: each record's handling is costed.
 */
async function drain(
  tap: StreamTap,
  consumers: readonly StreamConsumer[],
  metering?: Metering,
): Promise<Omit<OperationCost, 'request'>> {
  const out = { records: 0, largest: none(), largestBy: '—', stream: none(), failures: 0 };
  for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
    const records: DynamoDBRecord[] = await tap.read();
    if (!records.length) return out;
    for (const record of records) {
      const change = toChange(record);
      for (const consumer of consumers) {
        if (!consumer.wants(change)) continue;
        out.records++;
        const handle = async () => {
          try {
            await consumer.handle(change);
          } catch (err) {
            out.failures++;
            console.error(`  ${consumer.name} failed:`, (err as Error).message);
          }
        };
        if (!metering) {
          await handle();
          continue;
        }
        const { cost } = await metering.cost(handle);
        out.stream = plus(out.stream, cost);
        const before = out.largest;
        out.largest = larger(out.largest, cost);
        if (out.largest !== before) out.largestBy = consumer.name;
      }
    }
  }
  throw new Error(`The stream did not settle within ${MAX_GENERATIONS} generations.`);
}

const caller = (orgId: string, role: 'tenant' | 'supplier' | 'operator'): Caller => ({
  userId: `usr_${orgId}`,
  orgId,
  roles: [role],
  personRole: 'admin',
});

/** A Persian description at the contract's limit (8,000 characters): the ~40 KB need of finding 4. */
const LONG_DESCRIPTION = 'لوله فولادی بدون درز با گواهی آزمون، تحویل در درب شهرک. '
  .repeat(200)
  .slice(0, 8000);

/** What the measured operations need beyond the loaded country, made through the services. */
async function prepare(app: Container, s: ScaleScenario, db: Db) {
  const park = s.parkIds[0] as string;
  const buyer = caller(s.buyerOrgId, 'tenant');
  const operator = caller(s.operatorOrgId, 'operator');
  const needInput = (over: Record<string, unknown>) =>
    ({
      title: 'Seamless steel pipe, 50 mm',
      description: 'For the boiler line.',
      category: FOCUS_CLASS,
      quantity: 20,
      unit: 't',
      parkId: park,
      currency: 'IRR',
      closesAt: new Date(START.getTime() + 48 * HOUR).toISOString(),
      mode: 'sealed',
      requiredCertificates: [],
      parkFirstHours: 0,
      visibility: 'public',
      ...over,
    }) as never;
  const draft = await app.market.needs.create(buyer, needInput({}));
  // The auction that closes with a last-second bid: fifty bids in already.
  const closesAt = new Date(START.getTime() + 2 * HOUR);
  const auction = await app.market.needs.create(
    buyer,
    needInput({
      title: 'لوله فولادی بدون درز',
      description: LONG_DESCRIPTION,
      mode: 'auction',
      auction: { minDecrementBps: 50, maxExtensions: 10 },
      closesAt: closesAt.toISOString(),
    }),
  );
  await app.market.needs.publish(buyer, auction.needId);
  const bid = (orgId: string, amount: number) =>
    app.bidding.bids.create(caller(orgId, 'supplier'), auction.needId, {
      unitPrice: { amount, currency: 'IRR' },
      quantity: 20,
      leadTimeDays: 10,
      validUntil: new Date(START.getTime() + 30 * 24 * HOUR).toISOString(),
    });
  for (const [i, orgId] of s.bidderOrgIds.slice(0, BIDS_AT_CLOSE - 1).entries())
    await bid(orgId, 10_000_000 - i * 100_000);
  // The expo of the 09:00 rush: 5 pavilions of 100 slots, a fifth of them held.
  const expo = await app.expos.expos.create(operator, {
    parkId: park,
    name: 'Industrial supply expo',
    startsAt: new Date(START.getTime() + 30 * 24 * HOUR).toISOString(),
    endsAt: new Date(START.getTime() + 33 * 24 * HOUR).toISOString(),
    venue: 'Park exhibition centre',
  });
  const slotIds: string[] = [];
  for (let p = 0; p < 5; p++) {
    const pavilion = await app.expos.expos.addPavilion(operator, expo.expoId, {
      name: `Hall ${p}`,
      themes: ['24', '25'],
      floor: { width: 300, depth: 40 },
    });
    for (let n = 0; n < 100; n++) {
      const slot = await app.expos.expos.addSlot(operator, pavilion.pavilionId, {
        code: `${p}-${n}`,
        kind: 'inline',
        area: 9,
        rect: { x: (n % 100) * 3, y: 0, w: 3, h: 3 },
        price: { amount: 150_000_000, currency: 'IRR' },
      });
      slotIds.push(slot.slotId);
    }
  }
  for (let k = 0; k < 100; k++)
    await app.expos.bookings.hold(
      caller(s.bidderOrgIds[k % BIDS_AT_CLOSE] as string, 'supplier'),
      slotIds[k * 5] as string,
    );
  // Read notifications the supplier kept, older than anything else, and three it has not read.
  const history: Item[] = [];
  const keep = Math.round(COUNTRY.readNotifications * s.f);
  for (let k = 0; k < keep + 3; k++) {
    const at = new Date(START.getTime() - 365 * 24 * HOUR + k * 60_000);
    const { items } = notificationWrites(
      db,
      { orgId: s.supplierOrgId, kind: 'need.closed', entityId: `need_H${k}`, dedupeKey: `history#${k}` },
      at,
    );
    for (const tx of items) {
      const put = tx.item.Put?.Item as Item;
      if (put.type !== 'notification' || k < 3) {
        history.push(put);
        continue;
      }
      // Read, as markRead leaves it: readAt set, out of the sparse unread index.
      const { gsi1pk: _pk, gsi1sk: _sk, ...read } = put;
      history.push({ ...read, readAt: at.toISOString() });
    }
  }
  return { draftNeedId: draft.needId, auctionNeedId: auction.needId, closesAt, expoId: expo.expoId, history };
}

async function measureSize(
  f: number,
  endpoint: string,
  raw: DynamoDBClient,
): Promise<Map<string, OperationCost>> {
  const tableName = `scale-${String(f).replace('.', '_')}`;
  await ensureTable(raw, tableName);
  const clock = fixedClock(START);
  const doc = createDocumentClient({ endpoint });
  const plain = createDocumentClient({ endpoint });
  const db = createDb({ tableName, cursorSecret: randomBytes(24).toString('hex'), doc, clock });
  const app = createContainer(db, parseRules({}));
  const consumers = allJobs(app).consumers;
  const metering = new Metering(Meter.attach(doc), AwsUnitsMeter.attach(doc, plain));
  const items: Item[] = [];
  const started = Date.now();
  const s = scaledCountry(f, START, items);
  await loadItems(db, items);
  const loaded = (Date.now() - started) / 1000;
  const table = await raw.send(new DescribeTableCommand({ TableName: tableName }));
  const tap = await StreamTap.open(endpoint, table.Table?.LatestStreamArn as string);
  const results = new Map<string, OperationCost>();
  try {
    const fixtures = await prepare(app, s, db);
    await loadItems(db, fixtures.history);
    // The supplier's listing is matched once, so its inbox and matches exist before anything is measured.
    await app.market.listings.update(caller(s.supplierOrgId, 'supplier'), s.supplierListingId, {
      leadTimeDays: 12,
    });
    await drain(tap, consumers);
    console.log(
      `  1/${Math.round(1 / f)} of the country: ${items.length.toLocaleString('en')} items loaded in ${loaded.toFixed(0)} s; ` +
        Object.entries(s.counts)
          .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
          .join(', '),
    );

    const supplier = caller(s.supplierOrgId, 'supplier');
    const operation = async (name: string, fn: () => Promise<unknown>) => {
      const { cost } = await metering.cost(fn);
      results.set(name, { request: cost, ...(await drain(tap, consumers, metering)) });
    };
    await operation('search needs for a rare word', () =>
      app.market.needs.list(supplier, { q: RARE_WORD }, { limit: 20 }),
    );
    await operation('search needs for a common word', () =>
      app.market.needs.list(supplier, { q: COMMON_WORD }, { limit: 20 }),
    );
    await operation('search listings for a rare word', () =>
      app.market.listings.list(caller(s.buyerOrgId, 'tenant'), { q: RARE_WORD }, { limit: 20 }),
    );
    await operation('open the inbox (matches)', () => app.market.matches.inbox(supplier, { limit: 20 }));
    await operation('open the inbox (every unread notification)', async () => {
      let cursor: string | undefined;
      do {
        const page = await app.notifications.list(supplier, { limit: 20, cursor }, true);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    });
    await operation('publish a need', () =>
      app.market.needs.publish(caller(s.buyerOrgId, 'tenant'), fixtures.draftNeedId),
    );
    await operation('change a listing', () =>
      app.market.listings.update(supplier, s.supplierListingId, { capacityPerPeriod: 900 }),
    );
    await operation('approve a supplier', () =>
      app.memberships.decide(
        caller(s.operatorOrgId, 'operator'),
        s.parkIds[0] as string,
        s.applicantOrgId,
        'approved',
      ),
    );
    await operation('read a floor plan', () => app.expos.expos.floorPlan(supplier, fixtures.expoId));
    // At the origin; with Cache-Control public, max-age=5 a cache asks it once per 5 s.
    await operation('read the public floor plan (at the origin)', () =>
      app.expos.expos.publicFloorPlan(fixtures.expoId),
    );
    clock.set(new Date(fixtures.closesAt.getTime() - 60_000));
    await operation('bid at the close', () =>
      app.bidding.bids.create(
        caller(s.bidderOrgIds[BIDS_AT_CLOSE - 1] as string, 'supplier'),
        fixtures.auctionNeedId,
        {
          unitPrice: { amount: 1_000_000, currency: 'IRR' },
          quantity: 20,
          leadTimeDays: 10,
          validUntil: new Date(START.getTime() + 30 * 24 * HOUR).toISOString(),
        },
      ),
    );
    return results;
  } finally {
    tap.close();
    doc.destroy();
    plain.destroy();
    await raw.send(new DeleteTableCommand({ TableName: tableName }));
  }
}

const f1 = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const bench: Bench = {
  name: 'Scale: the work of each operation as the country grows',
  async run(): Promise<BenchTable[]> {
    const ddb = await startDynamoDbLocal();
    const raw = new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const started = Date.now();
    try {
      const bySize: Map<string, OperationCost>[] = [];
      for (const f of SIZES) bySize.push(await measureSize(f, ddb.endpoint, raw));
      const names = [...(bySize[0]?.keys() ?? [])];
      const rows: (string | number)[][] = [];
      const cells = (c: Cost) => [c.read, c.written, f1(c.rcu), f1(c.wcu)];
      for (const name of names) {
        const per = bySize.map((m) => m.get(name) as OperationCost);
        rows.push([name, 'request', ...per.flatMap((o) => ['', ...cells(o.request)])]);
        if (per.some((o) => o.records))
          rows.push([
            '',
            'largest stream record',
            ...per.flatMap((o) => [o.records ? o.largestBy : '', ...cells(o.largest)]),
          ]);
        if (per.some((o) => o.records))
          rows.push(['', 'all its stream records', ...per.flatMap((o) => [o.records, ...cells(o.stream)])]);
      }
      const failures = bySize.flatMap((m) => [...m.values()]).reduce((n, o) => n + o.failures, 0);
      return [
        {
          title:
            'Work per operation at three sizes of the country (DynamoDB Local; capacity as AWS bills it)',
          columns: [
            'operation',
            'part',
            ...SIZES.flatMap((f) => {
              const size = `1/${Math.round(1 / f)}`;
              return [`${size}: records`, 'items read', 'items written', 'RCU', 'WCU'];
            }),
          ],
          rows,
          notes: [
            'Sizes are fractions of the country of issue #24 (100 parks, 100,000 firms, 200,000 listings, 20,000 open',
            'and 40,000 closed needs), sampled by ISIC class and park so that a class keeps its national density (~476',
            'listings, ~48 open needs); firms keep 1/1000 × 10,000 read notifications per 1/1000 of the country.',
            '"request" is the service call; "largest stream record" the costliest single (record, consumer) handling the',
            'operation set off, with the consumer named and, in the first column, nothing; "all its stream records" the',
            'number of (record, consumer) handlings and their sum, following work items to the end.',
            'Items read = what DynamoDB evaluated (Query ScannedCount, items found by Get/BatchGet); items written =',
            'items put, updated or deleted (ConditionChecks excluded); RCU as DynamoDB Local reports reads (at least',
            "AWS's minimum); WCU computed from the items' sizes before and after, each index copy included.",
            `Consumer failures: ${failures}. Total run ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()
              .map((l) => l.toFixed(1))
              .join(' / ')} on ${cpus().length} cores.`,
          ],
        },
      ];
    } finally {
      raw.destroy();
      await ddb.stop();
    }
  },
};

export default bench;
