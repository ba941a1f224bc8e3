import { createRoute, z } from '@hono/zod-openapi';
import { etagOf, PageQuery, publicView } from '@parkbridge/domain/core';
import { Park, ParkInput, ParkPatch } from '@parkbridge/domain/parks';
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

const ParkView = Park.meta({ id: 'Park' });
export const ParkParams = z.object({ parkId: z.string().min(1).max(64) });
export const ParkListQuery = PageQuery.extend({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export function parkRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks',
      operationId: 'listParks',
      tags: ['Parks'],
      summary: 'List parks',
      ...secured('signedIn'),
      request: { query: ParkListQuery },
      responses: { 200: json(pageOf(ParkView), 'A page of parks.'), ...problems(400, 401) },
    }),
    async (c) => {
      const { limit, cursor, country } = c.req.valid('query');
      const page = await app.parks.list({ limit, cursor }, { country });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}',
      operationId: 'getPark',
      tags: ['Parks'],
      summary: 'Read a park',
      ...secured('signedIn'),
      request: { params: ParkParams },
      responses: { 200: json(ParkView, 'The park.'), ...problems(401, 404) },
    }),
    async (c) => {
      const park = await app.parks.get(c.req.valid('param').parkId);
      return c.json(withEtag(c, park), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/parks',
      operationId: 'createPark',
      tags: ['Parks'],
      summary: 'Create a park (operator)',
      ...securedCreate(app.repos.idempotency, 'operator', 'staff'),
      request: { headers: IdempotencyHeader, body: jsonBody(ParkInput) },
      responses: { 201: json(ParkView, 'The new park.'), ...problems(400, 401, 403, 409, 413, 422) },
    }),
    async (c) => {
      const park = await app.parks.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(park));
      c.header('Location', `/v1/parks/${park.parkId}`);
      return c.json(publicView(park), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/parks/{parkId}',
      operationId: 'updatePark',
      tags: ['Parks'],
      summary: 'Change a park (its operator)',
      ...secured('operator', 'parkOperator', 'staff'),
      request: { params: ParkParams, headers: IfMatchHeader, body: jsonBody(ParkPatch) },
      responses: { 200: json(ParkView, 'The park as changed.'), ...problems(400, 401, 403, 404, 412, 413) },
    }),
    async (c) => {
      const park = await app.parks.update(
        callerOf(c),
        c.req.valid('param').parkId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, park), 200);
    },
  );

  return router;
}
