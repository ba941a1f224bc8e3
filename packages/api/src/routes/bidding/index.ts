import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { bidRoutes } from './bids.routes';
import { dealRoutes } from './deals.routes';
import { offeringRoutes } from './offerings.routes';
import { questionRoutes } from './questions.routes';

/** The bidding context's routes, mounted under /v1: questions, bids, award, deals, reputation. */
export function biddingRoutes(app: Container) {
  const router = createRouter();
  router.route('/', questionRoutes(app));
  router.route('/', bidRoutes(app));
  router.route('/', dealRoutes(app));
  router.route('/', offeringRoutes(app));
  return router;
}
