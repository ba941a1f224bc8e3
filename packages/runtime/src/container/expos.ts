import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import type { CoreContext } from './core';

/** The expos context's repositories and services. Filled in by the expos work. */
export function createExposContext(_db: Db, _rules: Rules, _core: CoreContext) {
  return {};
}
