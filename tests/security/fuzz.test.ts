import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tokenOf } from '../perf/support/route-costs';
import { documentedApi } from './support/documented-routes';
import { caseArbitrary } from './support/fuzz/cases';
import { checkCase } from './support/fuzz/check';
import { fuzzSettings, seedFor } from './support/fuzz/settings';
import { RECIPES } from './support/routes';
import { type ScenarioRuntime, startScenarioRuntime } from './support/runtime';
import type { Scenario } from './support/scenario';

// Every route of the app's own OpenAPI document is fuzzed: mutating routes with FUZZ_RUNS cases
// (200 in `npm test`, 5,000 in `npm run fuzz`), reads with FUZZ_READ_RUNS, from a fixed seed
// unless FUZZ_SEED says otherwise. A failure prints the seed, the path and the case to replay.
const settings = fuzzSettings(process.env);
const documented = await documentedApi();
const routes = Object.values(documented.routes);

let rt: ScenarioRuntime;
let s: Scenario;
let foreignIds: string[];
const summary: string[] = [];

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  s = await rt.scenario();
  foreignIds = [
    s.b.parkId,
    s.b.tenant.orgId,
    s.b.supplier.orgId,
    s.b.operator.orgId,
    s.a.parkId,
    s.a.tenant.orgId,
  ];
}, 120_000);
afterAll(async () => {
  if (settings.verbose) console.log(`fuzz seed ${settings.seed}\n${summary.sort().join('\n')}`);
  await rt?.stop();
});

describe.concurrent(`fuzzing every route (seed ${settings.seed})`, () => {
  it.for(routes.map((r) => [r.key, r.mutates ? settings.runs : settings.readRuns] as const))(
    '%s survives %i hostile and generated requests',
    { timeout: settings.timeoutMs },
    async ([key, runs], { expect }) => {
      const recipe = RECIPES[key];
      expect(recipe, `${key} has no recipe in tests/security/support/routes.ts`).toBeDefined();
      const route = rt.doc.routes[key] ?? documented.routes[key]!;
      const base = await recipe!.build(s);
      const token = await tokenOf(s, recipe!, base);
      // The cases are drawn up front from the route's seed (the same every run), then sent a few
      // at a time: DynamoDB Local answers slowly but in parallel.
      const cases = fc.sample(caseArbitrary({ route, doc: rt.doc, base, token, foreignIds }), {
        numRuns: runs,
        seed: seedFor(settings.seed, key),
      });
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      await inBatches(cases, settings.parallel, async (c, i) => {
        const outcome = await checkCase(rt.runtime.app, rt.meter, route.method, c);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (outcome.failures.length) {
          failures.push(
            `case ${i} [${c.kind}] ${route.method} ${c.url}\n    ${outcome.failures.join('\n    ')}\n    body: ${c.body?.slice(0, 500)}`,
          );
        }
      });
      rt.meter.reset();
      summary.push(
        `${key.padEnd(56)} ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([st, n]) => `${st}×${n}`)
          .join(' ')}`,
      );
      expect(
        failures.slice(0, 5),
        `${key}: ${failures.length} of ${runs} cases failed (seed ${settings.seed})`,
      ).toEqual([]);
    },
  );
});

describe('after fuzzing', () => {
  it('logged no unhandled error (every 5xx is logged by the app)', () => {
    const logged = rt.errors.map((e: any) => String(e?.err ?? e).split('\n')[0]);
    expect(logged).toEqual([]);
  });
});

async function inBatches<T>(items: T[], size: number, run: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)));
  }
}
