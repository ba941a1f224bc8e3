import type { Container } from '@parkbridge/runtime';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The bidding context's stream consumers and scheduled jobs. Filled in by the bidding work. */
export function biddingJobs(_app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [], schedules: [] };
}
