import type { Container } from '@parkbridge/runtime';
import { amendmentsConsumer, matchingConsumer } from './market';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/**
 * The market context's stream consumers: matching, and the amendment hooks. Nothing here runs on
 * a timer: closing needs at their deadline is the bidding context's, and matching reacts to it.
 */
export function marketJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return {
    consumers: [matchingConsumer(app.market.matching), amendmentsConsumer(app.market.amendments)],
    schedules: [],
  };
}
