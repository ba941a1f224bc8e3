import type { Container } from '@parkbridge/runtime';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The expos context's stream consumers and scheduled jobs. Filled in by the expos work. */
export function exposJobs(_app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [], schedules: [] };
}
