import { createRoute } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import { PublicFirm, PublicPark, PublicParkSummary } from '@parkbridge/domain/discovery';
import type { Container } from '@parkbridge/runtime';
import type { Context } from 'hono';
import { createRouter, json, pageOf, problems } from '../../http/openapi';
import { ParkListQuery, ParkParams } from '../parks/parks.routes';

/**
 * Shared caches (a CDN, a browser) may keep a public answer a minute and serve it stale for five
 * while they fetch it again: the counts are the chain map's, which move seconds after a change.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

const cacheable = (c: Context) => c.header('Cache-Control', PUBLIC_CACHE_CONTROL);

/** What anyone may see without a token (workflow 11): no security requirement, no role. */
export function publicRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/parks',
      operationId: 'listPublicParks',
      tags: ['Public'],
      // Public by the contract: said so in the OpenAPI document (no bearer).
      security: [],
      summary: 'The park directory (no token)',
      request: { query: ParkListQuery },
      responses: {
        200: json(pageOf(PublicParkSummary), 'A page of parks, as anyone may see them.'),
        ...problems(400),
      },
    }),
    async (c) => {
      const { limit, cursor, country } = c.req.valid('query');
      const page = await app.discovery.publicParks.list({ limit, cursor }, { country });
      cacheable(c);
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/parks/{parkId}',
      operationId: 'getPublicPark',
      tags: ['Public'],
      // Public by the contract: said so in the OpenAPI document (no bearer).
      security: [],
      summary: 'A park’s public page: its sectors, counts and open expos (no token)',
      request: { params: ParkParams },
      responses: { 200: json(PublicPark, 'The park, as anyone may see it.'), ...problems(404) },
    }),
    async (c) => {
      const park = await app.discovery.publicParks.get(c.req.valid('param').parkId);
      cacheable(c);
      return c.json(park, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/parks/{parkId}/firms',
      operationId: 'listPublicParkFirms',
      tags: ['Public'],
      // Public by the contract: said so in the OpenAPI document (no bearer).
      security: [],
      summary: 'The park’s member firms that chose to be shown (no token)',
      description:
        'Approved, unsuspended members whose organisation set `publicProfile`. A page may hold fewer than `limit` firms: members that did not opt in are skipped.',
      request: { params: ParkParams, query: PageQuery },
      responses: { 200: json(pageOf(PublicFirm), 'A page of firms.'), ...problems(400, 404) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await app.discovery.publicParks.firms(c.req.valid('param').parkId, { limit, cursor });
      cacheable(c);
      return c.json(page, 200);
    },
  );

  return router;
}
