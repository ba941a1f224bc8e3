import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import {
  DynamoPublicParkReader,
  DynamoSupplierDirectory,
  DynamoSupplierSources,
} from '@parkbridge/db/discovery';
import { DynamoReputationRepository } from '@parkbridge/db/reputation';
import { PublicParkService, SupplierDirectory } from '@parkbridge/domain/discovery';
import type { CoreContext } from './core';

/**
 * Finding things: the public park pages (no token) and the supplier directory. It writes nothing
 * but the directory's own entries; everything else it reads through the other contexts' keys.
 */
export function createDiscoveryContext(db: Db, _rules: Rules, _core: CoreContext) {
  return {
    publicParks: new PublicParkService(new DynamoPublicParkReader(db), db.clock),
    suppliers: new SupplierDirectory({
      sources: new DynamoSupplierSources(db),
      directory: new DynamoSupplierDirectory(db),
      reputation: new DynamoReputationRepository(db),
      clock: db.clock,
    }),
  };
}
