import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
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
