import { requireOrg } from '@parkbridge/domain/core';
import { requireExpoOperator } from '@parkbridge/domain/expos';
import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import type { Subjects } from '../../http/subjects';
import { bookingRoutes } from './bookings.routes';
import { expoCatalogRoutes } from './expos.routes';
import { recommendationRoutes } from './recommendations.routes';
import { slotEditRoutes } from './slot-edit.routes';
import { slotRoutes } from './slots.routes';

/** The expos context's routes, mounted under /v1. */
export function expoRoutes(app: Container) {
  const router = createRouter();
  router.route('/', expoCatalogRoutes(app));
  router.route('/', slotRoutes(app));
  router.route('/', slotEditRoutes(app));
  router.route('/', bookingRoutes(app));
  router.route('/', recommendationRoutes(app));
  return router;
}

/**
 * Expos, pavilions and slots are public, arranged by their park's operator; a booking is seen by
 * its organisation and the park's operator, and submitted by its organisation.
 */
expoRoutes.subjects = (app: Container): Partial<Subjects> => ({
  seen: {
    expoId: (_caller, { expoId = '' }) => app.expos.expos.get(expoId),
    pavilionId: (_caller, { pavilionId = '' }) => app.expos.expos.getPavilion(pavilionId),
    slotId: (_caller, { slotId = '' }) => app.expos.expos.getSlot(slotId),
    bookingId: (caller, { bookingId = '' }) => app.expos.bookings.get(caller, bookingId),
  },
  stances: {
    expoOperator: async (caller, { expoId = '' }) =>
      requireExpoOperator(await app.expos.expos.get(expoId), requireOrg(caller).orgId),
    pavilionOperator: async (caller, { pavilionId = '' }) =>
      app.parks.requireOperated(
        requireOrg(caller).orgId,
        (await app.expos.expos.getPavilion(pavilionId)).parkId,
      ),
    slotOperator: (caller, { slotId = '' }) => app.expos.slotEdits.requireOperated(caller, slotId),
    ownBooking: (caller, { bookingId = '' }) => app.expos.bookings.requireOwn(caller, bookingId),
  },
});
