import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentedApi } from '../security/support/documented-routes';
import { type ScenarioRuntime, startScenarioRuntime } from '../security/support/runtime';
import { BUDGETS, limitsOf, overruns } from './budgets';
import { traceCalls } from './support/metering';
import { measureRouteCosts, type RouteCost } from './support/route-costs';

// The routes are named at collection time from the app's own OpenAPI document, so a route that
// lands later gets its own test (and fails it until it is classified in budgets.ts).
const documented = await documentedApi();
const routes = Object.values(documented.routes);

let rt: ScenarioRuntime;
const costs = new Map<string, RouteCost>();

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  for (const row of await measureRouteCosts(rt, await rt.scenario())) costs.set(row.key, row);
}, 240_000);
afterAll(() => rt?.stop());

describe('the per-route DynamoDB budget', () => {
  it('classifies every route of the OpenAPI document in tests/perf/budgets.ts', () => {
    expect(routes.filter((r) => !BUDGETS[r.key]).map((r) => r.key)).toEqual([]);
  });

  it('checks the caller’s membership once per request whose token names an organisation, never otherwise', () => {
    const wrong = [...costs.values()]
      // The local dev login reads the role for the token it issues: its own read, not the check.
      .filter((c) => BUDGETS[c.key]?.kind !== 'local')
      .filter((c) => !c.problem && c.membershipChecks.length !== (c.callerHasOrg ? 1 : 0))
      .map((c) => `${c.key}: ${c.membershipChecks.length} checks, organisation ${c.callerHasOrg}`);
    expect(wrong).toEqual([]);
    const checks = [...costs.values()].flatMap((c) => c.membershipChecks);
    expect(checks.length).toBeGreaterThan(50);
    // One strongly consistent read of an item under 4 KB: one read capacity unit.
    expect(new Set(checks.map((c) => c.capacity))).toEqual(new Set([1]));
  });

  it('never lets any route issue a Scan', () => {
    const scans = rt.meter.calls.filter((c) => c.command === 'Scan');
    expect(scans).toEqual([]);
  });

  it.each(routes.map((r) => [r.key] as const))('%s stays within its budget on its happy path', (key) => {
    const budget = BUDGETS[key];
    expect(budget, `${key} has no entry in tests/perf/budgets.ts`).toBeDefined();
    const cost = costs.get(key);
    expect(cost?.problem, `${key} did not run its happy path`).toBeUndefined();
    const measured = { calls: cost!.calls.length, writes: cost!.writes };
    const trace = traceCalls(cost!.calls);
    expect(
      cost!.calls.filter((c) => c.command === 'Scan'),
      trace,
    ).toEqual([]);
    const { limits, source } = limitsOf(budget!);
    expect(overruns(limits, measured), `${key}: ${trace}`).toEqual([]);
    if (source === 'open') {
      // The finding holds the route to today's cost; once the route meets its kind's budget the
      // finding is stale and must be removed from budgets.ts.
      const fixed = overruns(limitsOf({ kind: budget!.kind }).limits, measured).length === 0;
      expect(fixed, `${key} is within its budget now: remove its open finding (${trace})`).toBe(false);
    }
  });
});
