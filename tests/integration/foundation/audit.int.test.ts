import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditKey, hashAuditRecord, verifyAuditChain } from '@parkbridge/db';
import type { AuditRecord } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let parkId: string;
let op: { token: string; orgId: string; userId: string };
let otherOp: { token: string };
let trail: AuditRecord[];

beforeAll(async () => {
  rt = await startTestRuntime();
  const p = await rt.park();
  parkId = p.parkId;
  op = p.operator;
  otherOp = (await rt.park({ name: 'Elsewhere' })).operator;
  await rt.call('PATCH', `/v1/parks/${parkId}`, { token: op.token, body: { city: 'Eshtehard' } });
  trail = (await rt.call('GET', `/v1/audit?entityId=${parkId}`, { token: op.token })).body.items;
});
afterAll(() => rt.stop());

describe('the audit trail of a park', () => {
  it('holds one record per change, seq 1 and 2, oldest first, with who, what, before and after', () => {
    expect(trail.map((r) => [r.seq, r.action])).toEqual([
      [1, 'park.created'],
      [2, 'park.updated'],
    ]);
    expect(trail[0]).toMatchObject({
      entityId: parkId,
      parkId,
      before: null,
      actor: { userId: op.userId, orgId: op.orgId },
    });
    expect((trail[1]!.before as { city?: string }).city).toBeUndefined();
    expect((trail[1]!.after as { city?: string }).city).toBe('Eshtehard');
    expect(Date.parse(trail[0]!.at)).toBeLessThanOrEqual(Date.parse(trail[1]!.at));
  });

  it('chains the records: the second holds the hash of the first, and the park holds the last', async () => {
    expect(trail[0]!.prevHash).toBe('0'.repeat(64));
    expect(trail[1]!.prevHash).toBe(trail[0]!.hash);
    const stored = await rt.container.repos.parks.get(parkId);
    expect(stored?.auditHash).toBe(trail[1]!.hash);
    expect(stored?.version).toBe(2);
  });

  it('verifies as an intact chain', () => {
    expect(verifyAuditChain(trail)).toBeNull();
  });

  it('shows none of the park’s records to the operator of another park', async () => {
    const res = await rt.call('GET', `/v1/audit?entityId=${parkId}`, { token: otherOp.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses a tenant and a supplier with 403, and a caller without a token with 401', async () => {
    const tenant = await rt.firm({ kinds: ['tenant'] });
    const supplier = await rt.firm({ kinds: ['supplier'] });
    expect((await rt.call('GET', `/v1/audit?entityId=${parkId}`, { token: tenant.token })).status).toBe(403);
    expect((await rt.call('GET', `/v1/audit?entityId=${parkId}`, { token: supplier.token })).status).toBe(
      403,
    );
    expect((await rt.call('GET', `/v1/audit?entityId=${parkId}`)).status).toBe(401);
  });

  it('requires the entityId (400)', async () => {
    const res = await rt.call('GET', '/v1/audit', { token: op.token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.entityId']);
  });

  it('pages a long trail through nextCursor, in seq order', async () => {
    const { parkId: id, operator } = await rt.park();
    for (const city of ['a', 'b', 'c', 'd']) {
      await rt.call('PATCH', `/v1/parks/${id}`, { token: operator.token, body: { city } });
    }
    const seqs: number[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await rt.call('GET', `/v1/audit?entityId=${id}&limit=2${q}`, { token: operator.token });
      seqs.push(...res.body.items.map((r: AuditRecord) => r.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('tampering', () => {
  it('is detected at the record whose stored content was changed in the table', async () => {
    const { parkId: id, operator } = await rt.park();
    for (const city of ['Karaj', 'Hashtgerd']) {
      await rt.call('PATCH', `/v1/parks/${id}`, { token: operator.token, body: { city } });
    }
    const read = async () =>
      (await rt.call('GET', `/v1/audit?entityId=${id}`, { token: operator.token })).body
        .items as AuditRecord[];
    expect(verifyAuditChain(await read())).toBeNull();

    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: auditKey(id, 2),
        UpdateExpression: 'SET #after.#city = :forged',
        ExpressionAttributeNames: { '#after': 'after', '#city': 'city' },
        ExpressionAttributeValues: { ':forged': 'Somewhere else' },
      }),
    );
    const tampered = await read();
    expect((tampered[1]!.after as { city: string }).city).toBe('Somewhere else');
    expect(verifyAuditChain(tampered)).toBe(2);
  });

  it('is detected when a record is rewritten together with its hash, at the next record', async () => {
    const { parkId: id, operator } = await rt.park();
    await rt.call('PATCH', `/v1/parks/${id}`, { token: operator.token, body: { city: 'x' } });
    const records = (await rt.call('GET', `/v1/audit?entityId=${id}`, { token: operator.token })).body.items;
    const { hash: _h, ...first } = { ...records[0], actor: { userId: 'usr_someone_else', orgId: null } };
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: auditKey(id, 1),
        UpdateExpression: 'SET actor = :a, #h = :h',
        ExpressionAttributeNames: { '#h': 'hash' },
        ExpressionAttributeValues: { ':a': first.actor, ':h': hashAuditRecord(first) },
      }),
    );
    const after = (await rt.call('GET', `/v1/audit?entityId=${id}`, { token: operator.token })).body.items;
    expect(verifyAuditChain(after)).toBe(2);
  });
});

describe('membership decisions', () => {
  it('are audited with their reason, readable by the park’s operator only', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: firm.token });
    await rt.call('POST', `/v1/parks/${parkId}/memberships/${firm.orgId}/approve`, {
      token: op.token,
      body: { reason: 'References checked' },
    });
    await rt.call('POST', `/v1/parks/${parkId}/memberships/${firm.orgId}/suspend`, {
      token: op.token,
      body: { reason: 'Late deliveries' },
    });
    const entityId = encodeURIComponent(`${parkId}/${firm.orgId}`);
    const res = await rt.call('GET', `/v1/audit?entityId=${entityId}`, { token: op.token });
    expect(res.body.items.map((r: AuditRecord) => [r.seq, r.action, r.reason ?? null])).toEqual([
      [1, 'membership.applied', null],
      [2, 'membership.approved', 'References checked'],
      [3, 'membership.suspended', 'Late deliveries'],
    ]);
    expect(verifyAuditChain(res.body.items)).toBeNull();
    expect(res.body.items[2].actor.orgId).toBe(op.orgId);
    expect(
      (await rt.call('GET', `/v1/audit?entityId=${entityId}`, { token: otherOp.token })).body.items,
    ).toEqual([]);
  });
});
