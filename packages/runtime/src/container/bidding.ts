import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import type { CoreContext } from './core';

/** The bidding context's repositories and services. Filled in by the bidding work. */
export function createBiddingContext(_db: Db, _rules: Rules, _core: CoreContext) {
  return {};
}
