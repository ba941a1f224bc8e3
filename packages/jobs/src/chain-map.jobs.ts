import type { Container } from '@parkbridge/runtime';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The chain-map context's stream consumers and scheduled jobs. Filled in by the chain-map work. */
export function chainMapJobs(_app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [], schedules: [] };
}
