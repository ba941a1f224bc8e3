import { createRoute, z } from '@hono/zod-openapi';
import { CancelInput, DecisionInput, SubmitInput } from '@parkbridge/domain/bookings';
import { PageQuery } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, jsonBody, pageOf, problems, secured } from '../../http/openapi';
import { publicPage, withEtag } from '../../http/respond';
import { BookingParams, BookingView } from './schemas';

export function bookingRoutes(app: Container) {
  const router = createRouter();
  const { bookings } = app.expos;

  router.openapi(
    createRoute({
      method: 'get',
      path: '/bookings',
      tags: ['Bookings'],
      summary: 'Your organisation’s bookings, newest first',
      ...secured(),
      request: { query: PageQuery.extend({ mine: z.enum(['true']).optional() }) },
      responses: { 200: json(pageOf(BookingView), 'A page of bookings.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await bookings.listMine(callerOf(c), { limit, cursor });
      return c.json(publicPage(page), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/bookings/{bookingId}',
      tags: ['Bookings'],
      summary: 'Read a booking (its organisation, or the park’s operator)',
      ...secured(),
      request: { params: BookingParams },
      responses: { 200: json(BookingView, 'The booking.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const booking = await bookings.get(callerOf(c), c.req.valid('param').bookingId);
      return c.json(withEtag(c, booking), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/bookings/{bookingId}/submit',
      tags: ['Bookings'],
      summary: 'Submit a hold for the operator’s approval, before it expires',
      ...secured('ownBooking', 'seller'),
      request: { params: BookingParams, body: jsonBody(SubmitInput) },
      responses: {
        200: json(BookingView, 'The requested booking.'),
        ...problems(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const booking = await bookings.submit(callerOf(c), c.req.valid('param').bookingId, c.req.valid('json'));
      return c.json(withEtag(c, booking), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/bookings/{bookingId}/approve',
      tags: ['Bookings'],
      summary: 'Approve a requested booking (the park’s operator); a racing second decision gets 409',
      ...secured('operator', 'staff'),
      request: { params: BookingParams },
      responses: { 200: json(BookingView, 'The confirmed booking.'), ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const booking = await bookings.decide(callerOf(c), c.req.valid('param').bookingId, 'confirmed');
      return c.json(withEtag(c, booking), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/bookings/{bookingId}/reject',
      tags: ['Bookings'],
      summary:
        'Reject a requested booking with a reason (the park’s operator); the slot goes to its waitlist',
      ...secured('operator', 'staff'),
      request: { params: BookingParams, body: jsonBody(DecisionInput) },
      responses: { 200: json(BookingView, 'The rejected booking.'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { reason } = c.req.valid('json');
      const booking = await bookings.decide(callerOf(c), c.req.valid('param').bookingId, 'rejected', reason);
      return c.json(withEtag(c, booking), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/bookings/{bookingId}/cancel',
      tags: ['Bookings'],
      summary: 'Cancel a booking (its organisation, or the park’s operator); the slot goes to its waitlist',
      ...secured('seller', 'staff'),
      request: {
        params: BookingParams,
        body: { required: false, content: { 'application/json': { schema: CancelInput } } },
      },
      responses: { 200: json(BookingView, 'The cancelled booking.'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const body = (await c.req.text()) ? c.req.valid('json') : {};
      const booking = await bookings.cancel(callerOf(c), c.req.valid('param').bookingId, body.reason);
      return c.json(withEtag(c, booking), 200);
    },
  );

  return router;
}
