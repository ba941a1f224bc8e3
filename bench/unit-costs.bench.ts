// `npm run bench -- unit-costs`: the per-call figures of the cost model (bench/cost-model.bench.ts),
// measured on the real app over DynamoDB Local:
//  1. every route of the OpenAPI document on its happy path (the perf harness's recipes): read and
//     write request units as AWS bills them, handler time, and what its writes set off on the
//     table's stream: records, the consumers' own units and time per stream reader, bytes stored;
//  2. matching fan-out: publishing a need that 1 and then 10 suppliers' listings match;
//  3. each scheduled job's run when nothing is due (they run every minute in AWS);
//  4. the Cognito pre-token-generation trigger (one per sign-in and per token refresh).
import { cpus, loadavg } from 'node:os';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '@parkbridge/db';
import { type StreamConsumer, toChange } from '@parkbridge/jobs';
import type { DynamoDBRecord } from 'aws-lambda';
import { tokenClaimsFor } from '../functions/auth/token-claims';
import { processWithConsumers } from '../functions/streams/process-batch';
import { httpFunctionFor, streamReaders } from '../infra/stacks/workloads';
import { tokenOf } from '../tests/perf/support/route-costs';
import type { ApiRoute } from '../tests/security/support/openapi';
import { RECIPES, type Recipe } from '../tests/security/support/routes';
import { startScenarioRuntime } from '../tests/security/support/runtime';
import { listingBody, needBody } from '../tests/security/support/scenario';
import { send } from '../tests/security/support/send';
import type { Bench, BenchTable } from './run';
import { AwsUnitsMeter, addUnits, noUnits, StreamTap, storedBytes, type Units } from './support/aws-units';
import { median } from './support/cold-start';

/** Each route is measured this many times (fresh resources each time); medians are reported. */
const REPS = Number(process.env.UNIT_COSTS_REPS ?? 3);

const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);
/** calls, RRU, WRU and ms of repeated runs of one piece of work, each the median. */
const medianUnits = (runs: { units: Units; ms: number }[]) => [
  median(runs.map((r) => r.units.calls)),
  f1(median(runs.map((r) => r.units.rru))),
  f1(median(runs.map((r) => r.units.wru))),
  f1(median(runs.map((r) => r.ms))),
];

interface ReaderWork {
  /** Batches handed to the reader (one per generation of records: the request's, then its consumers'). */
  batches: number;
  units: Units;
  ms: number;
  failures: number;
}

interface StreamWork {
  records: number;
  /** Distinct partition keys among the records (their spread over shards decides the batches in AWS). */
  partitions: number;
  storedBytes: number;
  readers: Record<string, ReaderWork>;
}

