import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/** A table change as the domain jobs see it: plain objects, no DynamoDB attribute types. */
export interface Change {
  /** Stable across redeliveries: consumers use it to stay idempotent. */
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage: Record<string, unknown> | null;
  newImage: Record<string, unknown> | null;
}

export function toChange(record: DynamoDBRecord): Change {
  const image = (i: unknown) => (i ? unmarshall(i as Record<string, AttributeValue>) : null);
  return {
    id: record.dynamodb?.SequenceNumber ?? record.eventID ?? '',
    kind: (record.eventName ?? 'MODIFY') as Change['kind'],
    oldImage: image(record.dynamodb?.OldImage),
    newImage: image(record.dynamodb?.NewImage),
  };
}

/** The item's `type` attribute, from whichever image exists. */
export const typeOf = (c: Change): string | undefined =>
  (c.newImage?.type as string | undefined) ?? (c.oldImage?.type as string | undefined);
