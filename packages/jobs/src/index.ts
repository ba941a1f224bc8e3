import type { Container } from '@parkbridge/runtime';
import { biddingJobs } from './bidding.jobs';
import { chainMapJobs } from './chain-map.jobs';
import { discoveryJobs } from './discovery.jobs';
import { exposJobs } from './expos.jobs';
import { mailJobs } from './mail.jobs';
import { marketJobs } from './market.jobs';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

export { mailDispatchJob } from './mail/dispatch.job';
export type { ScheduledJob } from './schedules/job';
export { type Change, toChange, typeOf } from './stream/change';
export { processStreamBatch, type StreamConsumer } from './stream/consumer';

/** Every consumer and schedule, by name: the Lambda entries pick theirs, the local server runs all. */
export function allJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  const parts = [
    marketJobs(app),
    biddingJobs(app),
    exposJobs(app),
    chainMapJobs(app),
    mailJobs(app),
    discoveryJobs(app),
  ];
  return { consumers: parts.flatMap((p) => p.consumers), schedules: parts.flatMap((p) => p.schedules) };
}
