import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, PageQuery, publicView } from '@parkbridge/domain/core';
import { dealView } from '@parkbridge/domain/deals';
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
import { publicPage } from '../../http/respond';
import { DealSchema } from './deals.routes';
import { AwardRequestSchema, NeedParams } from './schemas';

const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const TAGS = ['Deals'];

/** Four eyes on large awards: the pending request, its approval by another admin, or its decline. */
export function awardApprovalRoutes(app: Container) {
  const router = createRouter();
  const { awards } = app.bidding;

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/award/request',
      tags: TAGS,
      summary: 'The award of this need that waits for an admin’s approval (the owner’s people)',
      ...secured('tenant', 'ownNeed'),
      request: { params: NeedParams },
      responses: { 200: json(AwardRequestSchema, 'The pending request.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const request = await awards.pendingFor(callerOf(c), c.req.valid('param').needId);
      c.header('ETag', etagOf(request));
      return c.json(publicView(request), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/award/approve',
      tags: TAGS,
      summary:
        'Approve the pending award (another admin of the owner, never the one who asked): creates the deal',
      ...securedCreate(app.repos.idempotency, 'tenant', 'ownNeed', 'admin'),
      request: { params: NeedParams, headers: IdempotencyHeader },
      responses: {
        201: json(DealSchema, 'The deal.'),
        ...problems(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const deal = await awards.approve(caller, c.req.valid('param').needId);
      c.header('ETag', etagOf(deal));
      c.header('Location', `/v1/deals/${deal.dealId}`);
      return c.json(dealView(deal, caller.orgId as string), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/award/decline',
      tags: TAGS,
      summary: 'Turn the pending award down (an admin), or withdraw it (the one who asked)',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams },
      responses: { 200: json(AwardRequestSchema, 'The request, declined.'), ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const request = await awards.decline(callerOf(c), c.req.valid('param').needId);
      return c.json(publicView(request), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/award-requests',
      tags: TAGS,
      summary: 'The organisation’s awards waiting for approval, oldest first (its admins)',
      ...secured('tenant', 'ownOrganisation', 'admin'),
      request: { params: OrgParams, query: PageQuery },
      responses: {
        200: json(pageOf(AwardRequestSchema), 'A page of pending requests.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await awards.listPending(callerOf(c), c.req.valid('param').orgId, { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  return router;
}
