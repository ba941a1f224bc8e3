import type { Container } from '@parkbridge/runtime';
import { supplierDirectoryConsumer } from './discovery/supplier-directory.consumer';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** Finding things: the supplier directory's entries, rebuilt as firms change. */
export function discoveryJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [supplierDirectoryConsumer(app)], schedules: [] };
}
