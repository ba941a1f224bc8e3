import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { awardApprovalRoutes } from './award-approval.routes';
import { bidRoutes } from './bids.routes';
import { dealRoutes } from './deals.routes';
import { questionRoutes } from './questions.routes';

/** The bidding context's routes, mounted under /v1: questions, bids, award, deals, reputation. */
export function biddingRoutes(app: Container) {
  const router = createRouter();
  router.route('/', questionRoutes(app));
  router.route('/', bidRoutes(app));
  router.route('/', dealRoutes(app));
  router.route('/', awardApprovalRoutes(app));
  return router;
}
