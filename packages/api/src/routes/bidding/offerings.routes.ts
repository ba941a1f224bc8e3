import { createRoute } from '@hono/zod-openapi';
import { etagOf, publicView, type Stored } from '@parkbridge/domain/core';
import type { Allocation } from '@parkbridge/domain/offerings';
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
import {
  AllocationSchema,
  AwardBody,
  OfferingAuctionSchema,
  OfferingBidInputBody,
  OfferingBidReceipt,
  OfferingBidSchema,
  OfferingBidsSchema,
  OfferingCancelBody,
  OfferingInputBody,
  OfferingListQuery,
  OfferingParams,
  OfferingSchema,
  ParkOfferingParams,
} from './offering-schemas';

const TAGS = ['Park space'];

const allocationView = (a: Allocation & { version?: number; auditHash?: string }) => {
  const { auditHash: _h, version: _v, ...rest } = a;
  return rest;
};

/**
 * Park space offered to investors: the operator's offerings (draft → open → closed → awarded |
 * cancelled), investors' bids (sealed tender or forward auction), the award, and the public pages.
 */
export function offeringRoutes(app: Container) {
  const router = createRouter();
  const { offerings, offeringBids, offeringAwards } = app.bidding;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/parks/{parkId}/offerings',
      tags: TAGS,
      summary: 'Offer a plot, workshop unit or idle unit of the park (its operator); starts as a draft',
      ...securedCreate(app.repos.idempotency, 'operator', 'parkOperator', 'staff'),
      request: { params: ParkOfferingParams, headers: IdempotencyHeader, body: jsonBody(OfferingInputBody) },
      responses: {
        201: json(OfferingSchema, 'The draft offering.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const o = await offerings.create(callerOf(c), c.req.valid('param').parkId, c.req.valid('json'));
      c.header('ETag', etagOf(o));
      c.header('Location', `/v1/offerings/${o.offeringId}`);
      return c.json(o, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}/offerings',
      tags: TAGS,
      summary: "The park's offerings (drafts only for its operator); status is the effective one",
      ...secured('signedIn'),
      request: { params: ParkOfferingParams, query: OfferingListQuery },
      responses: { 200: json(pageOf(OfferingSchema), 'A page of offerings.'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { limit, cursor, status, kind } = c.req.valid('query');
      const page = await offerings.list(
        callerOf(c),
        c.req.valid('param').parkId,
        { status, kind },
        { limit, cursor },
      );
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/parks/{parkId}/offerings',
      tags: TAGS,
      summary: "The park's open offerings, without a token (for investors not yet in the park)",
      // Public by the contract: said so in the OpenAPI document (no bearer), as for the dev login.
      security: [],
      request: { params: ParkOfferingParams, query: OfferingListQuery.omit({ status: true }) },
      responses: { 200: json(pageOf(OfferingSchema), 'A page of open offerings.'), ...problems(400, 404) },
    }),
    async (c) => {
      const { limit, cursor, kind } = c.req.valid('query');
      const page = await offerings.list(null, c.req.valid('param').parkId, { kind }, { limit, cursor });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/offerings/{offeringId}',
      tags: TAGS,
      summary: 'An open offering, without a token',
      // Public by the contract: said so in the OpenAPI document (no bearer), as for the dev login.
      security: [],
      request: { params: OfferingParams },
      responses: { 200: json(OfferingSchema, 'The offering.'), ...problems(404) },
    }),
    async (c) => c.json(await offerings.getPublic(c.req.valid('param').offeringId), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/offerings/{offeringId}',
      tags: TAGS,
      summary: 'An offering (a draft only for its operator)',
      ...secured('signedIn'),
      request: { params: OfferingParams },
      responses: { 200: json(OfferingSchema, 'The offering.'), ...problems(401, 404) },
    }),
    async (c) => {
      const o = await offerings.get(callerOf(c), c.req.valid('param').offeringId);
      c.header('ETag', etagOf(o));
      return c.json(o, 200);
    },
  );

  for (const action of ['publish', 'cancel'] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/offerings/{offeringId}/${action}`,
        tags: TAGS,
        summary:
          action === 'publish'
            ? 'Open a draft offering to bids (its operator; If-Match)'
            : 'Cancel an offering before its award (its operator; If-Match); bidders are told',
        ...secured('operator', 'offeringOperator', 'staff'),
        request: {
          params: OfferingParams,
          headers: IfMatchHeader,
          ...(action === 'cancel' ? { body: jsonBody(OfferingCancelBody) } : {}),
        },
        responses: {
          200: json(OfferingSchema, 'The offering.'),
          ...problems(400, 401, 403, 404, 409, 412, 422),
        },
      }),
      async (c) => {
        const { offeringId } = c.req.valid('param');
        const caller = callerOf(c);
        const version = expectedVersion(c);
        const o =
          action === 'publish'
            ? await offerings.publish(caller, offeringId, version)
            : await offerings.cancel(caller, offeringId, (await c.req.json()).reason, version);
        c.header('ETag', etagOf(o));
        return c.json(o, 200);
      },
    );
  }

  router.openapi(
    createRoute({
      method: 'post',
      path: '/offerings/{offeringId}/bids',
      tags: TAGS,
      summary: 'Bid on an offering (any organisation but the operator); one live bid each: revise instead',
      ...securedCreate(app.repos.idempotency, 'buyer'),
      request: { params: OfferingParams, headers: IdempotencyHeader, body: jsonBody(OfferingBidInputBody) },
      responses: {
        201: json(OfferingBidReceipt, 'The bid; in a sealed tender nobody else sees it before the close.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const { offeringId } = c.req.valid('param');
      const { bid, extendedTo } = await offeringBids.create(callerOf(c), offeringId, c.req.valid('json'));
      c.header('ETag', etagOf(bid));
      c.header('Location', `/v1/offerings/${offeringId}/bids/mine`);
      return c.json({ ...publicView(bid), extendedTo }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/offerings/{offeringId}/bids/mine',
      tags: TAGS,
      summary: 'Your bid on an offering, with its outcome once awarded',
      ...secured('ownOfferingBid'),
      request: { params: OfferingParams },
      responses: { 200: json(OfferingBidSchema, 'Your bid.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const bid = await offeringBids.mine(callerOf(c), c.req.valid('param').offeringId);
      c.header('ETag', etagOf(bid));
      return c.json(publicView(bid), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/offerings/{offeringId}/bids/mine',
      tags: TAGS,
      summary: 'Revise your bid (If-Match); in an auction it must beat your previous price',
      ...securedCreate(app.repos.idempotency, 'ownOfferingBid', 'buyer'),
      request: {
        params: OfferingParams,
        headers: IdempotencyHeader.merge(IfMatchHeader),
        body: jsonBody(OfferingBidInputBody),
      },
      responses: {
        200: json(OfferingBidReceipt, 'The revised bid.'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { offeringId } = c.req.valid('param');
      const { bid, extendedTo } = await offeringBids.revise(
        callerOf(c),
        offeringId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      c.header('ETag', etagOf(bid));
      return c.json({ ...publicView(bid), extendedTo }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/offerings/{offeringId}/bids/mine',
      tags: TAGS,
      summary: 'Withdraw your bid before the close (If-Match)',
      ...secured('ownOfferingBid', 'buyer'),
      request: { params: OfferingParams, headers: IfMatchHeader },
      responses: {
        200: json(OfferingBidSchema.omit({ outcome: true }), 'The withdrawn bid.'),
        ...problems(401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const bid = await offeringBids.withdraw(
        callerOf(c),
        c.req.valid('param').offeringId,
        expectedVersion(c),
      );
      c.header('ETag', etagOf(bid));
      return c.json(publicView(bid), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/offerings/{offeringId}/bids',
      tags: TAGS,
      summary: "The bids (the park's operator): before the close only how many; after it, side by side",
      ...secured('operator', 'offeringOperator'),
      request: { params: OfferingParams },
      responses: { 200: json(OfferingBidsSchema, 'The bids.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { offering } = await offerings.operated(callerOf(c), c.req.valid('param').offeringId);
      return c.json(await offeringBids.forOperator(offering), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/offerings/{offeringId}/auction',
      tags: TAGS,
      summary: 'Your standing in a forward auction: rank, best price, bidders; never who',
      ...secured('ownOfferingBid'),
      request: { params: OfferingParams },
      responses: { 200: json(OfferingAuctionSchema, 'Your standing.'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await offeringBids.standing(callerOf(c), c.req.valid('param').offeringId), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/offerings/{offeringId}/award',
      tags: TAGS,
      summary: 'Award the offering to a bid after the close (its operator): the winner becomes a tenant',
      ...securedCreate(app.repos.idempotency, 'operator', 'offeringOperator', 'staff'),
      request: { params: OfferingParams, headers: IdempotencyHeader, body: jsonBody(AwardBody) },
      responses: {
        201: json(AllocationSchema, 'The allocation.'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const allocation = await offeringAwards.award(
        callerOf(c),
        c.req.valid('param').offeringId,
        c.req.valid('json').bidId,
      );
      return c.json(allocationView(allocation as Stored<Allocation>), 201);
    },
  );

  return router;
}
