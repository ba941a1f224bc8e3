import { createRoute } from '@hono/zod-openapi';
import { etagOf, publicView } from '@parkbridge/domain/core';
import { ListingInput, ListingPatch } from '@parkbridge/domain/listings';
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
import { ListingListQuery, ListingParams, ListingView } from './market.schemas';

export function listingRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/listings',
      tags: ['Listings'],
      summary: 'Publish a product, service or idle capacity (supplier)',
      ...securedCreate(app.repos.idempotency, 'supplier', 'seller'),
      request: { headers: IdempotencyHeader, body: jsonBody(ListingInput) },
      responses: {
        201: json(ListingView, 'The active listing.'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const listing = await app.market.listings.create(callerOf(c), c.req.valid('json'));
      c.header('ETag', etagOf(listing));
      c.header('Location', `/v1/listings/${listing.listingId}`);
      return c.json(publicView(listing), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/listings',
      tags: ['Listings'],
      summary: 'Search active listings by category, park, kind and free text, or list your own',
      ...secured(),
      request: { query: ListingListQuery },
      responses: { 200: json(pageOf(ListingView), 'A page of listings.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const page = await app.market.listings.list(callerOf(c), filter, { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/listings/{listingId}',
      tags: ['Listings'],
      summary: 'Read a listing',
      ...secured(),
      request: { params: ListingParams },
      responses: { 200: json(ListingView, 'The listing.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const listing = await app.market.listings.get(callerOf(c), c.req.valid('param').listingId);
      return c.json(withEtag(c, listing), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/listings/{listingId}',
      tags: ['Listings'],
      summary: 'Change your listing, or pause and resume it (status)',
      ...secured('supplier', 'ownListing', 'seller'),
      request: { params: ListingParams, headers: IfMatchHeader, body: jsonBody(ListingPatch) },
      responses: {
        200: json(ListingView, 'The listing as changed.'),
        ...problems(400, 401, 403, 404, 412, 413, 422),
      },
    }),
    async (c) => {
      const listing = await app.market.listings.update(
        callerOf(c),
        c.req.valid('param').listingId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, listing), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/listings/{listingId}',
      tags: ['Listings'],
      summary: 'Withdraw your listing: it leaves search and matching at once',
      ...secured('supplier', 'ownListing', 'seller'),
      request: { params: ListingParams, headers: IfMatchHeader },
      responses: { 204: { description: 'Withdrawn.' }, ...problems(401, 403, 404, 412) },
    }),
    async (c) => {
      await app.market.listings.withdraw(callerOf(c), c.req.valid('param').listingId, expectedVersion(c));
      return c.body(null, 204);
    },
  );

  return router;
}
