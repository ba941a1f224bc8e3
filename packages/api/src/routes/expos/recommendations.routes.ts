import { createRoute, z } from '@hono/zod-openapi';
import { Recommendations } from '@parkbridge/domain/recommendations';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, problems, secured } from '../../http/openapi';

const RecommendationsView = Recommendations.meta({ id: 'PavilionRecommendations' });

export function recommendationRoutes(app: Container) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/pavilion-recommendations',
      tags: ['Expos'],
      summary:
        'Pavilions (for a supplier) and booked booths (for a tenant) of an expo, ranked for the caller, with reasons',
      description:
        'A supplier gets the pavilions whose themes meet its listings’ categories, ranked by the open needs (and the number of tenants asking) of the park in those categories. A tenant gets the booked booths of suppliers the market matched to its open needs, best match first.',
      ...secured('tenant', 'supplier'),
      request: { query: z.object({ expoId: z.string().min(1).max(64) }) },
      responses: { 200: json(RecommendationsView, 'The recommendations.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(await app.expos.recommendations.forCaller(callerOf(c), c.req.valid('query').expoId), 200),
  );
  return router;
}
