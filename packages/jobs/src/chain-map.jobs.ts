import type { Container } from '@parkbridge/runtime';
import { chainMapConsumer } from './chain-map';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The chain-map context's stream consumer (`chain-map`); it runs nothing on a timer. */
export function chainMapJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [chainMapConsumer(app.chainMap.updater)], schedules: [] };
}
