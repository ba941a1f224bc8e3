import { createRoute, z } from '@hono/zod-openapi';
import { ChainMap, chainMapCsv, EdgePage, PeriodKey } from '@parkbridge/domain/chain-map';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, problems, secured } from '../../http/openapi';

const MapParams = z.object({ parkId: z.string().min(1).max(64) });
const MapQuery = z.strictObject({
  period: PeriodKey.optional().openapi({
    description:
      'A month (2025-04), quarter (2025-Q2) or year (2025) in the park’s time zone; default: the current quarter.',
  }),
});
const EdgeQuery = z.strictObject({
  period: PeriodKey.optional(),
  kind: z.enum(['declared', 'awarded']),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z.string().min(1).max(2048).optional(),
});

export function chainMapRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}/chain-map',
      tags: ['Chain map'],
      summary: 'The park’s production-chain map (its operator)',
      description:
        'Tenants and their suppliers, declared and awarded supply links, local sourcing per currency, gaps, idle capacity and the trend against the previous period. Definitions: docs/chain-map.md.',
      ...secured('operator', 'parkOperator'),
      request: { params: MapParams, query: MapQuery },
      responses: { 200: json(ChainMap, 'The map.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { parkId } = c.req.valid('param');
      const map = await app.chainMap.maps.map(callerOf(c), parkId, c.req.valid('query').period);
      c.header('Cache-Control', 'private, no-store');
      return c.json(map, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}/chain-map/edges',
      tags: ['Chain map'],
      summary: 'A further page of the map’s declared or awarded supply links (its operator)',
      ...secured('operator', 'parkOperator'),
      request: { params: MapParams, query: EdgeQuery },
      responses: {
        200: json(EdgePage, 'A page of edges, with the nodes they touch.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { parkId } = c.req.valid('param');
      const { period, kind, limit, cursor } = c.req.valid('query');
      const page = await app.chainMap.maps.edges(callerOf(c), parkId, kind, period, { limit, cursor });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/parks/{parkId}/chain-map.csv',
      tags: ['Chain map'],
      summary: 'The map as CSV (its operator)',
      description:
        'UTF-8 with a byte-order mark: one row per edge (every page), then a section per figure: local sourcing by currency and by unit, gaps, idle capacity, trend.',
      ...secured('operator', 'parkOperator'),
      request: { params: MapParams, query: MapQuery },
      responses: {
        200: { description: 'The map as CSV.', content: { 'text/csv': { schema: z.string() } } },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { parkId } = c.req.valid('param');
      const { map, rest } = await app.chainMap.maps.export(callerOf(c), parkId, c.req.valid('query').period);
      let text = '';
      for await (const part of chainMapCsv(map, rest)) text += part;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="chain-map-${parkId}-${map.period.key}.csv"`);
      c.header('Cache-Control', 'private, no-store');
      return c.body(text, 200);
    },
  );

  return router;
}
