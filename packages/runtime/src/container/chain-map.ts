import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import type { CoreContext } from './core';

/** The chain-map context's repositories and services. Filled in by the chain-map work. */
export function createChainMapContext(_db: Db, _rules: Rules, _core: CoreContext) {
  return {};
}
