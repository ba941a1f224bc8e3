// `npm run perf:doc`: measures and writes docs/performance.md (the per-route DynamoDB cost table,
// bundle sizes, cold starts, load) and renders the authorisation matrix into docs/security.md.
// `--quick` skips the cold-start and load runs (about two minutes each).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, LIMITS, limitsOf, overruns } from '../../tests/perf/budgets';
import { BUNDLE_BUDGET_BYTES, OPEN_BUNDLE_FINDINGS } from '../../tests/perf/bundle-budget';
import { traceCalls } from '../../tests/perf/support/metering';
import { measureRouteCosts, type RouteCost } from '../../tests/perf/support/route-costs';
import { withMatrix } from '../../tests/security/support/matrix-doc';
import { withPersonRoles } from '../../tests/security/support/person-roles-doc';
import { startScenarioRuntime } from '../../tests/security/support/runtime';
import type { BenchTable } from '../run';
import { measureColdStarts, median } from './cold-start';
import { bundleTable, coldStartTable } from './cold-start-tables';
import { kb, REPO } from './lambda-bundles';
import { runLoad } from './load';

const COMMAND = 'npm run perf:doc';

export function markdownTable(t: BenchTable): string {
  const esc = (c: string | number) => String(c).replaceAll('|', '\\|');
  return [
    `| ${t.columns.map(esc).join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ...(t.notes?.length ? ['', ...t.notes] : []),
  ].join('\n');
}

function verdict(cost: RouteCost): string {
  const budget = BUDGETS[cost.key];
  if (!budget) return 'UNCLASSIFIED';
  if (cost.problem) return `not measured: ${cost.problem.slice(0, 80)}`;
  const measured = { calls: cost.calls.length, writes: cost.writes };
  const overKind = overruns(LIMITS[budget.kind], measured);
  if (!overKind.length) return 'within';
  const { source } = limitsOf(budget);
  if (source === 'open') return `**OVER** (open finding): ${overKind.join(', ')}`;
  if (source === 'exception') return `exception: ${budget.exception?.reason}`;
  return `**OVER**: ${overKind.join(', ')}`;
}

const LIMIT_TEXT = {
  read: '≤ 1 round trip',
  list: '≤ 2 round trips',
  change: '1 write',
  local: '—',
} as const;

function costTable(costs: RouteCost[]): BenchTable {
  return {
    title: 'Per-route cost',
    columns: [
      'route',
      'kind (budget)',
      'round trips',
      'DynamoDB calls, in order',
      'RCU+WCU',
      'with Idempotency-Key',
      'verdict',
    ],
    rows: costs.map((c) => {
      const kind = BUDGETS[c.key]?.kind;
      return [
        `\`${c.key}\``,
        kind ? `${kind} (${LIMIT_TEXT[kind]})` : '—',
        c.calls.length,
        traceCalls(c.calls),
        c.capacity.toFixed(1),
        c.withKey ? `+${c.withKey.length - c.calls.length} (${extraCalls(c)})` : '',
        verdict(c),
      ];
    }),
  };
}

