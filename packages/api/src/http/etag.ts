import { staleVersion, versionFromEtag } from '@parkbridge/domain/core';
import type { Context } from 'hono';

/** The version the client read, from If-Match; undefined when absent. A malformed tag is stale. */
export function expectedVersion(c: Context): number | undefined {
  const v = versionFromEtag(c.req.header('if-match'));
  if (v === -1) throw staleVersion();
  return v;
}
