import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, publicView } from '@parkbridge/domain/core';
import { Org, OrgInput, OrgPatch } from '@parkbridge/domain/orgs';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { expectedVersion } from '../../http/etag';
import {
  createRouter,
  IdempotencyHeader,
  IfMatchHeader,
  json,
  jsonBody,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { ANY_ROLE } from '../../http/person-roles';
import { withEtag } from '../../http/respond';

const OrgView = Org.meta({ id: 'Organisation' });
export const OrgParams = z.object({ orgId: z.string().min(1).max(64) });

export function orgProfileRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orgs',
      operationId: 'createOrg',
      tags: ['Organisations'],
      summary: 'Create an organisation; the caller becomes its first admin (log in again to get its claims)',
      ...securedCreate(app.repos.idempotency, 'signedIn', ANY_ROLE),
      request: { headers: IdempotencyHeader, body: jsonBody(OrgInput) },
      responses: { 201: json(OrgView, 'The new organisation.'), ...problems(400, 401, 409, 413) },
    }),
    async (c) => {
      const org = await app.orgs.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(org));
      c.header('Location', `/v1/orgs/${org.orgId}`);
      return c.json(publicView(org), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}',
      operationId: 'getOrg',
      tags: ['Organisations'],
      summary: "An organisation's public profile",
      ...secured('signedIn'),
      request: { params: OrgParams },
      responses: { 200: json(OrgView, 'The organisation.'), ...problems(401, 404) },
    }),
    async (c) => {
      const org = await app.orgs.get(c.req.valid('param').orgId);
      return c.json(withEtag(c, org), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{orgId}',
      operationId: 'updateOrg',
      tags: ['Organisations'],
      summary: 'Change your own organisation (an admin), four eyes on large awards included',
      ...secured('ownOrganisation', 'admin'),
      request: { params: OrgParams, headers: IfMatchHeader, body: jsonBody(OrgPatch) },
      responses: { 200: json(OrgView, 'The organisation as changed.'), ...problems(400, 401, 404, 412, 413) },
    }),
    async (c) => {
      const org = await app.orgs.update(
        callerOf(c),
        c.req.valid('param').orgId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, org), 200);
    },
  );

  return router;
}
