import { processStreamBatch, type StreamConsumer } from '@parkbridge/jobs';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';

export interface ConsumerOutcome {
  consumer: string;
  /** Index of the first record the consumer could not handle; -1 when it handled them all. */
  failedAt: number;
}

/**
 * Several consumers share one stream function (DynamoDB allows two readers per shard). Each runs
 * over the whole batch on its own, so one consumer's failure never holds another back; the batch
 * is then reported failed from the earliest record any consumer failed on. The redelivery reaches
 * every consumer again, which is safe because consumers are idempotent.
 */
export async function processWithConsumers(
  consumers: readonly StreamConsumer[],
  records: DynamoDBRecord[],
  onError: (consumer: string, err: unknown, record: DynamoDBRecord) => void,
): Promise<{ response: DynamoDBBatchResponse; outcomes: ConsumerOutcome[] }> {
  const idOf = (r: DynamoDBRecord) => r.dynamodb?.SequenceNumber ?? r.eventID ?? '';
  const outcomes = await Promise.all(
    consumers.map(async (consumer) => {
      const result = await processStreamBatch(consumer, records, (err, record) =>
        onError(consumer.name, err, record),
      );
      const first = result.batchItemFailures[0]?.itemIdentifier;
      return {
        consumer: consumer.name,
        failedAt: first === undefined ? -1 : records.findIndex((r) => idOf(r) === first),
      };
    }),
  );
  const failed = outcomes.map((o) => o.failedAt).filter((i) => i >= 0);
  const from = failed.length ? Math.min(...failed) : -1;
  return {
    response: {
      batchItemFailures: from < 0 ? [] : records.slice(from).map((r) => ({ itemIdentifier: idOf(r) })),
    },
    outcomes,
  };
}
