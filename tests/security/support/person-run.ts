import type { CallResult } from './harness';
import type { ApiRoute } from './openapi';
import type { Recipe } from './routes';
import type { PersonCaller, Scenario } from './scenario';
import { send } from './send';

const succeeds = (status: number) => status >= 200 && status < 300;

/**
 * Sends a route's happy-path request as each person caller, as the matrix does its callers: a
 * read built once for all; a change built once for those who must be refused (one after another),
 * and afresh for each who must succeed.
 */
export async function runPersonRow(
  s: Scenario,
  route: ApiRoute,
  recipe: Recipe,
  expected: Record<PersonCaller, number>,
): Promise<Record<PersonCaller, CallResult>> {
  const callers = Object.keys(expected) as PersonCaller[];
  const observed = {} as Record<PersonCaller, CallResult>;
  const first = await recipe.build(s);
  const sendAs = async (c: PersonCaller, rc: typeof first) => {
    observed[c] = await send(s, route, rc, await s.personToken(c));
  };
  if (!route.mutates) {
    await Promise.all(callers.map((c) => sendAs(c, first)));
    return observed;
  }
  for (const c of callers.filter((c) => !succeeds(expected[c]))) await sendAs(c, first);
  for (const c of callers.filter((c) => succeeds(expected[c]))) await sendAs(c, await recipe.build(s));
  return observed;
}
