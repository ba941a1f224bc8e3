import { ALL_ROUTE_GROUPS, type RouteGroup } from '@parkbridge/api';

/**
 * The route groups a function serves, from its comma-separated env value. Unset: all of them (a
 * single-function deployment). An unknown name fails the cold start: it is a deploy mistake.
 */
export function parseRouteGroups(raw: string | undefined): RouteGroup[] {
  if (!raw?.trim()) return [...ALL_ROUTE_GROUPS];
  const names = raw.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !(ALL_ROUTE_GROUPS as string[]).includes(n));
  if (unknown.length) {
    throw new Error(`Unknown route group(s): ${unknown.join(', ')}. Known: ${ALL_ROUTE_GROUPS.join(', ')}.`);
  }
  return names as RouteGroup[];
}
