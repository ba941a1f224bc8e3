import type { Container } from '@parkbridge/runtime';
import { mailPlanConsumer } from './mail/plan.consumer';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/** The mail context's part of allJobs(): planning emails from notifications (sending is mailDispatchJob). */
export function mailJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  return { consumers: [mailPlanConsumer(app.mail)], schedules: [] };
}
