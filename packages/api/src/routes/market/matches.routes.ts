import { createRoute } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';
import { InboxItemView, MatchView, NeedParams } from './market.schemas';

export function matchRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{needId}/matches',
      tags: ['Matching'],
      summary: 'Suppliers ranked for your need, with the reasons for each score (owner)',
      ...secured('ownNeed'),
      request: { params: NeedParams, query: PageQuery },
      responses: {
        200: json(pageOf(MatchView), 'A page of matches, best first.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const page = await app.market.matches.forNeed(
        callerOf(c),
        c.req.valid('param').needId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/matches',
      tags: ['Matching'],
      summary: 'Your inbox: open needs that match your listings, best first (supplier)',
      ...secured('supplier'),
      request: { query: PageQuery },
      responses: {
        200: json(pageOf(InboxItemView), 'A page of matching open needs.'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => c.json(await app.market.matches.inbox(callerOf(c), c.req.valid('query')), 200),
  );

  return router;
}
