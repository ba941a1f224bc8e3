import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import type { CoreContext } from './core';

/** The market context's repositories and services. Filled in by the market work. */
export function createMarketContext(_db: Db, _rules: Rules, _core: CoreContext) {
  return {};
}
