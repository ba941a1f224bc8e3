import type { CallResult } from './harness';
import { type ApiRoute, fillPath } from './openapi';
import type { RouteCase } from './routes';
import type { Scenario } from './scenario';

/** The URL of a route case: its path with the parameters filled in, and its query string. */
export function urlOf(route: ApiRoute, rc: RouteCase): string {
  const path = fillPath(route.path, rc.params);
  const query = new URLSearchParams(rc.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Sends a route case as `token` (undefined: no Authorization header). */
export function send(
  s: Scenario,
  route: ApiRoute,
  rc: RouteCase,
  token: string | undefined,
): Promise<CallResult> {
  return s.h.call(route.method, urlOf(route, rc), {
    token,
    ...(rc.body !== undefined ? { body: rc.body } : {}),
    ...(rc.headers ? { headers: rc.headers } : {}),
  });
}
