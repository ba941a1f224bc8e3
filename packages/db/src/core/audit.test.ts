import type { AuditEntry, AuditRecord, Versioned } from '@parkbridge/domain/core';
import { describe, expect, it } from 'vitest';
import { auditStep, GENESIS_HASH, hashAuditRecord, verifyAuditChain } from './audit';
import { canonicalJson } from './canonical-json';
import type { Db } from './db';

const db = { tableName: 'audit-unit' } as Db;
const actor = { userId: 'usr_1', orgId: 'org_1' };

/** Builds a chain the way writeVersioned does: each step starts from the entity's last version. */
function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  let head: Versioned | null = null;
  for (let i = 0; i < n; i++) {
    const entry: AuditEntry = {
      entityId: 'park_1',
      action: i === 0 ? 'park.created' : 'park.updated',
      actor,
      before: i === 0 ? null : { name: `v${i}` },
      after: { name: `v${i + 1}`, location: { lat: 35.7, lon: 50.3 } },
      parkId: 'park_1',
    };
    const step = auditStep(db, entry, head, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    records.push(step.record);
    head = step.next;
  }
  return records;
}

describe('auditStep', () => {
  it('starts a chain at seq 1 from the genesis hash and makes the record the new head', () => {
    const step = auditStep(
      db,
      { entityId: 'e', action: 'x.created', actor, before: null, after: { a: 1 } },
      null,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(step.record).toMatchObject({
      seq: 1,
      prevHash: GENESIS_HASH,
      at: '2026-01-01T00:00:00.000Z',
      parkId: null,
    });
    expect(step.next).toEqual({ version: 1, auditHash: step.record.hash });
  });

  it('extends from the previous version and hash, with a Put that refuses an existing seq', () => {
    const step = auditStep(
      db,
      { entityId: 'e', action: 'x.updated', actor, before: null, after: null },
      { version: 4, auditHash: 'f'.repeat(64) },
      new Date(),
    );
    expect(step.record.seq).toBe(5);
    expect(step.record.prevHash).toBe('f'.repeat(64));
    const put = step.tx.item.Put!;
    expect(put.TableName).toBe('audit-unit');
    expect(put.Item).toMatchObject({ pk: 'AUDIT#e', sk: 'SEQ#0000000005', type: 'audit' });
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('hashes the record without its own hash, so the hash can be recomputed', () => {
    const { hash, ...rest } = chain(1)[0]!;
    expect(hashAuditRecord(rest)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyAuditChain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyAuditChain(chain(4))).toBeNull();
    expect(verifyAuditChain([])).toBeNull();
  });

  it('accepts records whose keys come back in another order (hashing is canonical)', () => {
    const reordered = chain(3).map((r) => Object.fromEntries(Object.entries(r).reverse()) as AuditRecord);
    expect(verifyAuditChain(reordered)).toBeNull();
  });

  it('names the seq of a record whose content was changed', () => {
    const records = chain(4);
    records[2] = { ...records[2]!, after: { name: 'forged' } };
    expect(verifyAuditChain(records)).toBe(3);
  });

  it('names the seq of a record whose actor or reason was changed', () => {
    const byActor = chain(3);
    byActor[1] = { ...byActor[1]!, actor: { userId: 'usr_other', orgId: 'org_1' } };
    expect(verifyAuditChain(byActor)).toBe(2);
    const byReason = chain(3);
    byReason[0] = { ...byReason[0]!, reason: 'added later' };
    expect(verifyAuditChain(byReason)).toBe(1);
  });

  it('names the record after a removed one', () => {
    const records = chain(4);
    records.splice(1, 1);
    expect(verifyAuditChain(records)).toBe(3);
  });

  it('catches a record rewritten together with its own hash, at the next record', () => {
    const records = chain(3);
    const { hash: _old, ...rest } = { ...records[1]!, after: { name: 'forged' } };
    records[1] = { ...rest, hash: hashAuditRecord(rest) };
    expect(verifyAuditChain(records)).toBe(3);
  });

  it('refuses a chain that does not start from the genesis hash', () => {
    expect(verifyAuditChain(chain(3).slice(1))).toBe(2);
  });
});

describe('canonicalJson', () => {
  it('is the same for objects that differ only in key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 }),
    );
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
