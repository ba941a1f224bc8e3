import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, PageQuery, publicView } from '@parkbridge/domain/core';
import { ExpoInput, PavilionInput } from '@parkbridge/domain/expos';
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
import { publicPage, withEtag } from '../../http/respond';
import {
  BookingView,
  ExpoBookingsQuery,
  ExpoParams,
  ExpoStatsView,
  ExpoView,
  FloorPlanView,
  PavilionParams,
  PavilionView,
} from './schemas';

/**
 * How long anyone may reuse the public floor plan: 2,000 firms polling every 5 s ask one expo's
 * partition at most once per cache and period, and a slot taken shows within seconds.
 */
const PUBLIC_FLOOR_PLAN_MAX_AGE_S = 5;

export function expoCatalogRoutes(app: Container) {
  const router = createRouter();
  const { expos, bookings } = app.expos;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/expos',
      tags: ['Expos'],
      summary: 'Create an expo (the park’s operator)',
      ...securedCreate(app.repos.idempotency, 'operator', 'staff'),
      request: { headers: IdempotencyHeader, body: jsonBody(ExpoInput) },
      responses: { 201: json(ExpoView, 'The new expo.'), ...problems(400, 401, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const expo = await expos.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(expo));
      c.header('Location', `/v1/expos/${expo.expoId}`);
      return c.json(publicView(expo), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/expos',
      tags: ['Expos'],
      summary: 'List expos, soonest first (optionally of one park)',
      ...secured('signedIn'),
      request: { query: PageQuery.extend({ parkId: z.string().min(1).max(64).optional() }) },
      responses: { 200: json(pageOf(ExpoView), 'A page of expos.'), ...problems(400, 401) },
    }),
    async (c) => {
      const { parkId, limit, cursor } = c.req.valid('query');
      const page = await expos.list({ parkId }, { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/expos/{expoId}',
      tags: ['Expos'],
      summary: 'Read an expo',
      ...secured('signedIn'),
      request: { params: ExpoParams },
      responses: { 200: json(ExpoView, 'The expo.'), ...problems(401, 404) },
    }),
    async (c) => {
      const expo = await expos.get(c.req.valid('param').expoId);
      return c.json(withEtag(c, expo), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/expos/{expoId}/pavilions',
      tags: ['Expos'],
      summary: 'Add a pavilion with theme categories and a floor (the park’s operator)',
      ...securedCreate(app.repos.idempotency, 'operator', 'expoOperator', 'staff'),
      request: { params: ExpoParams, headers: IdempotencyHeader, body: jsonBody(PavilionInput) },
      responses: {
        201: json(PavilionView, 'The new pavilion.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const pavilion = await expos.addPavilion(callerOf(c), c.req.valid('param').expoId, c.req.valid('json'));
      c.header('ETag', etagOf(pavilion));
      c.header('Location', `/v1/pavilions/${pavilion.pavilionId}`);
      return c.json(publicView(pavilion), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/pavilions/{pavilionId}',
      tags: ['Expos'],
      summary: 'Read a pavilion',
      ...secured('signedIn'),
      request: { params: PavilionParams },
      responses: { 200: json(PavilionView, 'The pavilion.'), ...problems(401, 404) },
    }),
    async (c) => {
      const pavilion = await expos.getPavilion(c.req.valid('param').pavilionId);
      return c.json(withEtag(c, pavilion), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/expos/{expoId}/floorplan',
      tags: ['Expos'],
      summary: 'The floor plan: every slot’s status; booked slots show the exhibitor’s public profile',
      description: 'Never names who holds or requested a slot. `mine` marks the caller’s own live claims.',
      ...secured('signedIn'),
      request: { params: ExpoParams },
      responses: { 200: json(FloorPlanView, 'The floor plan.'), ...problems(401, 404) },
    }),
    async (c) => c.json(await expos.floorPlan(callerOf(c), c.req.valid('param').expoId), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/expos/{expoId}',
      tags: ['Expos'],
      // Public by the contract: said so in the OpenAPI document (no bearer).
      security: [],
      summary: 'The floor plan without a token: every slot’s status, the same for everyone',
      description: `Cached publicly for ${PUBLIC_FLOOR_PLAN_MAX_AGE_S} s: a rush of visitors is answered by caches, not the table. Nothing is \`mine\`; a signed-in firm finds its own claims in GET /v1/bookings.`,
      request: { params: ExpoParams },
      responses: { 200: json(FloorPlanView, 'The floor plan.'), ...problems(404) },
    }),
    async (c) => {
      const plan = await expos.publicFloorPlan(c.req.valid('param').expoId);
      c.header('Cache-Control', `public, max-age=${PUBLIC_FLOOR_PLAN_MAX_AGE_S}`);
      return c.json(plan, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/expos/{expoId}/stats',
      tags: ['Expos'],
      summary:
        'Occupancy per pavilion (booked area ÷ slot area) and revenue by currency (the park’s operator)',
      ...secured('operator', 'expoOperator'),
      request: { params: ExpoParams },
      responses: { 200: json(ExpoStatsView, 'Occupancy and revenue.'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await expos.stats(callerOf(c), c.req.valid('param').expoId), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/expos/{expoId}/bookings',
      tags: ['Bookings'],
      summary: 'Every booking of an expo, newest first, with filters (the park’s operator)',
      description: '`status=held` lists live holds only; `status=expired` includes holds past their expiry.',
      ...secured('operator', 'expoOperator'),
      request: { params: ExpoParams, query: ExpoBookingsQuery },
      responses: { 200: json(pageOf(BookingView), 'A page of bookings.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const page = await bookings.listForExpo(callerOf(c), c.req.valid('param').expoId, filter, {
        limit,
        cursor,
      });
      return c.json(publicPage(page), 200);
    },
  );

  return router;
}
