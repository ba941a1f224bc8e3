import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { certificateRoutes } from './certificates.routes';
import { invitationRoutes } from './invitations.routes';
import { membershipRoutes } from './memberships.routes';
import { orgProfileRoutes } from './orgs.routes';
import { peopleRoutes } from './people.routes';

export function orgRoutes(app: Container) {
  const router = createRouter();
  router.route('/', orgProfileRoutes(app));
  router.route('/', membershipRoutes(app));
  router.route('/', certificateRoutes(app));
  router.route('/', peopleRoutes(app));
  router.route('/', invitationRoutes(app));
  return router;
}
