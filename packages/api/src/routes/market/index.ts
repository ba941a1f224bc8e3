import { requireOrg } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import type { Subjects } from '../../http/subjects';
import { chainRoutes } from './chains.routes';
import { listingRoutes } from './listings.routes';
import { matchRoutes } from './matches.routes';
import { needRoutes } from './needs.routes';

/** The market context's routes, mounted under /v1: chains, needs, listings and matching. */
export function marketRoutes(app: Container) {
  const router = createRouter();
  router.route('/', chainRoutes(app));
  router.route('/', needRoutes(app));
  router.route('/', listingRoutes(app));
  router.route('/', matchRoutes(app));
  return router;
}

/** Chains are seen by their owner and their park's operator, needs and listings as their reads say; each is changed by its owner. */
marketRoutes.subjects = (app: Container): Partial<Subjects> => ({
  seen: {
    chainId: (caller, { chainId = '' }) => app.market.chains.get(caller, chainId),
    needId: (caller, { needId = '' }) => app.market.needs.get(caller, needId),
    listingId: (caller, { listingId = '' }) => app.market.listings.get(caller, listingId),
  },
  stances: {
    ownChain: (caller, { chainId = '' }) => app.market.chains.requireOwned(requireOrg(caller), chainId),
    ownNeed: (caller, { needId = '' }) => app.market.needs.requireOwned(requireOrg(caller), needId),
    ownListing: (caller, { listingId = '' }) =>
      app.market.listings.requireOwned(requireOrg(caller), listingId),
  },
});
