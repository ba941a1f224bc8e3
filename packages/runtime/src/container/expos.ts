import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoBookingRepository, DynamoWaitlistRepository } from '@parkbridge/db/bookings';
import { DynamoExpoRepository, DynamoSlotEditRepository } from '@parkbridge/db/expos';
import { DynamoListingRepository } from '@parkbridge/db/listings';
import { DynamoMatchRepository, DynamoSupplyDemandReader } from '@parkbridge/db/matching';
import { BookingService, WaitlistService } from '@parkbridge/domain/bookings';
import { ExpoService, SlotEditService } from '@parkbridge/domain/expos';
import { MarketReaders, RecommendationService } from '@parkbridge/domain/recommendations';
import type { CoreContext } from './core';

/** Expos, pavilions, slots, bookings, waitlists and pavilion recommendations (`app.expos`). */
export function createExposContext(db: Db, rules: Rules, core: CoreContext) {
  const repos = {
    expos: new DynamoExpoRepository(db),
    bookings: new DynamoBookingRepository(db),
    waitlists: new DynamoWaitlistRepository(db),
  };
  // The market's repositories, read-only here: matches for recommendations, and the ownership of
  // the listings an exhibitor shows at its booth; supply and demand are read by key, per division.
  const market = new MarketReaders(new DynamoListingRepository(db), new DynamoMatchRepository(db));
  const expos = new ExpoService(repos.expos, core.parks, db.clock);
  const bookings = new BookingService(
    repos.bookings,
    repos.expos,
    repos.waitlists,
    core.repos.parks,
    db.clock,
    rules,
    market,
    core.repos.orgs,
    core.quotas,
  );
  const waitlists = new WaitlistService(
    repos.waitlists,
    repos.bookings,
    repos.expos,
    core.repos.memberships,
    bookings,
    db.clock,
    core.quotas,
  );
  const recommendations = new RecommendationService(
    repos.expos,
    new DynamoSupplyDemandReader(db),
    market,
    db.clock,
  );
  const slotEdits = new SlotEditService(
    new DynamoSlotEditRepository(db),
    repos.expos,
    core.repos.parks,
    db.clock,
  );
  return { repos, expos, bookings, waitlists, recommendations, slotEdits };
}
