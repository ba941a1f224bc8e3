import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { EnvName } from '@parkbridge/config';
import { allJobs, processStreamBatch } from '@parkbridge/jobs';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { instrument, logger, metrics } from '../shared/observability';
import { selectConsumer } from './select-consumer';

/**
 * One stream consumer per function (matching, chain-map, notifications, ...), chosen by name, fed by
 * the table's stream. Failed records are reported as batch-item failures, so the event source
 * retries from the first failure (bisecting on error) and sends what never succeeds to its DLQ.
 */
const runtime = await createLambdaRuntime();
const consumer = selectConsumer(allJobs(runtime.container).consumers, process.env[EnvName.streamConsumer]);

export const handler = instrument<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event) => {
  const result = await processStreamBatch(consumer, event.Records, (err, record) =>
    logger.error('Stream record failed', {
      consumer: consumer.name,
      eventID: record.eventID,
      sequenceNumber: record.dynamodb?.SequenceNumber,
      error: err as Error,
    }),
  );
  metrics.addMetric('StreamRecords', MetricUnit.Count, event.Records.length);
  metrics.addMetric('StreamRecordsFailed', MetricUnit.Count, result.batchItemFailures.length);
  return result;
});