function extraCalls(c: RouteCost): string {
  const base = new Map<string, number>();
  for (const x of c.calls) base.set(x.command, (base.get(x.command) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of c.withKey ?? []) {
    const left = base.get(x.command) ?? 0;
    if (left > 0) base.set(x.command, left - 1);
    else extra.push(x.command);
  }
  return extra.join(' + ') || 'none';
}

function worst(costs: RouteCost[]): BenchTable {
  const ranked = [...costs]
    .filter((c) => !c.problem)
    .sort((a, b) => b.calls.length - a.calls.length || b.capacity - a.capacity)
    .slice(0, 12);
  return {
    title: 'Worst routes',
    columns: ['route', 'round trips', 'reads', 'writes', 'RCU+WCU', 'verdict'],
    rows: ranked.map((c) => [
      `\`${c.key}\``,
      c.calls.length,
      c.reads,
      c.writes,
      c.capacity.toFixed(1),
      verdict(c),
    ]),
  };
}

function findings(): string {
  const routes = Object.entries(BUDGETS)
    .filter(([, b]) => b.open)
    .map(([k, b]) => `- \`${k}\` (${b.kind}): ${b.open!.finding}`);
  const bundles = Object.entries(OPEN_BUNDLE_FINDINGS).map(
    ([entry, f]) =>
      `- \`${entry}\` over ${kb(BUNDLE_BUDGET_BYTES)}: ${f.finding} Ceiling while open: ${kb(f.ceilingBytes)}.`,
  );
  return [
    'Held by the tests to what they cost today (they may not get worse) until their owners fix them; a fixed one fails its test so its entry is removed.',
    '',
    '**Routes over their DynamoDB budget** (tests/perf/budgets.ts)',
    '',
    ...(routes.length ? routes : ['None.']),
    '',
    '**Bundles over 400 KB** (tests/perf/bundle-budget.ts)',
    '',
    ...bundles,
  ].join('\n');
}

async function main() {
  const quick = process.argv.includes('--quick');
  const rt = await startScenarioRuntime();
  let costs: RouteCost[];
  try {
    costs = await measureRouteCosts(rt, await rt.scenario());
  } finally {
    await rt.stop();
  }
  const cold = quick ? null : await measureColdStarts({ runs: Number(process.env.COLD_START_RUNS ?? 15) });
  const load = quick ? null : await runLoad();
  const coldText = cold ? coldSummary(cold) : '_Not measured in this run (`--quick`)._';

  const doc = `# Performance

> Generated by \`${COMMAND}\` — do not edit by hand. Measured ${new Date().toISOString().slice(0, 16)}Z on Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (a shared 2-core machine: compare rows with each other, not with production).

What a serverless request costs is decided by two numbers: how many DynamoDB round trips (and
capacity units) it spends, and how long its Lambda takes to start. Both are measured here on every
route of the live OpenAPI document and kept from regressing by tests:

| what | budget | test |
|---|---|---|
| read of one entity | ≤ 1 DynamoDB round trip | \`tests/perf/route-costs.test.ts\` (one test per route) |
| a list (or a view computed from one) | ≤ 2 round trips | same |
| a state change | exactly 1 write round trip (one TransactWriteItems or one conditional write) | same |
| any route | never a Scan | same, and every fuzz case (\`tests/security/fuzz.test.ts\`) |
| a Lambda bundle that uses DynamoDB | < 400 KB minified | \`tests/infra/bundles.test.ts\` |
| cold start (import + first answer) | < 100 ms median; well ahead of Express | \`npm run bench -- cold-start\` (timings are not tests) |

Routes are classified in \`tests/perf/budgets.ts\`; a route of the OpenAPI document without an entry
fails the suite, so nobody adds a route without deciding what it may cost. Costs are measured on
each route's happy path (recipes in \`tests/security/support/routes.ts\`, resources made through the
API by \`tests/security/support/scenario.ts\`) against DynamoDB Local with ReturnConsumedCapacity,
by a middleware on the document client (\`tests/perf/support/metering.ts\`); the setup of a request
is not counted. Creating calls are measured without an Idempotency-Key; the column beside shows
what the key adds (its claim and its stored response).

Beside its own calls, every request whose token names an organisation first checks the person's
membership: one strongly consistent GetItem of their role (1 read capacity unit, one round trip
before the route runs; docs/architecture.md, "Who is calling"). It is the same for every route, so
the figures below leave it out and \`tests/perf/route-costs.test.ts\` counts it apart: exactly one
per such request, none for a user without an organisation.

## ${worst(costs).title}

${markdownTable(worst(costs))}

## Open findings

${findings()}

## Cold start and bundles

${coldText}

## Load

${load ? markdownTable(load) : '_Not measured in this run (`--quick`)._'}

\`npm run bench -- load\` prints the same table.

## ${costTable(costs).title}

${markdownTable(costTable(costs))}

Capacity units are DynamoDB Local's ConsumedCapacity (read and write units summed; transactions
count double). Entities are named by the first word of their partition key (NEED, PARK, ORG…);
\`(gsiN)\` is the index a Query used.
`;
  writeFileSync(join(REPO, 'docs/performance.md'), doc);
  const securityPath = join(REPO, 'docs/security.md');
  writeFileSync(securityPath, withPersonRoles(withMatrix(readFileSync(securityPath, 'utf8'))));
  console.log(`wrote docs/performance.md (${costs.length} routes) and the matrix in docs/security.md`);
}

function coldSummary(cold: Awaited<ReturnType<typeof measureColdStarts>>): string {
  const row = (prefix: string) => cold.results.find((r) => r.target.name.startsWith(prefix));
  const at = (prefix: string) => {
    const r = row(prefix);
    return r ? `${median(r.runs).toFixed(0)} ms` : '?';
  };
  const express = row('Express');
  const core = cold.results.find((r) => r.target.name === 'Parkbridge core');
  const ratio = express && core ? median(core.runs) / median(express.runs) : Number.NaN;
  const floor = row('Floor: @hono/zod-openapi');
  const meets = floor && floor.target.bundle.bytes <= BUNDLE_BUDGET_BYTES && median(floor.runs) < 100;
  return [
    markdownTable(bundleTable(cold)),
    '',
    markdownTable(coldStartTable(cold)),
    '',
    `**The floors** are builds that do nothing but that one GetItem. One @hono/zod-openapi route (the least the required stack loads) takes ${at('Floor: @hono/zod-openapi')} and bundles to ${floor ? kb(floor.target.bundle.bytes) : '?'}; plain Hono without zod ${at('Floor: Hono')}; Express without zod ${at('Floor: Express')}. Node's fetch classes, which hono/aws-lambda needs for its first request and Express never loads, take ${at("Node's fetch")} on their own. ${meets ? "The stack's floor meets the 400 KB and 100 ms budgets on this machine" : "On this machine the stack's floor itself misses the 400 KB or 100 ms budget, so no build on Parkbridge's stack can meet them"}; what Parkbridge adds over its floor is its routes, domain and Powertools (compare the "no Powertools/middy" row).`,
    '',
    `Parkbridge core answers its first event in ${core ? median(core.runs).toFixed(0) : '?'} ms median against Express's ${express ? median(express.runs).toFixed(0) : '?'} ms: **${ratio.toFixed(2)}× Express** (below 1 would be ahead). Parkbridge's bundles are built as infra builds them (\`infra/bundling/lambda-bundle.ts\`), the Express one with esbuild's usual options; each run is a fresh \`node\` process importing the bundle and handing its handler one API Gateway v2 event, against DynamoDB Local (\`bench/support/cold-start-runner.mjs\`). \`npm run bench -- cold-start\` prints the same tables.`,
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
