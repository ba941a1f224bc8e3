import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { bookingRoutes } from './bookings.routes';
import { expoCatalogRoutes } from './expos.routes';
import { recommendationRoutes } from './recommendations.routes';
import { slotEditRoutes } from './slot-edit.routes';
import { slotRoutes } from './slots.routes';

/** The expos context's routes, mounted under /v1. */
export function expoRoutes(app: Container) {
  const router = createRouter();
  router.route('/', expoCatalogRoutes(app));
  router.route('/', slotRoutes(app));
  router.route('/', slotEditRoutes(app));
  router.route('/', bookingRoutes(app));
  router.route('/', recommendationRoutes(app));
  return router;
}
