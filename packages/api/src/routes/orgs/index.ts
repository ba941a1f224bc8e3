import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { certificateRoutes } from './certificates.routes';
import { membershipRoutes } from './memberships.routes';
import { orgProfileRoutes } from './orgs.routes';

export function orgRoutes(app: Container) {
  const router = createRouter();
  router.route('/', orgProfileRoutes(app));
  router.route('/', membershipRoutes(app));
  router.route('/', certificateRoutes(app));
  return router;
}
