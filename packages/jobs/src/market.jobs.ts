import type { Container } from '@parkbridge/runtime';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The market context's stream consumers and scheduled jobs. Filled in by the market work. */
export function marketJobs(_app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [], schedules: [] };
}
