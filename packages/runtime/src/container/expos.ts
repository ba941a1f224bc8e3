import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoBookingRepository, DynamoWaitlistRepository } from '@parkbridge/db/bookings';
import { DynamoExpoRepository } from '@parkbridge/db/expos';
import { BookingService, WaitlistService } from '@parkbridge/domain/bookings';
import { ExpoService } from '@parkbridge/domain/expos';
import type { CoreContext } from './core';

/** Expos, pavilions, slots, bookings and waitlists (`app.expos`). */
export function createExposContext(db: Db, rules: Rules, core: CoreContext) {
  const repos = {
    expos: new DynamoExpoRepository(db),
    bookings: new DynamoBookingRepository(db),
    waitlists: new DynamoWaitlistRepository(db),
  };
  const expos = new ExpoService(repos.expos, core.parks, core.repos.orgs, db.clock);
  const bookings = new BookingService(
    repos.bookings,
    repos.expos,
    repos.waitlists,
    core.repos.parks,
    db.clock,
    rules,
  );
  const waitlists = new WaitlistService(
    repos.waitlists,
    repos.bookings,
    repos.expos,
    core.repos.memberships,
    bookings,
    db.clock,
  );
  return { repos, expos, bookings, waitlists };
}
