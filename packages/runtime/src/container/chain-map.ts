import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import {
  DynamoChainMapContributions,
  DynamoChainMapReader,
  DynamoChainMapSources,
} from '@parkbridge/db/chain-map';
import { ChainMapRebuild, ChainMapService, ChainMapUpdater } from '@parkbridge/domain/chain-map';
import type { CoreContext } from './core';

/**
 * The chain-map context: the park operator's production-chain map, its aggregates (kept by the
 * `chain-map` stream consumer through `updater`), and the rebuild that recomputes them from records.
 */
export function createChainMapContext(db: Db, _rules: Rules, core: CoreContext) {
  const repos = {
    reader: new DynamoChainMapReader(db),
    contributions: new DynamoChainMapContributions(db),
    sources: new DynamoChainMapSources(db),
  };
  return {
    repos,
    maps: new ChainMapService(repos.reader, core.parks, db.clock),
    updater: new ChainMapUpdater(repos.contributions, repos.sources, db.clock),
    rebuild: new ChainMapRebuild(repos.contributions, repos.sources, db.clock),
  };
}
