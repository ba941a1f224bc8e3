import { decodeJwt } from 'jose';
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
  /** The route's own calls: every call but the membership check. */
  calls: MeteredCall[];
  /** The membership checks the request made (one for a caller with an organisation, else none). */
  membershipChecks: MeteredCall[];
  /** Whether the request's token named an organisation. */
  callerHasOrg: boolean;
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
    const base = {
      key: route.key,
      route,
      calls: [],
      membershipChecks: [],
      callerHasOrg: false,
      reads: 0,
      writes: 0,
      capacity: 0,
    };
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
      const { result, calls: all } = await rt.meter.during(() => send(s, route, rc, token));
      const calls = all.filter((c) => !c.membershipCheck);
      const row: RouteCost = {
        ...base,
        status: result.status,
        expectedStatus: recipe.status,
        calls,
        membershipChecks: all.filter((c) => c.membershipCheck),
        callerHasOrg: !!token && typeof decodeJwt(token).org === 'string',
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
        row.withKey = (await rt.meter.during(() => send(s, route, keyed, t))).calls.filter(
          (c) => !c.membershipCheck,
        );
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
