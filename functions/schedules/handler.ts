import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { allJobs } from '@parkbridge/jobs';
import { CONTEXT_BUILDERS } from '@parkbridge/runtime';
import { z } from 'zod';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { CorrelationPath, instrument, logger, metrics } from '../shared/observability';

/** What each EventBridge Scheduler schedule sends (infra writes it as the target's input). */
export const ScheduleEvent = z.object({
  job: z.string().min(1),
  scheduledTime: z.string().optional(),
  executionId: z.string().optional(),
});
export type ScheduleEvent = z.infer<typeof ScheduleEvent>;

/**
 * Runs one ScheduledJob by name (close-needs, expire-holds, ...) at the server's time. The jobs
 * are idempotent and correctness never depends on them running; a failure is retried by Lambda's
 * async invocation and then parked in the dead-letter queue.
 */
const runtime = await createLambdaRuntime(CONTEXT_BUILDERS);
const jobs = allJobs(runtime.container).schedules;

export const handler = instrument<unknown, { job: string; processed: number }>(
  async (raw) => {
    const event = ScheduleEvent.parse(raw);
    const job = jobs.find((j) => j.name === event.job);
    if (!job) {
      const known = jobs.map((j) => j.name).join(', ') || 'none';
      throw new Error(`No scheduled job named "${event.job}" in allJobs() (known: ${known}).`);
    }
    const { processed } = await job.run(runtime.db.clock.now());
    metrics.addDimension('job', job.name);
    metrics.addMetric('JobItemsProcessed', MetricUnit.Count, processed);
    logger.info('Scheduled job ran', { job: job.name, processed, scheduledTime: event.scheduledTime });
    return { job: job.name, processed };
  },
  { correlationIdPath: CorrelationPath.schedule },
);
