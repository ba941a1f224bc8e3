import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import {
  Membership,
  MembershipApplication,
  MembershipDecision,
  MembershipStatus,
  MembershipSuspension,
} from '@parkbridge/domain/orgs';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  pageOf,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { publicPage, withEtag } from '../../http/respond';

const MembershipView = Membership.meta({ id: 'Membership' });
const ParkParams = z.object({ parkId: z.string().min(1).max(64) });
const MemberParams = ParkParams.extend({ orgId: z.string().min(1).max(64) });

const DECISIONS = [
  { action: 'approve', decision: 'approved', body: MembershipDecision, summary: 'Approve an application' },
  {
    action: 'reject',
    decision: 'rejected',
    body: MembershipDecision,
    summary: 'Reject an application or end a membership',
  },
  {
    action: 'suspend',
    decision: 'suspended',
    body: MembershipSuspension,
    summary: 'Suspend an approved member',
  },
  { action: 'reinstate', decision: 'reinstated', body: MembershipDecision, summary: 'Lift a suspension' },
] as const;

export function membershipRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/parks/{parkId}/memberships',
      operationId: 'applyForMembership',
      tags: ['Memberships'],
      summary: 'Apply for membership of a park (own organisation)',
      ...securedCreate(app.repos.idempotency, 'tenant', 'supplier', 'admin'),
      request: {
        params: ParkParams,
        headers: IdempotencyHeader,
        body: { required: false, content: { 'application/json': { schema: MembershipApplication } } },
      },
      responses: {
        201: json(MembershipView, 'The pending application.'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const body = (await c.req.text()) ? c.req.valid('json') : {};
      const m = await app.memberships.apply(callerOf(c), c.req.valid('param').parkId, body.as);
      return c.json(withEtag(c, m), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}/memberships',
      operationId: 'listParkMemberships',
      tags: ['Memberships'],
      summary: "A park's memberships (its operator)",
      ...secured('operator', 'parkOperator'),
      request: { params: ParkParams, query: PageQuery.extend({ status: MembershipStatus.optional() }) },
      responses: {
        200: json(pageOf(MembershipView), 'A page of memberships.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      const page = await app.memberships.list(callerOf(c), c.req.valid('param').parkId, status, {
        limit,
        cursor,
      });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/memberships',
      operationId: 'listMyMemberships',
      tags: ['Memberships'],
      summary: "Your organisation's memberships",
      ...secured(),
      request: { query: PageQuery },
      responses: { 200: json(pageOf(MembershipView), 'A page of memberships.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const page = await app.memberships.listMine(callerOf(c), c.req.valid('query'));
      return c.json(publicPage(page), 200);
    },
  );

  for (const d of DECISIONS) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/parks/{parkId}/memberships/{orgId}/${d.action}`,
        operationId: `${d.action}Membership`,
        tags: ['Memberships'],
        summary: `${d.summary} (the park's operator)`,
        ...secured('operator', 'parkOperator', 'staff'),
        request: {
          params: MemberParams,
          body: { required: d.action === 'suspend', content: { 'application/json': { schema: d.body } } },
        },
        responses: {
          200: json(MembershipView, 'The membership after the decision.'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { parkId, orgId } = c.req.valid('param');
        const body = (await c.req.text()) ? c.req.valid('json') : {};
        const m = await app.memberships.decide(callerOf(c), parkId, orgId, d.decision, body.reason);
        return c.json(withEtag(c, m), 200);
      },
    );
  }

  return router;
}
