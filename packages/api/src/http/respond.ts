import type { Page, Versioned } from '@parkbridge/domain/core';
import { etagOf, publicView } from '@parkbridge/domain/core';
import type { Context } from 'hono';

/** A versioned entity as clients see it: the ETag to send back in If-Match, and no audit head. */
export function withEtag<T extends Versioned>(c: Context, entity: T): Omit<T, 'auditHash'> {
  c.header('ETag', etagOf(entity));
  return publicView(entity);
}

/** A page of stored entities as clients see it. */
export const publicPage = <T extends object>(page: Page<T>) => ({
  items: page.items.map(publicView),
  nextCursor: page.nextCursor,
});
