import {
  type AuditEntry,
  conflict,
  type DomainError,
  type Versioned,
  versionChanged,
} from '@parkbridge/domain/core';
import { auditStep } from './audit';
import type { Db } from './db';
import { type TxItem, transact } from './transact';

export interface Keys {
  pk: string;
  sk: string;
  [index: `gsi${number}${'pk' | 'sk'}`]: string | undefined;
}

export interface VersionedWrite<T extends Versioned> {
  keys: Keys;
  /** The entity as it will be; its version and audit head are set here. */
  next: T;
  /** The entity as read before the change; null when creating. */
  prev: Versioned | null;
  audit: Omit<AuditEntry, 'entityId'> & { entityId?: string };
  entityId: string;
  /** Extra attributes stored on the item but not part of the entity (e.g. ttl, type). */
  extra?: Record<string, unknown>;
  /** Further writes that must commit or fail with this one (condition checks, other items). */
  with?: TxItem[];
  /** Extra condition on the entity's own write, ANDed with the version check. */
  condition?: {
    expression: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
    onFailed: (old: Record<string, unknown> | undefined) => DomainError;
  };
  onExists?: () => DomainError;
}

/**
 * The one way a versioned entity changes: its Put is conditional on the version read (optimistic
 * concurrency, the ETag), and its audit record commits in the same transaction.
 */
export async function writeVersioned<T extends Versioned>(db: Db, w: VersionedWrite<T>): Promise<T> {
  const now = db.clock.now();
  const step = auditStep(db, { ...w.audit, entityId: w.entityId }, w.prev, now);
  const next = { ...w.next, ...step.next };
  const names: Record<string, string> = { ...w.condition?.names };
  const values: Record<string, unknown> = { ...w.condition?.values };
  let expression: string;
  if (w.prev) {
    names['#version'] = 'version';
    values[':prevVersion'] = w.prev.version;
    expression = '#version = :prevVersion';
  } else {
    expression = 'attribute_not_exists(pk)';
  }
  if (w.condition) expression = `(${expression}) AND (${w.condition.expression})`;
  const keys = Object.fromEntries(Object.entries(w.keys).filter(([, v]) => v !== undefined));
  const write: TxItem = {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...keys, ...w.extra, ...next },
        ConditionExpression: expression,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
      },
    },
    onConditionFailed: (old) => {
      if (!w.prev) return w.onExists?.() ?? conflict('entity.exists', 'It exists already.');
      if (old && old.version !== w.prev.version) return versionChanged();
      return w.condition ? w.condition.onFailed(old) : versionChanged();
    },
  };
  await transact(db, [write, step.tx, ...(w.with ?? [])]);
  return next;
}

/** Removes the storage attributes (keys, ttl, type) from an item, leaving the entity. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'pk' || k === 'sk' || k === 'ttl' || k === 'type' || /^gsi\d+(pk|sk)$/.test(k)) continue;
    out[k] = v;
  }
  return out as T;
}
