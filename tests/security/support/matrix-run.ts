import { expectedStatus, type MatrixEntry } from '../authorization-matrix';
import type { CallResult } from './harness';
import type { ApiRoute } from './openapi';
import { type OrderVariant, orderVariants } from './order-variants';
import type { Recipe, RouteCase } from './routes';
import { CALLERS, type CallerName, type Scenario } from './scenario';
import { send } from './send';

const succeeds = (status: number) => status >= 200 && status < 300;

/** One caller's answer to one order-of-checks variant of the route's request. */
export interface VariantResult {
  caller: CallerName;
  variant: OrderVariant;
  result: CallResult;
}

export interface MatrixRowResult {
  observed: Record<CallerName, CallResult>;
  variants: VariantResult[];
}

/**
 * Sends a route's happy-path request as every caller, each first with the order-of-checks
 * variants (order-variants.ts) of the very same request: a variant is refused, so it leaves the
 * state as the happy request finds it. A read is built once and sent by all; a change is built
 * once for the callers that must be refused (sent one after another, so a wrongly accepted one
 * cannot race the rest), and afresh for each caller that must succeed.
 */
export async function runMatrixRow(
  s: Scenario,
  route: ApiRoute,
  recipe: Recipe,
  entry: MatrixEntry,
): Promise<MatrixRowResult> {
  const observed = {} as Record<CallerName, CallResult>;
  const variants: VariantResult[] = [];
  const first = await recipe.build(s);
  const sendAs = async (c: CallerName, rc: RouteCase) => {
    const token = await s.tokenFor(c);
    for (const variant of orderVariants(route, rc)) {
      variants.push({ caller: c, variant, result: await send(s, route, variant.apply(rc), token) });
    }
    observed[c] = await send(s, route, rc, token);
  };
  if (!route.mutates) {
    await Promise.all(CALLERS.map((c) => sendAs(c, first)));
    return { observed, variants };
  }
  const refused = CALLERS.filter((c) => !succeeds(expectedStatus(entry, c)));
  const admitted = CALLERS.filter((c) => succeeds(expectedStatus(entry, c)));
  for (const c of refused) await sendAs(c, first);
  let unused = true;
  for (const c of admitted) {
    const rc = unused ? first : await recipe.build(s);
    unused = false;
    await sendAs(c, rc);
  }
  return { observed, variants };
}
