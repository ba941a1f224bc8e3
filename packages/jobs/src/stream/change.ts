import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { canonicalEqual } from '@parkbridge/domain/core';
import type { DynamoDBRecord } from 'aws-lambda';

/** A table change as the domain jobs see it: plain objects, no DynamoDB attribute types. */
export interface Change {
  /** Stable across redeliveries: consumers use it to stay idempotent. */
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage: Record<string, unknown> | null;
  newImage: Record<string, unknown> | null;
}

/**
 * The streams client hands an empty map (`{ M: {} }`) over as `{}`, which `unmarshall` refuses;
 * put the type back, at any depth, before unmarshalling.
 */
function restoreEmptyMaps(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const av = value as Record<string, unknown>;
  if (Object.keys(av).length === 0) return { M: {} };
  if (av.M && typeof av.M === 'object') return { M: restoreImage(av.M as Record<string, unknown>) };
  if (Array.isArray(av.L)) return { L: av.L.map(restoreEmptyMaps) };
  return av;
}

const restoreImage = (image: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, restoreEmptyMaps(v)]));

export function toChange(record: DynamoDBRecord): Change {
  const image = (i: unknown) =>
    i ? unmarshall(restoreImage(i as Record<string, unknown>) as Record<string, AttributeValue>) : null;
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

/**
 * Whether any of `fields` differs between two images. Compared as values, not as JSON text: the
 * stream hands maps back with their keys in any order.
 */
export const fieldsDiffer = (
  a: Record<string, unknown> | null,
  b: Record<string, unknown> | null,
  fields: readonly string[],
): boolean => fields.some((f) => !canonicalEqual(a?.[f] ?? null, b?.[f] ?? null));
