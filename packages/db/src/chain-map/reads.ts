import { type Db, type IndexName, type Item, queryAll } from '../core';

/** Every item of one of the park's own partitions, page after page (the rebuild and bounded reads). */
export function queryEvery(db: Db, pk: string, skPrefix?: string, index?: IndexName): Promise<Item[]> {
  // No cap: the rebuild must see a park's whole partition, however large it has grown.
  return queryAll(db, { index, pk, skPrefix }, Number.POSITIVE_INFINITY);
}
