import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import type { FileServices } from '@parkbridge/domain/documents';
import { createBiddingContext } from './bidding';
import { createChainMapContext } from './chain-map';
import { type CoreContext, createCoreContext } from './core';
import { createDiscoveryContext } from './discovery';
import { createDocumentsContext } from './documents';
import { createExposContext } from './expos';
import { createMailContext } from './mail';
import { createMarketContext } from './market';

/** The builder of each bounded context beside core, as `container.<name>`. */
export const CONTEXT_BUILDERS = {
  market: createMarketContext,
  bidding: createBiddingContext,
  expos: createExposContext,
  chainMap: createChainMapContext,
  documents: createDocumentsContext,
  mail: createMailContext,
  discovery: createDiscoveryContext,
};

export type ContextName = keyof typeof CONTEXT_BUILDERS;
export type ContextBuilders = {
  [K in ContextName]: (db: Db, rules: Rules, core: CoreContext) => Contexts[K];
};
type Contexts = { [K in ContextName]: ReturnType<(typeof CONTEXT_BUILDERS)[K]> };

/**
 * Repositories and services wired once per process (per Lambda container): the composition every
 * entry point shares. Each bounded context builds its own part in its own file.
 */
export type Container = CoreContext & Contexts;

/** Every context: the local server, the tests, the jobs. */
export function createContainer(db: Db, rules: Rules, files?: FileServices): Container {
  return composeContainer(db, rules, CONTEXT_BUILDERS, files);
}

/**
 * Core plus only the contexts given. A Lambda function passes the builders it imports, so its
 * bundle carries no other context's code; reaching a context it did not compose is a wiring
 * mistake, reported by name rather than as `undefined`.
 */
export function composeContainer(
  db: Db,
  rules: Rules,
  builders: Partial<ContextBuilders>,
  files?: FileServices,
): Container {
  const core = createCoreContext(db, rules, files);
  const container = { ...core } as Container;
  // The names, not CONTEXT_BUILDERS: naming that object here would put every context in every bundle.
  for (const name of [
    'market',
    'bidding',
    'expos',
    'chainMap',
    'documents',
    'mail',
    'discovery',
  ] as const satisfies readonly ContextName[]) {
    const build = builders[name];
    if (build) Object.assign(container, { [name]: build(db, rules, core) });
    else
      Object.defineProperty(container, name, {
        enumerable: false,
        get() {
          throw new Error(`The ${name} context is not composed in this function.`);
        },
      });
  }
  return container;
}
