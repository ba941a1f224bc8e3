import type { Container } from '@parkbridge/runtime';
import { exhibitorProfileConsumer } from './expos/exhibitor-profile.consumer';
import { holdExpirySweeper } from './expos/hold-expiry.job';
import { waitlistOfferConsumer } from './expos/waitlist-offer.consumer';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/**
 * The expos context's jobs: the hold-expiry sweeper and the waitlist offers (neither is needed for
 * correctness), and the exhibitor profiles copied onto booked claims for the floor plan.
 */
export function exposJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return {
    consumers: [waitlistOfferConsumer(app), exhibitorProfileConsumer(app)],
    schedules: [holdExpirySweeper(app)],
  };
}
