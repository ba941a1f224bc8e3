import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, PageQuery } from '@parkbridge/domain/core';
import { MemberPatch, MemberView } from '@parkbridge/domain/people';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { expectedVersion } from '../../http/etag';
import { createRouter, IfMatchHeader, json, jsonBody, pageOf, problems, secured } from '../../http/openapi';
import { ANY_ROLE } from '../../http/person-roles';
import { OrgParams } from './orgs.routes';

export const MemberSchema = MemberView.meta({ id: 'Member' });
const MemberParams = OrgParams.extend({ userId: z.string().min(1).max(64) });
const TAGS = ['People'];

/** An organisation's people: who they are, their roles, removing them and leaving. */
export function peopleRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/members',
      operationId: 'listMembers',
      tags: TAGS,
      summary: 'The people of your organisation, with their roles',
      ...secured('ownOrganisation'),
      request: { params: OrgParams, query: PageQuery },
      responses: { 200: json(pageOf(MemberSchema), 'A page of members.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await app.members.list(callerOf(c), c.req.valid('param').orgId, { limit, cursor });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/members/{userId}',
      operationId: 'getMember',
      tags: TAGS,
      summary: 'One person of your organisation (its ETag is what a role change sends in If-Match)',
      ...secured('ownOrganisation'),
      request: { params: MemberParams },
      responses: { 200: json(MemberSchema, 'The member.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { orgId, userId } = c.req.valid('param');
      const member = await app.members.get(callerOf(c), orgId, userId);
      c.header('ETag', etagOf(member));
      return c.json(member, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{orgId}/members/{userId}',
      operationId: 'changeMemberRole',
      tags: TAGS,
      summary: 'Give a person another role (an admin; never their own, never the last admin away)',
      ...secured('ownOrganisation', 'admin'),
      request: {
        params: MemberParams,
        headers: IfMatchHeader,
        body: jsonBody(MemberPatch.meta({ id: 'MemberPatch' })),
      },
      responses: {
        200: json(MemberSchema, 'The member with the new role.'),
        ...problems(400, 401, 403, 404, 409, 412, 413, 422),
      },
    }),
    async (c) => {
      const { orgId, userId } = c.req.valid('param');
      const member = await app.members.changeRole(
        callerOf(c),
        orgId,
        userId,
        c.req.valid('json').role,
        expectedVersion(c),
      );
      c.header('ETag', etagOf(member));
      return c.json(member, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{orgId}/members/{userId}',
      operationId: 'removeMember',
      tags: TAGS,
      summary:
        'Remove a person (an admin), or leave (yourself); their next call is refused whatever token they hold',
      ...secured('ownOrganisation', ANY_ROLE),
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed.' }, ...problems(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { orgId, userId } = c.req.valid('param');
      await app.members.remove(callerOf(c), orgId, userId);
      return c.body(null, 204);
    },
  );

  return router;
}
