import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { MATRIX } from './authorization-matrix';
import { documentedApi } from './support/documented-routes';
import { runMatrixRow } from './support/matrix-run';
import { expectedForVariant } from './support/order-variants';
import { RECIPES } from './support/routes';
import { type ScenarioRuntime, startScenarioRuntime } from './support/runtime';
import { CALLERS, type CallerName, type Scenario } from './support/scenario';

// One test per route of the app's own OpenAPI document: a route that lands later is run here
// (and fails until tests/security/authorization-matrix.ts has its row).
const documented = await documentedApi();
const routes = Object.values(documented.routes);

let rt: ScenarioRuntime;
let s: Scenario;

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  s = await rt.scenario();
}, 120_000);
afterAll(() => rt?.stop());

describe.concurrent('the authorisation matrix', () => {
  it.for(routes.map((r) => [r.key, r] as const))(
    '%s answers every caller as the matrix says',
    async ([key, route], { expect }) => {
      const entry = MATRIX[key];
      const recipe = RECIPES[key];
      expect(entry, `${key} has no row in tests/security/authorization-matrix.ts`).toBeDefined();
      expect(recipe, `${key} has no recipe in tests/security/support/routes.ts`).toBeDefined();
      const { observed, variants } = await runMatrixRow(s, rt.doc.routes[key] ?? route, recipe!, entry!);
      const got = Object.fromEntries(CALLERS.map((c) => [c, observed[c].status])) as Record<
        CallerName,
        number
      >;
      const want = Object.fromEntries(CALLERS.map((c, i) => [c, entry!.expect[i]])) as Record<
        CallerName,
        number
      >;
      const codes = CALLERS.map((c) => `${c}: ${observed[c].status} ${observed[c].body?.code ?? ''}`).join(
        ', ',
      );
      expect(got, `${key} — ${codes}`).toEqual(want);
      for (const c of CALLERS) {
        const res = observed[c];
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), `${key} as ${c}`).toMatch(/^application\/problem\+json/);
          expect(res.body, `${key} as ${c}`).toMatchObject({ status: res.status, title: expect.any(String) });
        }
      }
      // The order of checks: the same request with a bad body, a malformed If-Match or a bad
      // query is refused by the earliest check each caller fails (order-variants.ts).
      const misordered = variants.flatMap(({ caller, variant, result }) => {
        const happy = { status: want[caller], code: observed[caller].body?.code };
        const expected = expectedForVariant(variant, route, happy);
        return result.status === expected
          ? []
          : [`${caller} with ${variant.name}: ${result.status} ${result.body?.code ?? ''}, not ${expected}`];
      });
      expect(misordered.join('; '), `${key}: the order of checks`).toBe('');
    },
  );
});
