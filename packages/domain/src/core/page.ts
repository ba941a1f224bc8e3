import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `cursor` is opaque to the domain: the persistence layer signs and checks it. */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(2048).optional(),
});

export const mapPage = <A, B>(page: Page<A>, f: (a: A) => B): Page<B> => ({
  items: page.items.map(f),
  nextCursor: page.nextCursor,
});
