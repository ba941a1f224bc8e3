import { createHash, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let op: Awaited<ReturnType<TestRuntime['operator']>>;
let other: Awaited<ReturnType<TestRuntime['operator']>>;

beforeAll(async () => {
  rt = await startTestRuntime({ onError: () => {} });
  [op, other] = await Promise.all([rt.operator('op-a'), rt.operator('op-b')]);
});
afterAll(() => rt.stop());

const parkBody = (name = 'Phu My 3 Specialized Industrial Park') => ({
  name,
  country: 'VN',
  location: { lat: 10.59, lon: 107.05 },
  currency: 'VND',
  timeZone: 'Asia/Ho_Chi_Minh',
});

const createPark = (token: string, key: string, body: unknown = parkBody()) =>
  rt.call('POST', '/v1/parks', { token, body, headers: { 'idempotency-key': key } });

/** Parks operated by an org: how many really exist. */
const parksOf = async (orgId: string) =>
  (await rt.container.repos.parks.listByOperator(orgId, { limit: 100 })).items.map((p) => p.parkId);

/** The idempotency record as stored (packages/db/src/idempotency). */
const storedKey = async (userId: string, key: string) =>
  (
    await rt.db.doc.send(
      new GetCommand({
        TableName: rt.tableName,
        Key: { pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'KEY' },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** The fingerprint the middleware computes (packages/api/src/http/idempotency.ts). */
const fingerprint = (method: string, path: string, body: string) =>
  createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');

describe('Idempotency-Key on creating calls', () => {
  it('replays the first response to a retry with the same key and body, and creates one park', async () => {
    const before = await parksOf(op.orgId);
    const key = randomUUID();
    const first = await createPark(op.token, key);
    const second = await createPark(op.token, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await parksOf(op.orgId)).toEqual([...before, first.body.parkId]);
  });

  it('replays even after the resource changed (the stored response, not a fresh read)', async () => {
    const key = randomUUID();
    const first = await createPark(op.token, key);
    await rt.call('PATCH', `/v1/parks/${first.body.parkId}`, {
      token: op.token,
      body: { city: 'Tan Thanh' },
    });
    const replay = await createPark(op.token, key);
    expect(replay.body).toEqual(first.body);
    expect(replay.body.city).toBeUndefined();
  });

  it('answers 422 to the same key with another body, and creates nothing more', async () => {
    const key = randomUUID();
    await createPark(op.token, key, parkBody('First'));
    const before = await parksOf(op.orgId);
    const res = await createPark(op.token, key, parkBody('Second'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('idempotency.key_reused');
    expect(await parksOf(op.orgId)).toEqual(before);
  });

  it('answers 422 to the same key on another creating route (the path is part of the request)', async () => {
    const key = randomUUID();
    expect((await createPark(op.token, key)).status).toBe(201);
    const res = await rt.call('POST', `/v1/orgs/${op.orgId}/certificates`, {
      token: op.token,
      body: { kind: 'iso_9001', number: 'Q-1', issuer: 'Vinacontrol', validUntil: '2030-01-01' },
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(422);
    expect((await rt.container.repos.certificates.listByOrg(op.orgId, { limit: 10 })).items).toEqual([]);
  });

  it('answers 409 while the first request with the key is still running, and 201 once it is free', async () => {
    const key = randomUUID();
    const body = JSON.stringify(parkBody('Slow park'));
    const claim = await rt.container.repos.idempotency.claim(
      op.userId,
      key,
      fingerprint('POST', '/v1/parks', body),
    );
    expect(claim.kind).toBe('claimed');
    const before = await parksOf(op.orgId);
    const res = await rt.call('POST', '/v1/parks', {
      token: op.token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('idempotency.in_progress');
    expect(await parksOf(op.orgId)).toEqual(before);
    // A different body under a key in use is a misuse of the key, not a wait: 422.
    const mismatch = await createPark(op.token, key, parkBody('Not the slow park'));
    expect(mismatch.status).toBe(422);
  });

  it('answers 409 to a concurrent duplicate over real connections while the first is slow', async () => {
    const server = await rt.listen();
    const original = rt.container.parks.create;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    rt.container.parks.create = async (...args) => {
      await gate;
      return original.apply(rt.container.parks, args);
    };
    try {
      const key = randomUUID();
      const headers = { 'idempotency-key': key };
      const first = server.http('POST', '/v1/parks', { token: op.token, body: parkBody(), headers });
      // Wait until the first request holds the key (it then waits at the gate, inside the service).
      for (let i = 0; i < 100 && !(await storedKey(op.userId, key)); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect((await storedKey(op.userId, key))?.status).toBe('in_progress');
      const second = await server.http('POST', '/v1/parks', { token: op.token, body: parkBody(), headers });
      expect(second.status).toBe(409);
      release();
      expect((await first).status).toBe(201);
      const third = await server.http('POST', '/v1/parks', { token: op.token, body: parkBody(), headers });
      expect(third.status).toBe(201);
      expect(third.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      release();
      rt.container.parks.create = original;
      await server.close();
    }
  });

  it('releases the key when the request ends in a 500, so the retry runs for real', async () => {
    const key = randomUUID();
    const original = rt.container.parks.create;
    rt.container.parks.create = async () => {
      throw new Error('database on fire');
    };
    let failed: Awaited<ReturnType<typeof createPark>>;
    try {
      failed = await createPark(op.token, key);
    } finally {
      rt.container.parks.create = original;
    }
    expect(failed.status).toBe(500);
    const retry = await createPark(op.token, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await parksOf(op.orgId)).toContain(retry.body.parkId);
  });

  it('frees the key after a 400 (the request never ran), so the corrected request with the same key runs', async () => {
    const key = randomUUID();
    const refused = await createPark(op.token, key, { ...parkBody(), currency: 'dollars' });
    expect(refused.status).toBe(400);
    expect(await storedKey(op.userId, key)).toBeUndefined();
    const before = await parksOf(op.orgId);
    const created = await createPark(op.token, key, parkBody('Corrected park'));
    expect(created.status).toBe(201);
    expect(await parksOf(op.orgId)).toHaveLength(before.length + 1);
  });

  it('keeps keys per user: another user with the same key and body creates their own park', async () => {
    const key = randomUUID();
    const mine = await createPark(op.token, key);
    const theirs = await createPark(other.token, key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.parkId).not.toBe(mine.body.parkId);
    expect(theirs.body.operatorOrgId).toBe(other.orgId);
    expect(await parksOf(other.orgId)).toContain(theirs.body.parkId);
  });

  it('evaluates another user’s request with the same key afresh (404 for them, not the first user’s 201)', async () => {
    const key = randomUUID();
    const founder = await rt.firm({ kinds: ['supplier'] });
    const first = await rt.call('POST', `/v1/orgs/${founder.orgId}/certificates`, {
      token: founder.token,
      body: { kind: 'iso_9001', number: 'A-1', issuer: 'Bureau Veritas', validUntil: '2030-01-01' },
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    // A stranger with the same key gets their own evaluation (here: not their organisation: 404).
    const stranger = await rt.firm({ kinds: ['supplier'] });
    const res = await rt.call('POST', `/v1/orgs/${founder.orgId}/certificates`, {
      token: stranger.token,
      body: { kind: 'iso_9001', number: 'A-1', issuer: 'Bureau Veritas', validUntil: '2030-01-01' },
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(404);
    expect(decodeJwt(stranger.token).sub).not.toBe(decodeJwt(founder.token).sub);
  });

  it('answers 400 to a key longer than 128 characters, empty, or not visible ASCII', async () => {
    const before = await parksOf(op.orgId);
    for (const key of ['k'.repeat(129), '', 'clé-1', 'has space']) {
      const res = await createPark(op.token, key);
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path.toLowerCase())).toEqual(['idempotency-key']);
    }
    expect(await parksOf(op.orgId)).toEqual(before);
  });

  it('accepts a key of exactly 128 characters', async () => {
    const key = randomUUID().replaceAll('-', '').repeat(4);
    expect(key).toHaveLength(128);
    expect((await createPark(op.token, key)).status).toBe(201);
    expect((await createPark(op.token, key)).headers.get('idempotent-replayed')).toBe('true');
  });

  it('creates two parks for two requests without a key (the key is optional)', async () => {
    const before = await parksOf(op.orgId);
    await rt.call('POST', '/v1/parks', { token: op.token, body: parkBody() });
    await rt.call('POST', '/v1/parks', { token: op.token, body: parkBody() });
    expect(await parksOf(op.orgId)).toHaveLength(before.length + 2);
  });

  it('stores the key with a TTL of at least 24 hours', async () => {
    const key = randomUUID();
    await createPark(op.token, key);
    const item = await storedKey(op.userId, key);
    expect(item?.status).toBe('completed');
    expect(item?.ttl).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);
  });
});
