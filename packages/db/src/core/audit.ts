import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord, Versioned } from '@parkbridge/domain/core';
import { canonicalJson } from './canonical-json';
import type { Db } from './db';
import { auditKey } from './keys';
import type { TxItem } from './transact';

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRecord(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export interface AuditStep {
  /** The Put of the audit record, to go into the same transaction as the change it records. */
  tx: TxItem;
  record: AuditRecord;
  /** The entity's new version and audit head: write both onto the entity in that transaction. */
  next: Versioned;
}

/**
 * Extends an entity's hash chain by one record. The record's key is its sequence number and the
 * Put is conditional on that key being new, so two writers racing from the same version cannot
 * both commit: the chain stays linear even where the entity's own write has no version check.
 */
export function auditStep(db: Db, entry: AuditEntry, prev: Versioned | null, at: Date): AuditStep {
  const seq = (prev?.version ?? 0) + 1;
  const base: Omit<AuditRecord, 'hash'> = {
    ...entry,
    parkId: entry.parkId ?? null,
    seq,
    at: at.toISOString(),
    prevHash: prev?.auditHash ?? GENESIS_HASH,
  };
  const record: AuditRecord = { ...base, hash: hashAuditRecord(base) };
  return {
    record,
    next: { version: seq, auditHash: record.hash },
    tx: {
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...auditKey(entry.entityId, seq), type: 'audit', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  };
}

/** Recomputes the chain; returns the first sequence number whose record does not fit, or null. */
export function verifyAuditChain(records: AuditRecord[]): number | null {
  let prevHash = GENESIS_HASH;
  for (const r of records) {
    const { hash, ...rest } = r;
    if (r.prevHash !== prevHash || hashAuditRecord(rest) !== hash) return r.seq;
    prevHash = hash;
  }
  return null;
}
