import { createRoute } from '@hono/zod-openapi';
import { etagOf, PageQuery } from '@parkbridge/domain/core';
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
  AuctionStandingSchema,
  BidInputBody,
  BidReceipt,
  BidRevisionSchema,
  BidViewSchema,
  NeedParams,
  OwnerBidsSchema,
} from './schemas';
import { bidView } from './views';

const TAGS = ['Bids'];

export function bidRoutes(app: Container) {
  const router = createRouter();
  const { bids } = app.bidding;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/bids',
      tags: TAGS,
      summary: 'Bid on a need (supplier); one live bid per supplier: a second one is 409, revise instead',
      ...securedCreate(app.repos.idempotency, 'supplier', 'seller'),
      request: { params: NeedParams, headers: IdempotencyHeader, body: jsonBody(BidInputBody) },
      responses: {
        201: json(BidReceipt, 'The bid, sealed to everyone but you until the close.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const { needId } = c.req.valid('param');
      const { bid, extendedTo } = await bids.create(callerOf(c), needId, c.req.valid('json'));
      c.header('ETag', etagOf(bid));
      c.header('Location', `/v1/needs/${needId}/bids/mine`);
      return c.json({ ...bidView({ ...bid, outcome: 'pending' }), extendedTo }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/bids/mine',
      tags: TAGS,
      summary: 'Your bid on a need, with its outcome once awarded',
      ...secured('supplier', 'ownBid'),
      request: { params: NeedParams },
      responses: { 200: json(BidViewSchema, 'Your bid.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const bid = await bids.mine(callerOf(c), c.req.valid('param').needId);
      c.header('ETag', etagOf(bid));
      return c.json(bidView(bid), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/needs/{needId}/bids/mine',
      tags: TAGS,
      summary: 'Revise your bid (If-Match); every revision is kept',
      // Idempotency-Key on a revision too: a retried revision must not count as a second one.
      ...securedCreate(app.repos.idempotency, 'supplier', 'ownBid', 'seller'),
      request: {
        params: NeedParams,
        headers: IfMatchHeader.extend(IdempotencyHeader.shape),
        body: jsonBody(BidInputBody),
      },
      responses: {
        200: json(BidReceipt, 'The revised bid.'),
        ...problems(400, 401, 403, 404, 409, 412, 413, 422),
      },
    }),
    async (c) => {
      const { needId } = c.req.valid('param');
      const { bid, extendedTo } = await bids.revise(
        callerOf(c),
        needId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      c.header('ETag', etagOf(bid));
      return c.json({ ...bidView({ ...bid, outcome: 'pending' }), extendedTo }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/needs/{needId}/bids/mine',
      tags: TAGS,
      summary: 'Withdraw your bid (before the close)',
      ...secured('supplier', 'ownBid', 'seller'),
      request: { params: NeedParams, headers: IfMatchHeader },
      responses: {
        200: json(BidViewSchema, 'The withdrawn bid.'),
        ...problems(401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const bid = await bids.withdraw(callerOf(c), c.req.valid('param').needId, expectedVersion(c));
      c.header('ETag', etagOf(bid));
      return c.json(bidView({ ...bid, outcome: 'pending' }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/bids/mine/reconfirm',
      tags: TAGS,
      summary: 'Reconfirm your bid after the need was amended, so it counts again',
      ...secured('supplier', 'ownBid', 'seller'),
      request: { params: NeedParams, headers: IfMatchHeader },
      responses: { 200: json(BidReceipt, 'The reconfirmed bid.'), ...problems(401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const { needId } = c.req.valid('param');
      const { bid, extendedTo } = await bids.reconfirm(callerOf(c), needId, expectedVersion(c));
      c.header('ETag', etagOf(bid));
      return c.json({ ...bidView({ ...bid, outcome: 'pending' }), extendedTo }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/bids/mine/revisions',
      tags: TAGS,
      summary: 'Every revision of your bid, newest first',
      ...secured('supplier'),
      request: { params: NeedParams, query: PageQuery },
      responses: {
        200: json(pageOf(BidRevisionSchema), 'A page of revisions.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const page = await bids.revisions(callerOf(c), c.req.valid('param').needId, c.req.valid('query'));
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/bids',
      tags: TAGS,
      summary:
        "The need's bids (its owner): before the close only the count, after it every bid side by side",
      ...secured('tenant', 'ownNeed'),
      request: { params: NeedParams },
      responses: { 200: json(OwnerBidsSchema, 'The count, or the bids.'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await bids.forOwner(callerOf(c), c.req.valid('param').needId), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/auction',
      tags: TAGS,
      summary: 'Your standing in a reverse auction: your rank, the best price, how many bid (no identities)',
      ...secured('supplier', 'ownBid'),
      request: { params: NeedParams },
      responses: { 200: json(AuctionStandingSchema, 'Your standing.'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await bids.auction(callerOf(c), c.req.valid('param').needId), 200),
  );

  return router;
}
