import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { EnvName } from '@parkbridge/config';
import { allJobs } from '@parkbridge/jobs';
import { CONTEXT_BUILDERS } from '@parkbridge/runtime';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { instrument, logger, metrics } from '../shared/observability';
import { processWithConsumers } from './process-batch';
import { selectConsumers } from './select-consumer';

/**
 * A reader of the table's stream running the consumers infra assigned to it, by name. Failed
 * records are reported as batch-item failures, so the event source retries from the first failure
 * (bisecting on error) and sends what never succeeds to its dead-letter queue.
 */
const runtime = await createLambdaRuntime(CONTEXT_BUILDERS);
const consumers = selectConsumers(allJobs(runtime.container).consumers, process.env[EnvName.streamConsumers]);

export const handler = instrument<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event) => {
  const { response, outcomes } = await processWithConsumers(
    consumers,
    event.Records,
    (consumer, err, record) =>
      logger.error('Stream record failed', {
        consumer,
        eventID: record.eventID,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: err as Error,
      }),
  );
  metrics.addMetric('StreamRecords', MetricUnit.Count, event.Records.length);
  metrics.addMetric('StreamRecordsFailed', MetricUnit.Count, response.batchItemFailures.length);
  for (const { consumer, failedAt } of outcomes) {
    if (failedAt < 0) continue;
    const single = metrics.singleMetric();
    single.addDimension('consumer', consumer);
    single.addMetric('ConsumerFailures', MetricUnit.Count, 1);
  }
  return response;
});
