import { expectedStatus, type MatrixEntry } from '../authorization-matrix';
import type { CallResult } from './harness';
import type { ApiRoute } from './openapi';
import type { Recipe } from './routes';
import { CALLERS, type CallerName, type Scenario } from './scenario';
import { send } from './send';

const succeeds = (status: number) => status >= 200 && status < 300;

/**
 * Sends a route's happy-path request as every caller. A read is built once and sent by all;
 * a change is built once for the callers that must be refused (sent one after another, so a
 * wrongly accepted one cannot race the rest), and afresh for each caller that must succeed.
 */
export async function runMatrixRow(
  s: Scenario,
  route: ApiRoute,
  recipe: Recipe,
  entry: MatrixEntry,
): Promise<Record<CallerName, CallResult>> {
  const observed = {} as Record<CallerName, CallResult>;
  const first = await recipe.build(s);
  if (!route.mutates) {
    await Promise.all(
      CALLERS.map(async (c) => {
        observed[c] = await send(s, route, first, await s.tokenFor(c));
      }),
    );
    return observed;
  }
  const refused = CALLERS.filter((c) => !succeeds(expectedStatus(entry, c)));
  const admitted = CALLERS.filter((c) => succeeds(expectedStatus(entry, c)));
  for (const c of refused) observed[c] = await send(s, route, first, await s.tokenFor(c));
  let unused = true;
  for (const c of admitted) {
    const rc = unused ? first : await recipe.build(s);
    unused = false;
    observed[c] = await send(s, route, rc, await s.tokenFor(c));
  }
  return observed;
}
