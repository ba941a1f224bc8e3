import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getItem } from '@parkbridge/db';
import type { Change, StreamConsumer } from '@parkbridge/jobs';
import { expect } from 'vitest';
import type { TestRuntime } from '../../support/test-runtime';

export const ESHTEHARD = { lat: 35.72472, lon: 50.37167 };
/** 500 km due south of Eshtehard. */
export const FAR_SOUTH = { lat: 31.2277, lon: 50.37167 };

export const inDays = (days: number, from = Date.now()) => new Date(from + days * 86_400_000).toISOString();

export function needBody(parkId: string, over: Record<string, unknown> = {}) {
  return {
    title: 'Seamless steel pipe',
    description: 'DN50 seamless pipe, ASTM A106 grade B, for the new extrusion line.',
    category: '2420',
    quantity: 10,
    unit: 't',
    parkId,
    currency: 'IRR',
    closesAt: inDays(5),
    mode: 'sealed',
    ...over,
  };
}

export function listingBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'product',
    title: 'Non-ferrous bar and pipe',
    description: 'Copper and aluminium bar, pipe and profiles, cut to length.',
    category: '2420',
    capacityPerPeriod: 100,
    unit: 't',
    period: 'month',
    leadTimeDays: 10,
    serviceArea: { scope: 'national' },
    ...over,
  };
}

/** A park with its operator and one approved tenant (the buyer). */
export async function parkWithBuyer(rt: TestRuntime, parkOverrides: Record<string, unknown> = {}) {
  const { parkId, operator, park } = await rt.park(parkOverrides);
  const buyer = await rt.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } });
  return { parkId, operator, park, buyer };
}

/** A supplier near the park (Eshtehard), approved in it: the usual other side of a test's need. */
export function supplierNear(
  rt: TestRuntime,
  park: { parkId: string; operator: { token: string } },
  over: Record<string, unknown> = {},
) {
  return rt.firm({
    kinds: ['supplier'],
    location: ESHTEHARD,
    approvedIn: { parkId: park.parkId, operatorToken: park.operator.token },
    ...over,
  });
}

export async function createNeed(rt: TestRuntime, token: string, body: Record<string, unknown>) {
  const res = await rt.call('POST', '/v1/needs', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function publish(rt: TestRuntime, token: string, needId: string) {
  const res = await rt.call('POST', `/v1/needs/${needId}/publish`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function createListing(rt: TestRuntime, token: string, body: Record<string, unknown>) {
  const res = await rt.call('POST', '/v1/listings', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The stored item, as a stream record's image would carry it. */
export async function rawItem(rt: TestRuntime, pk: string, sk: string) {
  const item = await getItem(rt.db, pk, sk, true);
  if (!item) throw new Error(`no item ${pk}/${sk}`);
  return item;
}

let seq = 0;
export const changeOf = (
  oldImage: Record<string, unknown> | null,
  newImage: Record<string, unknown> | null,
): Change => ({
  id: `test-${++seq}`,
  kind: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
  oldImage,
  newImage,
});

export function consumer(rt: TestRuntime, name: string): StreamConsumer {
  const found = rt.jobs.consumers.find((c) => c.name === name);
  if (!found) throw new Error(`no consumer ${name}`);
  return found;
}

/**
 * Feeds a change to a consumer the way the stream would (if it wants it); for matching, also the
 * work items the record left, as the stream would hand each back, until none is new.
 */
export async function deliver(rt: TestRuntime, name: string, change: Change) {
  const c = consumer(rt, name);
  expect(c.wants(change)).toBe(true);
  await c.handle(change);
  if (name === 'market.matching') await followMatchWork(rt, c);
}

const handledWork = new WeakMap<TestRuntime, Set<string>>();

/** A test table is small: a Scan finds the work items no stream runs here. */
async function followMatchWork(rt: TestRuntime, c: StreamConsumer) {
  const handled = handledWork.get(rt) ?? new Set<string>();
  handledWork.set(rt, handled);
  for (;;) {
    const fresh: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await rt.db.doc.send(
        new ScanCommand({
          TableName: rt.db.tableName,
          FilterExpression: '#type = :work',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':work': 'match-work' },
          ExclusiveStartKey: start,
        }),
      );
      fresh.push(...(out.Items ?? []).filter((i) => !handled.has(String(i.pk))));
      start = out.LastEvaluatedKey;
    } while (start);
    if (!fresh.length) return;
    for (const item of fresh) {
      handled.add(String(item.pk));
      await c.handle(changeOf(null, item));
    }
  }
}

/** Publishes a need and runs matching on the publish exactly as the stream would deliver it. */
export async function publishAndMatch(rt: TestRuntime, token: string, needId: string) {
  const before = await rawItem(rt, `NEED#${needId}`, 'NEED');
  const need = await publish(rt, token, needId);
  const after = await rawItem(rt, `NEED#${needId}`, 'NEED');
  const change = changeOf(before, after);
  await deliver(rt, 'market.matching', change);
  return { need, change };
}

/** Runs matching for a new listing as the stream would deliver its INSERT. */
export async function matchListing(rt: TestRuntime, listingId: string) {
  const after = await rawItem(rt, `LISTING#${listingId}`, 'LISTING');
  const change = changeOf(null, after);
  await deliver(rt, 'market.matching', change);
  return change;
}
