import type { Container } from '@parkbridge/runtime';
import { holdExpirySweeper } from './expos/hold-expiry.job';
import { waitlistOfferConsumer } from './expos/waitlist-offer.consumer';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The expos context's jobs: the hold-expiry sweeper and the waitlist offers. Neither is needed for correctness. */
export function exposJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [waitlistOfferConsumer(app)], schedules: [holdExpirySweeper(app)] };
}
