import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import type { Subjects } from '../../http/subjects';
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

/** An organisation's people and invitations are seen by its own people; an invitation also by its address. */
orgRoutes.subjects = (app: Container): Partial<Subjects> => ({
  seen: {
    userId: (caller, { orgId = '', userId = '' }) => app.members.get(caller, orgId, userId),
    invitationId: (caller, { orgId, invitationId = '' }) =>
      app.invitations.visible(caller, invitationId, orgId),
  },
});
