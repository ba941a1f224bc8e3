import { createRoute } from '@hono/zod-openapi';
import { ChainCreate, ChainPatch } from '@parkbridge/domain/chains';
import { etagOf, publicView } from '@parkbridge/domain/core';
import { NeedFromInput } from '@parkbridge/domain/needs';
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
import { ChainInputParams, ChainListQuery, ChainParams, ChainView, NeedView } from './market.schemas';

export function chainRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/chains',
      tags: ['Production chains'],
      summary: 'Declare a production chain: what you make and the inputs you buy per period (tenant)',
      ...securedCreate(app.repos.idempotency, 'tenant', 'buyer'),
      request: { headers: IdempotencyHeader, body: jsonBody(ChainCreate) },
      responses: {
        201: json(ChainView, 'The chain, each input with its id.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const chain = await app.market.chains.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(chain));
      c.header('Location', `/v1/chains/${chain.chainId}`);
      return c.json(publicView(chain), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/chains',
      tags: ['Production chains'],
      summary: "Your organisation's chains, or a park's (its operator)",
      ...secured(),
      request: { query: ChainListQuery },
      responses: { 200: json(pageOf(ChainView), 'A page of chains.'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { limit, cursor, parkId } = c.req.valid('query');
      const page = await app.market.chains.list(callerOf(c), { parkId }, { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/chains/{chainId}',
      tags: ['Production chains'],
      summary: 'Read a chain (its owner, or the operator of its park)',
      ...secured(),
      request: { params: ChainParams },
      responses: { 200: json(ChainView, 'The chain.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const chain = await app.market.chains.get(callerOf(c), c.req.valid('param').chainId);
      return c.json(withEtag(c, chain), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/chains/{chainId}',
      tags: ['Production chains'],
      summary: 'Change the output or replace the inputs (an input keeps its id when you send it back)',
      ...secured('tenant', 'ownChain', 'buyer'),
      request: { params: ChainParams, headers: IfMatchHeader, body: jsonBody(ChainPatch) },
      responses: {
        200: json(ChainView, 'The chain as changed.'),
        ...problems(400, 401, 403, 404, 409, 412, 413),
      },
    }),
    async (c) => {
      const chain = await app.market.chains.update(
        callerOf(c),
        c.req.valid('param').chainId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, chain), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/chains/{chainId}/inputs/{inputId}/need',
      tags: ['Production chains', 'Needs'],
      summary: 'Turn a chain input into a need in one call (a draft, or open with publish: true)',
      ...securedCreate(app.repos.idempotency, 'tenant', 'ownChain', 'buyer'),
      request: { params: ChainInputParams, headers: IdempotencyHeader, body: jsonBody(NeedFromInput) },
      responses: {
        201: json(NeedView, 'The need, remembering the input it came from.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const { chainId, inputId } = c.req.valid('param');
      const need = await app.market.needs.createFromChainInput(
        callerOf(c),
        chainId,
        inputId,
        c.req.valid('json'),
      );
      c.header('ETag', etagOf(need));
      c.header('Location', `/v1/needs/${need.needId}`);
      return c.json(publicView(need), 201);
    },
  );

  return router;
}
