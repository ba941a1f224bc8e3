import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, notFound, PageQuery, publicView } from '@parkbridge/domain/core';
import {
  AwardInput,
  DealCancelInput,
  DealMessage,
  DealMessageInput,
  DealRole,
  DealView,
  dealView,
  PurchaseOrder,
  RatingInput,
} from '@parkbridge/domain/deals';
import { Reputation } from '@parkbridge/domain/reputation';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { expectedVersion } from '../../http/etag';
import {
  createRouter,
  IdempotencyHeader,
  IfMatchHeader,
  json,
  jsonBody,
  pageOf,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { NeedParams, PendingAwardSchema } from './schemas';

export const DealSchema = DealView.meta({ id: 'Deal' });
const DealParams = z.object({ dealId: z.string().min(1).max(64) });
const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const TAGS = ['Deals'];

const BY_SELLER = ['supplier', 'dealSeller', 'seller'] as const;
const BY_BUYER = ['tenant', 'dealBuyer', 'buyer'] as const;
const STEPS = [
  { action: 'confirm', method: 'confirm', summary: 'Confirm the deal (seller)', by: BY_SELLER },
  { action: 'deliver', method: 'deliver', summary: 'Mark the goods delivered (seller)', by: BY_SELLER },
  {
    action: 'accept-delivery',
    method: 'acceptDelivery',
    summary: 'Accept the delivery (buyer)',
    by: BY_BUYER,
  },
] as const;

export function dealRoutes(app: Container) {
  const router = createRouter();
  const { awards, deals, reputation } = app.bidding;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/award',
      tags: TAGS,
      summary:
        'Award a bid (the need’s owner, after the close): creates the deal and tells every bidder; above the organisation’s awardApprovalAbove, a non-admin’s award waits for another admin (202)',
      ...securedCreate(app.repos.idempotency, 'tenant', 'ownNeed', 'buyer'),
      request: {
        params: NeedParams,
        headers: IdempotencyHeader,
        body: jsonBody(AwardInput.meta({ id: 'AwardInput' })),
      },
      responses: {
        201: json(DealSchema, 'The deal.'),
        202: json(PendingAwardSchema, 'The award waits for another admin’s approval.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const outcome = await awards.award(caller, c.req.valid('param').needId, c.req.valid('json').bidId);
      if (outcome.status === 'pending_approval') {
        return c.json({ status: 'pending_approval' as const, request: publicView(outcome.request) }, 202);
      }
      const { deal } = outcome;
      c.header('ETag', etagOf(deal));
      c.header('Location', `/v1/deals/${deal.dealId}`);
      return c.json(dealView(deal, caller.orgId as string), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/deals',
      tags: TAGS,
      summary: 'Your deals, as buyer or as seller, newest first',
      ...secured('tenant', 'supplier'),
      request: { query: PageQuery.extend({ role: DealRole.optional() }) },
      responses: { 200: json(pageOf(DealSchema), 'A page of deals.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const caller = callerOf(c);
      const { role, limit, cursor } = c.req.valid('query');
      const page = await deals.list(caller, role, { limit, cursor });
      return c.json(
        { items: page.items.map((d) => dealView(d, caller.orgId as string)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/deals/{dealId}',
      tags: TAGS,
      summary: 'A deal you are party to',
      ...secured(),
      request: { params: DealParams },
      responses: { 200: json(DealSchema, 'The deal.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const caller = callerOf(c);
      const deal = await deals.get(caller, c.req.valid('param').dealId);
      c.header('ETag', etagOf(deal));
      return c.json(dealView(deal, caller.orgId as string), 200);
    },
  );

  for (const step of STEPS) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/deals/{dealId}/${step.action}`,
        tags: TAGS,
        summary: step.summary,
        ...secured(...step.by),
        request: { params: DealParams, headers: IfMatchHeader },
        responses: {
          200: json(DealSchema, 'The deal after the step.'),
          ...problems(401, 403, 404, 409, 412),
        },
      }),
      async (c) => {
        const caller = callerOf(c);
        const deal = await deals[step.method](caller, c.req.valid('param').dealId, expectedVersion(c));
        c.header('ETag', etagOf(deal));
        return c.json(dealView(deal, caller.orgId as string), 200);
      },
    );
  }

  router.openapi(
    createRoute({
      method: 'post',
      path: '/deals/{dealId}/cancel',
      tags: TAGS,
      summary: 'Call the deal off before delivery, with a reason (either side); the other side is told',
      ...secured('tenant', 'supplier', 'buyer', 'seller'),
      request: {
        params: DealParams,
        headers: IfMatchHeader,
        body: jsonBody(DealCancelInput.meta({ id: 'DealCancelInput' })),
      },
      responses: {
        200: json(DealSchema, 'The cancelled deal.'),
        ...problems(400, 401, 403, 404, 409, 412, 413),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const deal = await deals.cancel(
        caller,
        c.req.valid('param').dealId,
        c.req.valid('json').reason,
        expectedVersion(c),
      );
      c.header('ETag', etagOf(deal));
      return c.json(dealView(deal, caller.orgId as string), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/deals/{dealId}/rate',
      tags: TAGS,
      summary: 'Rate the other side, once, after the delivery was accepted (1–5)',
      ...secured('tenant', 'supplier', 'buyer', 'seller'),
      request: { params: DealParams, body: jsonBody(RatingInput.meta({ id: 'RatingInput' })) },
      responses: {
        200: json(DealSchema, 'The deal with your rating.'),
        ...problems(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const deal = await deals.rate(caller, c.req.valid('param').dealId, c.req.valid('json'));
      c.header('ETag', etagOf(deal));
      return c.json(dealView(deal, caller.orgId as string), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/reputation',
      tags: TAGS,
      summary: "An organisation's reputation, computed only from its deals and the ratings they received",
      ...secured('signedIn'),
      request: { params: OrgParams },
      responses: { 200: json(Reputation, 'The reputation.'), ...problems(401, 404) },
    }),
    async (c) => {
      const found = await reputation.ofOrg(c.req.valid('param').orgId);
      if (!found) throw notFound('organisation');
      return c.json(found, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/deals/{dealId}/messages',
      operationId: 'listDealMessages',
      tags: TAGS,
      summary: "The deal room: the thread between the deal's two parties, oldest first",
      ...secured(),
      request: { params: DealParams, query: PageQuery },
      responses: { 200: json(pageOf(DealMessage), 'A page of messages.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const page = await app.bidding.dealRoom.messages(
        callerOf(c),
        c.req.valid('param').dealId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/deals/{dealId}/messages',
      operationId: 'postDealMessage',
      tags: TAGS,
      summary: 'Write to the other party of the deal, with files (delivery notes, invoices); they are told',
      ...securedCreate(app.repos.idempotency, 'buyer', 'seller'),
      request: {
        params: DealParams,
        headers: IdempotencyHeader,
        body: jsonBody(DealMessageInput.meta({ id: 'DealMessageInput' })),
      },
      responses: { 201: json(DealMessage, 'The message.'), ...problems(400, 401, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const message = await app.bidding.dealRoom.post(
        callerOf(c),
        c.req.valid('param').dealId,
        c.req.valid('json'),
      );
      return c.json(message, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/deals/{dealId}/purchase-order',
      operationId: 'getPurchaseOrder',
      tags: TAGS,
      summary: "The deal's purchase order: both parties, lines, totals, terms, a number unique per buyer",
      ...secured(),
      request: { params: DealParams },
      responses: { 200: json(PurchaseOrder, 'The purchase order.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const po = await app.bidding.dealRoom.purchaseOrder(callerOf(c), c.req.valid('param').dealId);
      return c.json(po, 200);
    },
  );

  return router;
}
