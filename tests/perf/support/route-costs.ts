import type { ApiRoute, RouteKey } from '../../security/support/openapi';
import { RECIPES, type Recipe, type RouteCase } from '../../security/support/routes';
import type { ScenarioRuntime } from '../../security/support/runtime';
import type { Scenario } from '../../security/support/scenario';
import { send } from '../../security/support/send';
import { describeCalls, isWrite, type MeteredCall } from './metering';

/** What one happy-path request of a route cost. */
export interface RouteCost {
  key: RouteKey;
  route: ApiRoute;
  status: number;
  expectedStatus: number;
  calls: MeteredCall[];
  reads: number;
  writes: number;
  capacity: number;
  /** The calls of the same request sent with an Idempotency-Key (creating routes only). */
  withKey?: MeteredCall[];
  /** Why the route could not be measured (no recipe, a setup failure). */
  problem?: string;
}

export async function tokenOf(s: Scenario, recipe: Recipe, rc: RouteCase): Promise<string | undefined> {
  if (recipe.as === 'fresh') {
    if (!rc.token) throw new Error('a "fresh" recipe must return its token');
    return rc.token;
  }
  return s.token(recipe.as);
}

/**
 * Runs every route of the OpenAPI document once on its happy path, one request at a time, and
 * keeps the DynamoDB calls each one made (the recipe's setup is not counted).
 */
export async function measureRouteCosts(rt: ScenarioRuntime, s: Scenario): Promise<RouteCost[]> {
  const rows: RouteCost[] = [];
  for (const route of Object.values(rt.doc.routes).sort(byPath)) {
    const recipe = RECIPES[route.key];
    const base = { key: route.key, route, calls: [], reads: 0, writes: 0, capacity: 0 };
    if (!recipe) {
      rows.push({
        ...base,
        status: 0,
        expectedStatus: 0,
        problem: 'no recipe in tests/security/support/routes.ts',
      });
      continue;
    }
    try {
      const rc = await recipe.build(s);
      const token = await tokenOf(s, recipe, rc);
      const { result, calls } = await rt.meter.during(() => send(s, route, rc, token));
      const row: RouteCost = {
        ...base,
        status: result.status,
        expectedStatus: recipe.status,
        calls,
        reads: calls.filter((c) => !isWrite(c)).length,
        writes: calls.filter(isWrite).length,
        capacity: calls.reduce((sum, c) => sum + c.capacity, 0),
      };
      if (result.status !== recipe.status)
        row.problem = `answered ${result.status}: ${result.text.slice(0, 300)}`;
      if (route.creates) {
        const again = await recipe.build(s);
        const keyed = {
          ...again,
          headers: { ...again.headers, 'idempotency-key': `cost-${rows.length}-${Date.now()}` },
        };
        const t = await tokenOf(s, recipe, again);
        row.withKey = (await rt.meter.during(() => send(s, route, keyed, t))).calls;
      }
      rows.push(row);
    } catch (err) {
      rows.push({
        ...base,
        status: 0,
        expectedStatus: recipe.status,
        problem: `setup failed: ${(err as Error).message}`,
      });
    }
  }
  return rows;
}

const byPath = (x: ApiRoute, y: ApiRoute) => x.path.localeCompare(y.path) || x.method.localeCompare(y.method);

export const summary = (calls: MeteredCall[]) => describeCalls(calls);
