import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import {
  AcceptInvitationInput,
  InvitationInput,
  InvitationView,
  memberView,
} from '@parkbridge/domain/people';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  jsonBody,
  pageOf,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { ANY_ROLE } from '../../http/person-roles';
import { OrgParams } from './orgs.routes';
import { MemberSchema } from './people.routes';

const InvitationSchema = InvitationView.meta({ id: 'Invitation' });
const InvitationParams = z.object({ invitationId: z.string().min(1).max(64) });
const TAGS = ['People'];

/** Invitations by email: an admin invites an address with a role; its owner accepts and joins. */
export function invitationRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{orgId}/invitations',
      operationId: 'invite',
      tags: TAGS,
      summary:
        'Invite an address with a role for seven days (an admin); the address gets an email with a link',
      ...securedCreate(app.repos.idempotency, 'ownOrganisation', 'admin'),
      request: {
        params: OrgParams,
        headers: IdempotencyHeader,
        body: jsonBody(InvitationInput.meta({ id: 'InvitationInput' })),
      },
      responses: {
        201: json(InvitationSchema, 'The pending invitation.'),
        ...problems(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const invitation = await app.invitations.invite(
        callerOf(c),
        c.req.valid('param').orgId,
        c.req.valid('json'),
      );
      return c.json(invitation, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/invitations',
      operationId: 'listInvitations',
      tags: TAGS,
      summary: 'Your organisation’s invitations, newest first, with their status (an admin)',
      ...secured('ownOrganisation', 'admin'),
      request: { params: OrgParams, query: PageQuery },
      responses: {
        200: json(pageOf(InvitationSchema), 'A page of invitations.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await app.invitations.listForOrg(callerOf(c), c.req.valid('param').orgId, {
        limit,
        cursor,
      });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{orgId}/invitations/{invitationId}',
      operationId: 'revokeInvitation',
      tags: TAGS,
      summary: 'Revoke an invitation (an admin); its link stops working',
      ...secured('ownOrganisation', 'admin'),
      request: { params: OrgParams.extend(InvitationParams.shape) },
      responses: { 204: { description: 'Revoked.' }, ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const { orgId, invitationId } = c.req.valid('param');
      await app.invitations.revoke(callerOf(c), orgId, invitationId);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/mine',
      operationId: 'myInvitations',
      tags: TAGS,
      summary: 'Your pending invitations, found by the address you signed up with',
      ...secured('signedIn'),
      request: { query: PageQuery },
      responses: { 200: json(pageOf(InvitationSchema), 'A page of invitations.'), ...problems(400, 401) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await app.invitations.mine(callerOf(c), { limit, cursor }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{invitationId}/accept',
      operationId: 'acceptInvitation',
      tags: TAGS,
      summary:
        'Accept an invitation to your address: you join with its role (sign in again for a token that carries the organisation)',
      ...secured('signedIn', ANY_ROLE),
      request: {
        params: InvitationParams,
        body: { required: false, content: { 'application/json': { schema: AcceptInvitationInput } } },
      },
      responses: {
        201: json(MemberSchema, 'You, as a member.'),
        ...problems(400, 401, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const token = c.req.valid('json')?.token;
      const member = await app.invitations.accept(caller, c.req.valid('param').invitationId, token);
      const [user] = await app.repos.users.getMany([caller.userId]);
      return c.json(memberView(member, user), 201);
    },
  );

  return router;
}
