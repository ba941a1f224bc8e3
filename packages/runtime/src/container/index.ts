import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { createBiddingContext } from './bidding';
import { createChainMapContext } from './chain-map';
import { createCoreContext } from './core';
import { createExposContext } from './expos';
import { createMarketContext } from './market';

/**
 * Repositories and services wired once per process (per Lambda container): the composition every
 * entry point shares. Each bounded context builds its own part in its own file.
 */
export function createContainer(db: Db, rules: Rules) {
  const core = createCoreContext(db, rules);
  const market = createMarketContext(db, rules, core);
  const bidding = createBiddingContext(db, rules, core);
  const expos = createExposContext(db, rules, core);
  const chainMap = createChainMapContext(db, rules, core);
  return { ...core, market, bidding, expos, chainMap };
}

export type Container = ReturnType<typeof createContainer>;
