import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { type Change, toChange } from './change';

/** One reaction to table changes (matching, chain-map aggregates, ...). Must be idempotent. */
export interface StreamConsumer {
  name: string;
  wants(change: Change): boolean;
  handle(change: Change): Promise<void>;
}

/**
 * Runs a batch in order and reports the first failed record and everything after it, so the
 * stream retries from there (with bisect-on-error in AWS) and nothing is skipped or reordered.
 */
export async function processStreamBatch(
  consumer: StreamConsumer,
  records: DynamoDBRecord[],
  onError: (err: unknown, record: DynamoDBRecord) => void = () => {},
): Promise<DynamoDBBatchResponse> {
  for (const [i, record] of records.entries()) {
    let change: Change;
    try {
      change = toChange(record);
    } catch (err) {
      // An image that cannot be decoded will not decode on a retry either: report it and go on,
      // rather than stall this consumer (and, locally, every consumer) on it forever.
      onError(err, record);
      continue;
    }
    if (!consumer.wants(change)) continue;
    try {
      await consumer.handle(change);
    } catch (err) {
      onError(err, record);
      return {
        batchItemFailures: records
          .slice(i)
          .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? r.eventID ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}
