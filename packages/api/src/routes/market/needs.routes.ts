import { createRoute } from '@hono/zod-openapi';
import { etagOf, PageQuery, publicView } from '@parkbridge/domain/core';
import {
  NeedAmendmentInput,
  NeedCancel,
  NeedDraftPatch,
  NeedExtend,
  NeedInput,
} from '@parkbridge/domain/needs';
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
import { publicPage, withEtag } from '../../http/respond';
import { AmendmentView, NeedListQuery, NeedParams, NeedView } from './market.schemas';

export function needRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs',
      tags: ['Needs'],
      summary: 'Post a need (request for quotation) as a draft (tenant of the delivery park)',
      ...securedCreate(app.repos.idempotency, 'tenant', 'buyer'),
      request: { headers: IdempotencyHeader, body: jsonBody(NeedInput) },
      responses: { 201: json(NeedView, 'The draft need.'), ...problems(400, 401, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const need = await app.market.needs.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(need));
      c.header('Location', `/v1/needs/${need.needId}`);
      return c.json(publicView(need), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs',
      tags: ['Needs'],
      summary: 'Search needs by category, park, status and free text, or list your own',
      ...secured(),
      request: { query: NeedListQuery },
      responses: { 200: json(pageOf(NeedView), 'A page of needs you may see.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const page = await app.market.needs.list(callerOf(c), filter, { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}',
      tags: ['Needs'],
      summary: 'Read a need (a draft only by its owner; an open one by the suppliers it is for)',
      ...secured(),
      request: { params: NeedParams },
      responses: { 200: json(NeedView, 'The need.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const need = await app.market.needs.get(callerOf(c), c.req.valid('param').needId);
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/needs/{needId}',
      tags: ['Needs'],
      summary: 'Edit a draft (an open need changes through an amendment)',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams, headers: IfMatchHeader, body: jsonBody(NeedDraftPatch) },
      responses: {
        200: json(NeedView, 'The draft as changed.'),
        ...problems(400, 401, 403, 404, 409, 412, 413, 422),
      },
    }),
    async (c) => {
      const need = await app.market.needs.updateDraft(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/publish',
      tags: ['Needs'],
      summary: 'Publish a draft: it opens for bids and is matched against listings',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams, headers: IfMatchHeader },
      responses: { 200: json(NeedView, 'The open need.'), ...problems(401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const need = await app.market.needs.publish(
        callerOf(c),
        c.req.valid('param').needId,
        expectedVersion(c),
      );
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/cancel',
      tags: ['Needs'],
      summary: 'Cancel a draft, open or closed need, with a reason',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams, headers: IfMatchHeader, body: jsonBody(NeedCancel) },
      responses: { 200: json(NeedView, 'The cancelled need.'), ...problems(400, 401, 403, 404, 409, 412) },
    }),
    async (c) => {
      const need = await app.market.needs.cancel(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('json').reason,
        expectedVersion(c),
      );
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/extend',
      tags: ['Needs'],
      summary: 'Move the close of an open need later',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams, headers: IfMatchHeader, body: jsonBody(NeedExtend) },
      responses: {
        200: json(NeedView, 'The need with its new close.'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const need = await app.market.needs.extend(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('json').closesAt,
        expectedVersion(c),
      );
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/needs/{needId}/amend',
      tags: ['Needs'],
      summary: 'Amend material fields of an open need; bidders are told, and the close moves out if too near',
      ...secured('tenant', 'ownNeed', 'buyer'),
      request: { params: NeedParams, headers: IfMatchHeader, body: jsonBody(NeedAmendmentInput) },
      responses: { 200: json(NeedView, 'The amended need.'), ...problems(400, 401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const need = await app.market.needs.amend(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, need), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/amendments',
      tags: ['Needs'],
      summary: "A need's amendments, oldest first: what changed and why",
      ...secured(),
      request: { params: NeedParams, query: PageQuery },
      responses: {
        200: json(pageOf(AmendmentView), 'A page of amendments.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const page = await app.market.needs.amendments(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  );

  return router;
}