async function run(): Promise<BenchTable[]> {
  const rt = await startScenarioRuntime({ rules: { minBiddingWindowS: 60 } });
  const raw = new DynamoDBClient({
    endpoint: rt.runtime.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const plain = createDocumentClient({ endpoint: rt.runtime.endpoint });
  const meter = AwsUnitsMeter.attach(rt.runtime.db.doc, plain);
  const table = await raw.send(new DescribeTableCommand({ TableName: rt.runtime.tableName }));
  const tap = await StreamTap.open(rt.runtime.endpoint, table.Table?.LatestStreamArn as string);
  const consumers = rt.runtime.jobs.consumers;
  const readers = streamReaders(consumers.map((c) => c.name)).map((r) => ({
    name: r.name,
    consumers: r.consumers.map((n) => consumers.find((c) => c.name === n) as StreamConsumer),
  }));
  let consumerErrors = 0;

  /**
   * Hands the stream's new records to each reader's consumers, as the two stream Lambdas would,
   * until the consumers' own writes leave nothing new (at most five generations).
   */
  async function settle(): Promise<StreamWork> {
    const work: StreamWork = { records: 0, partitions: 0, storedBytes: 0, readers: {} };
    const pks = new Set<string>();
    for (const r of readers) work.readers[r.name] = { batches: 0, units: noUnits(), ms: 0, failures: 0 };
    for (let generation = 0; generation < 5; generation++) {
      const records: DynamoDBRecord[] = await tap.read();
      if (!records.length) break;
      work.records += records.length;
      const changes = records.map(toChange);
      work.storedBytes += storedBytes(changes);
      for (const c of changes) pks.add(String((c.newImage ?? c.oldImage)?.pk ?? ''));
      for (const reader of readers) {
        const w = work.readers[reader.name] as ReaderWork;
        const done = await meter.during(() =>
          processWithConsumers(reader.consumers, records, () => {
            consumerErrors++;
          }),
        );
        w.batches++;
        w.units = addUnits(w.units, done.units);
        w.ms += done.ms;
        w.failures += done.result.outcomes.filter((o) => o.failedAt >= 0).length;
      }
    }
    work.partitions = pks.size;
    return work;
  }

  try {
    const s = await rt.scenario();
    await settle();
    const readerNames = readers.map((r) => r.name);

    /** One request of a route on fresh resources from its recipe (the recipe's work is not metered). */
    async function measure(route: ApiRoute, recipe: Recipe) {
      const rc = await recipe.build(s);
      const token = await tokenOf(s, recipe, rc);
      await settle(); // the recipe's own setup reaches the consumers first, unmetered
      return meter.during(() => send(s, route, rc, token));
    }

    // 1. Every route, REPS times, each on fresh resources made by its recipe (not metered).
    const routeRows: (string | number)[][] = [];
    const problems: string[] = [];
    const routes = Object.values(rt.doc.routes).sort(
      (x: ApiRoute, y: ApiRoute) => x.path.localeCompare(y.path) || x.method.localeCompare(y.method),
    );
    for (const route of routes) {
      // The scenario runtime's own Meter (fuzz and route-cost checks) would keep every call of the run.
      rt.meter.reset();
      const recipe = RECIPES[route.key];
      if (!recipe) {
        problems.push(`${route.key}: no recipe`);
        continue;
      }
      const samples: { units: Units; ms: number; stream: StreamWork }[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        try {
          const done = await measure(route, recipe);
          if (done.result.status !== recipe.status) {
            problems.push(`${route.key}: answered ${done.result.status} (${done.result.text.slice(0, 120)})`);
            await settle();
            continue;
          }
          samples.push({ units: done.units, ms: done.ms, stream: await settle() });
        } catch (err) {
          problems.push(`${route.key}: ${(err as Error).message.slice(0, 160)}`);
        }
      }
      if (!samples.length) continue;
      const m = (pick: (x: (typeof samples)[number]) => number) => median(samples.map(pick));
      routeRows.push([
        route.key,
        httpFunctionFor(route.path)?.fn ?? '—',
        m((x) => x.units.calls),
        f1(m((x) => x.units.rru)),
        f1(m((x) => x.units.wru)),
        f1(m((x) => x.units.conditionCheckWru)),
        f1(m((x) => x.units.localWru)),
        f0(m((x) => x.ms)),
        m((x) => x.stream.records),
        m((x) => x.stream.partitions),
        f0(m((x) => x.stream.storedBytes)),
        ...readerNames.flatMap((n) => [
          m((x) => x.stream.readers[n]?.batches ?? 0),
          f1(m((x) => x.stream.readers[n]?.units.rru ?? 0)),
          f1(m((x) => x.stream.readers[n]?.units.wru ?? 0)),
          f0(m((x) => x.stream.readers[n]?.ms ?? 0)),
        ]),
      ]);
    }

    // 1b. The reads again, now that the scenario has filled the partitions they page through (the
    // tenant's needs, the supplier's bids and inbox, the pavilion's slots): a fuller page costs more.
    const filled = new Map<string, { rru: number; ms: number }>();
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const recipe = RECIPES[route.key];
      if (!recipe) continue;
      try {
        const done = await measure(route, recipe);
        if (done.result.status === recipe.status) filled.set(route.key, { rru: done.units.rru, ms: done.ms });
      } catch {}
    }
    for (const row of routeRows) {
      const again = filled.get(String(row[0]));
      row.splice(8, 0, again ? f1(again.rru) : '', again ? f0(again.ms) : '');
    }

    // 2. Matching fan-out: a need published in a park where k suppliers' listings match it.
    const fanRows: (string | number)[][] = [];
    for (const [k, category] of [
      [1, '1311'],
      [10, '2220'],
    ] as const) {
      const { parkId, operator } = await rt.h.park();
      const approvedIn = { parkId, operatorToken: operator.token };
      const tenant = await rt.h.firm({ kinds: ['tenant'], approvedIn });
      for (let i = 0; i < k; i++) {
        const supplier = await rt.h.firm({ kinds: ['supplier'], approvedIn });
        await rt.h.must(201, 'POST', '/v1/listings', {
          token: supplier.token,
          body: { ...listingBody(), category, title: `Listing ${i} in ${category}` },
        });
      }
      const closesAt = new Date(rt.runtime.container.clock.now().getTime() + 3 * 86_400_000).toISOString();
      const created = await rt.h.must(201, 'POST', '/v1/needs', {
        token: tenant.token,
        body: { ...needBody(parkId, closesAt), category },
      });
      await settle();
      const published = await meter.during(() =>
        rt.h.must(200, 'POST', `/v1/needs/${created.body.needId}/publish`, { token: tenant.token }),
      );
      const stream = await settle();
      const matches = await rt.h.must(200, 'GET', `/v1/needs/${created.body.needId}/matches`, {
        token: tenant.token,
      });
      fanRows.push([
        k,
        (matches.body.items ?? []).length,
        f1(published.units.rru),
        f1(published.units.wru),
        stream.records,
        f0(stream.storedBytes),
        ...readerNames.flatMap((n) => [
          stream.readers[n]?.batches ?? 0,
          f1(stream.readers[n]?.units.rru ?? 0),
          f1(stream.readers[n]?.units.wru ?? 0),
          f0(stream.readers[n]?.ms ?? 0),
        ]),
      ]);
    }

    // 3. Scheduled jobs with nothing due, as most of their every-minute runs are.
    await settle();
    const jobRows: (string | number)[][] = [];
    for (const job of rt.runtime.jobs.schedules) {
      const runs: { units: Units; ms: number }[] = [];
      for (let i = 0; i < 7; i++) runs.push(await meter.during(() => job.run(rt.runtime.db.clock.now())));
      await settle();
      jobRows.push([job.name, ...medianUnits(runs)]);
    }

    // 4. The pre-token-generation trigger for a member user (the usual sign-in or refresh).
    const c = rt.runtime.container;
    const deps = { users: c.repos.users, orgs: c.repos.orgs, members: c.repos.members, clock: c.clock };
    const claims: { units: Units; ms: number }[] = [];
    for (let i = 0; i < 7; i++) {
      claims.push(
        await meter.during(() => tokenClaimsFor(deps, { sub: s.a.tenant.userId, email: s.a.tenant.email })),
      );
    }

    const streamColumns = readerNames.flatMap((n) => [`${n} batches`, `${n} RRU`, `${n} WRU`, `${n} ms`]);
    return [
      {
        title: `Per route (median of ${REPS} happy-path requests, fresh resources each): units as AWS bills them, handler time, what the stream sets off`,
        columns: [
          'route',
          'function',
          'calls',
          'RRU',
          'WRU',
          'of which ConditionCheck',
          'WRU (Local says)',
          'handler ms',
          'RRU filled',
          'ms filled',
          'stream records',
          'partitions',
          'bytes stored',
          ...streamColumns,
        ],
        rows: routeRows,
        notes: [
          "RRU: DynamoDB Local's ConsumedCapacity per read, raised to AWS's minimum (0.5 per eventually consistent call, 1 per",
          'consistent one, per key of a BatchGetItem). WRU: computed from each written item before and after (1 unit per KB',
          'for the table and for each GSI the item enters, stays in or leaves; ×2 in a transaction, ConditionChecks',
          'included), because DynamoDB Local under-reports transactions (its own figure is shown beside). handler ms: the',
          'request through the in-process Hono app (token check, validation, DynamoDB Local round trips), no Lambda/Powertools.',
          'RRU/ms filled: a GET once more at the end, when the partitions it pages through hold what the whole run made.',
          'stream records: what the request (and then its consumers) wrote to the stream; partitions: distinct partition',
          "keys among them; bytes stored: growth of the table and its GSI copies (items' size + 100 B each).",
          `Per reader: the batches (generations), units and time of its consumers (${readers.map((r) => `${r.name}: ${r.consumers.map((x) => x.name).join(', ')}`).join('; ')}).`,
          `Node ${process.version}, ${cpus().length} cores, load average at the end ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' / ')}: times are upper bounds of what the same code takes next to DynamoDB in AWS.`,
          ...(problems.length ? ['Not measured:', ...[...new Set(problems)].map((p) => `  ${p}`)] : []),
          ...(consumerErrors ? [`Consumer errors while measuring: ${consumerErrors}.`] : []),
        ],
      },
      {
        title:
          'Matching fan-out: publishing one need that k suppliers match (the publish request, then the stream)',
        columns: [
          'k suppliers',
          'matches',
          'publish RRU',
          'publish WRU',
          'stream records',
          'bytes stored',
          ...streamColumns,
        ],
        rows: fanRows,
        notes: [
          'Each supplier is approved in the park and has one national listing in the need’s ISIC class; nothing else',
          'is in that division. The marketplace reader runs matching (match, inbox row and notification per supplier).',
        ],
      },
      {
        title: 'Scheduled jobs, one run with nothing due (median of 7)',
        columns: ['job', 'calls', 'RRU', 'WRU', 'ms'],
        rows: jobRows,
      },
      {
        title: 'Cognito pre-token-generation trigger, a member signing in (median of 7)',
        columns: ['calls', 'RRU', 'WRU', 'ms'],
        rows: [medianUnits(claims)],
      },
    ];
  } finally {
    tap.close();
    raw.destroy();
    plain.destroy();
    await rt.stop();
  }
}

const bench: Bench = { name: 'unit costs: request units, handler time and stream work per call', run };
export default bench;
