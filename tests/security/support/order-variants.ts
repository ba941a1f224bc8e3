import type { ApiRoute } from './openapi';
import type { RouteCase } from './routes';

/**
 * The contract's order of checks, as variants of a route's happy-path request: the same request
 * with something wrong that a later check catches. Sent by every caller of the matrix, each must
 * be answered by the earliest check the caller fails: a caller refused with 401, 403 or 404 is
 * refused the same way whatever else is wrong; anyone else hears about the input (400) before
 * the If-Match (412), and about both before any business rule (409/422).
 */
export interface OrderVariant {
  name: 'bad body' | 'bad If-Match' | 'bad body and If-Match' | 'bad query';
  /** The status a caller who passes authentication, visibility and role must get. */
  later: 400 | 412;
  apply(rc: RouteCase): RouteCase;
}

/** An If-Match that is no ETag at all: malformed, so stale whatever the version. */
export const MALFORMED_IF_MATCH = '"not-an-etag"';

const takesIfMatch = (route: ApiRoute) =>
  route.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');

const withUnknownField = (rc: RouteCase): RouteCase => ({
  ...rc,
  body: { ...(rc.body as object), zzNotAField: true },
});
const withBadIfMatch = (rc: RouteCase): RouteCase => ({
  ...rc,
  headers: { ...rc.headers, 'if-match': MALFORMED_IF_MATCH },
});

/** The variants that apply to a route: only checks the route has can refuse. */
export function orderVariants(route: ApiRoute, base: RouteCase): OrderVariant[] {
  const variants: OrderVariant[] = [];
  const objectBody = route.body && (base.body === undefined || typeof base.body === 'object');
  if (objectBody) variants.push({ name: 'bad body', later: 400, apply: withUnknownField });
  if (takesIfMatch(route)) {
    variants.push({ name: 'bad If-Match', later: 412, apply: withBadIfMatch });
    if (objectBody) {
      variants.push({
        name: 'bad body and If-Match',
        later: 400,
        apply: (rc) => withBadIfMatch(withUnknownField(rc)),
      });
    }
  }
  if (!route.mutates && route.params.some((p) => p.in === 'query' && p.name === 'limit')) {
    variants.push({
      name: 'bad query',
      later: 400,
      apply: (rc) => ({ ...rc, query: { ...rc.query, limit: '0' } }),
    });
  }
  return variants;
}

/**
 * What a variant must answer a caller whose happy-path request got `happy`. A refusal decided by
 * the token (401, a role) stands whatever else is wrong, and so does a 404 or 403 about a thing
 * the path names. A thing named in the body (`POST /v1/expos { parkId }`) is input itself: the
 * body is read, and refused (400), before anything is known about it.
 */
export function expectedForVariant(
  variant: OrderVariant,
  route: ApiRoute,
  happy: { status: number; code?: string | undefined },
): number {
  const { status, code } = happy;
  if (status === 401 || (status === 403 && code?.startsWith('auth.'))) return status;
  const namedByPath = route.params.some((p) => p.in === 'path');
  if ((status === 403 || status === 404) && namedByPath) return status;
  return variant.later;
}
