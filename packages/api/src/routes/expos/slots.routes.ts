import { createRoute } from '@hono/zod-openapi';
import { HoldInput } from '@parkbridge/domain/bookings';
import { etagOf, publicView } from '@parkbridge/domain/core';
import { SlotInput } from '@parkbridge/domain/expos';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  jsonBody,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { withEtag } from '../../http/respond';
import {
  BookingView,
  PavilionParams,
  SliceQuery,
  SlotParams,
  SlotView,
  WaitlistPlaceView,
  WaitlistPositionView,
} from './schemas';

const optionalBody = <T extends typeof HoldInput>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

export function slotRoutes(app: Container) {
  const router = createRouter();
  const { expos, bookings, waitlists } = app.expos;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/pavilions/{pavilionId}/slots',
      tags: ['Expos'],
      summary: 'Add a slot (booth) to a pavilion’s floor (the park’s operator)',
      description:
        'The rectangle must lie on the floor and overlap no other slot (409 `slot.overlaps`). `slices` cuts the slot into time slices (days of the expo, or mentorship and pitch sessions), each booked on its own.',
      ...securedCreate(app.repos.idempotency, 'operator', 'pavilionOperator', 'staff'),
      request: { params: PavilionParams, headers: IdempotencyHeader, body: jsonBody(SlotInput) },
      responses: { 201: json(SlotView, 'The new slot.'), ...problems(400, 401, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const slot = await expos.addSlot(callerOf(c), c.req.valid('param').pavilionId, c.req.valid('json'));
      c.header('ETag', etagOf(slot));
      c.header('Location', `/v1/slots/${slot.slotId}`);
      return c.json(publicView(slot), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/slots/{slotId}',
      tags: ['Expos'],
      summary: 'Read a slot’s definition (its status is on the floor plan)',
      ...secured('signedIn'),
      request: { params: SlotParams },
      responses: { 200: json(SlotView, 'The slot.'), ...problems(401, 404) },
    }),
    async (c) => {
      const slot = await expos.getSlot(c.req.valid('param').slotId);
      return c.json(withEtag(c, slot), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/slots/{slotId}/hold',
      tags: ['Bookings'],
      summary: 'Hold a free slot (or one of its time slices) for your organisation',
      description:
        'The hold lasts PARKBRIDGE_HOLD_TTL_S; submit it before then. It carries the slot’s price (and area and code) as they are when it lands: an operator’s edit landing while the hold is placed is met by one retry at the new terms. 409 `slot.taken` when the slot is not available; 409 `slot.changed` when the slot was edited again during that retry (look at it again); 422 `booking.hold_limit` past the per-organisation limit.',
      ...securedCreate(app.repos.idempotency, 'tenant', 'supplier', 'seller'),
      request: { params: SlotParams, headers: IdempotencyHeader, body: optionalBody(HoldInput) },
      responses: { 201: json(BookingView, 'The hold.'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const body = (await c.req.text()) ? c.req.valid('json') : {};
      const booking = await bookings.hold(callerOf(c), c.req.valid('param').slotId, body.sliceId);
      c.header('ETag', etagOf(booking));
      c.header('Location', `/v1/bookings/${booking.bookingId}`);
      return c.json(publicView(booking), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/slots/{slotId}/waitlist',
      tags: ['Bookings'],
      summary: 'Join a taken slot’s waitlist',
      description:
        'Members of the expo’s park wait ahead of outside firms, then in order of joining. When the slot frees, the first waiting organisation is offered it as a hold of its own.',
      ...securedCreate(app.repos.idempotency, 'tenant', 'supplier', 'seller'),
      request: { params: SlotParams, headers: IdempotencyHeader, body: optionalBody(HoldInput) },
      responses: { 201: json(WaitlistPlaceView, 'Your place.'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const body = (await c.req.text()) ? c.req.valid('json') : {};
      const place = await waitlists.join(callerOf(c), c.req.valid('param').slotId, body.sliceId);
      return c.json(publicView(place), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/slots/{slotId}/waitlist',
      tags: ['Bookings'],
      summary: 'Your place on a slot’s waitlist and its position (1 = next)',
      ...secured('tenant', 'supplier'),
      request: { params: SlotParams, query: SliceQuery },
      responses: { 200: json(WaitlistPositionView, 'Your place.'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { place, position } = await waitlists.mine(
        callerOf(c),
        c.req.valid('param').slotId,
        c.req.valid('query').sliceId,
      );
      return c.json({ place: publicView(place), position }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/slots/{slotId}/waitlist',
      tags: ['Bookings'],
      summary: 'Leave a slot’s waitlist',
      ...secured('tenant', 'supplier', 'seller'),
      request: { params: SlotParams, query: SliceQuery },
      responses: { 200: json(WaitlistPlaceView, 'Your place, left.'), ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const place = await waitlists.leave(
        callerOf(c),
        c.req.valid('param').slotId,
        c.req.valid('query').sliceId,
      );
      return c.json(publicView(place), 200);
    },
  );

  return router;
}
