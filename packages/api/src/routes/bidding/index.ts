import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';

/** The bidding context's routes, mounted under /v1. Filled in by the bidding work. */
export function biddingRoutes(_app: Container) {
  return createRouter();
}
