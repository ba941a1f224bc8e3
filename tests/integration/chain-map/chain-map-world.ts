import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getItem } from '@parkbridge/db';
import type { Change, StreamConsumer } from '@parkbridge/jobs';
import { expect } from 'vitest';
import type { TestRuntime } from '../../support/test-runtime';

export const ESHTEHARD = { lat: 35.72472, lon: 50.37167 };
export const QAZVIN = { lat: 36.2688, lon: 50.0041 };
export const ISTANBUL = { lat: 41.0082, lon: 28.9784 };

let seq = 0;
const changeOf = (
  oldImage: Record<string, unknown> | null,
  newImage: Record<string, unknown> | null,
): Change => ({
  id: `cm-${++seq}`,
  kind: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
  oldImage,
  newImage,
});

export function chainMapConsumer(rt: TestRuntime): StreamConsumer {
  const found = rt.jobs.consumers.find((c) => c.name === 'chain-map');
  if (!found) throw new Error('no chain-map consumer');
  return found;
}

export async function raw(rt: TestRuntime, pk: string, sk: string) {
  const item = await getItem(rt.db, pk, sk, true);
  if (!item) throw new Error(`no item ${pk}/${sk}`);
  return item;
}

/**
 * Hands the consumer a change as the stream would, and returns it so a test can deliver the very
 * same record again. The test feeds the stream by hand: it decides what is delivered, and when.
 */
export async function deliver(rt: TestRuntime, change: Change): Promise<Change> {
  const consumer = chainMapConsumer(rt);
  expect(consumer.wants(change), JSON.stringify(change.newImage ?? change.oldImage).slice(0, 200)).toBe(true);
  await consumer.handle(change);
  return change;
}

/** The item's creation, as the stream carries it (INSERT with the current image). */
export const inserted = async (rt: TestRuntime, pk: string, sk: string) =>
  deliver(rt, changeOf(null, await raw(rt, pk, sk)));
export const modified = (rt: TestRuntime, before: Record<string, unknown>, after: Record<string, unknown>) =>
  deliver(rt, changeOf(before, after));

export interface DealSpec {
  dealId: string;
  parkId: string;
  needId?: string;
  buyerOrgId: string;
  sellerOrgId: string;
  category: string;
  quantity: number;
  unit: string;
  unitPrice: { amount: number; currency: string };
  awardedAt: string;
  status?: string;
  version?: number;
}

/**
 * A deal item as the bidding context writes it on award (packages/db/src/deals: its keys, with the
 * buyer's and seller's indexes, and the fields docs/chain-map.md reads). Written directly: the
 * award flow is the bidding context's, and these tests are about what the chain map makes of a
 * deal, including a cancellation that the bidding context does not offer yet.
 */
export function dealItem(d: DealSpec): Record<string, unknown> {
  const total = { amount: Math.round(d.unitPrice.amount * d.quantity), currency: d.unitPrice.currency };
  return {
    pk: `DEAL#${d.dealId}`,
    sk: 'DEAL',
    gsi1pk: `ORG#${d.buyerOrgId}#DEALS#buyer`,
    gsi1sk: `${d.awardedAt}#${d.dealId}`,
    gsi2pk: `ORG#${d.sellerOrgId}#DEALS#seller`,
    gsi2sk: `${d.awardedAt}#${d.dealId}`,
    type: 'deal',
    dealId: d.dealId,
    needId: d.needId ?? `need_for_${d.dealId}`,
    parkId: d.parkId,
    buyerOrgId: d.buyerOrgId,
    sellerOrgId: d.sellerOrgId,
    category: d.category,
    quantity: d.quantity,
    unit: d.unit,
    unitPrice: d.unitPrice,
    total,
    status: d.status ?? 'awarded',
    awardedAt: d.awardedAt,
    createdAt: d.awardedAt,
    updatedAt: d.awardedAt,
    version: d.version ?? 1,
  };
}

export async function putDeal(rt: TestRuntime, d: DealSpec): Promise<Record<string, unknown>> {
  const item = dealItem(d);
  await rt.db.doc.send(new PutCommand({ TableName: rt.tableName, Item: item }));
  return item;
}

/** Awards a deal: writes it and delivers its INSERT. */
export async function award(rt: TestRuntime, d: DealSpec) {
  const item = await putDeal(rt, d);
  const change = await deliver(rt, changeOf(null, item));
  return { item, change };
}

/** Cancels an awarded deal: writes the next version and delivers the MODIFY. */
export async function cancelDeal(rt: TestRuntime, before: Record<string, unknown>) {
  const after = {
    ...before,
    status: 'cancelled',
    version: Number(before.version) + 1,
    updatedAt: new Date().toISOString(),
  };
  await rt.db.doc.send(new PutCommand({ TableName: rt.tableName, Item: after }));
  return deliver(rt, changeOf(before, after));
}

export async function createChain(rt: TestRuntime, token: string, body: Record<string, unknown>) {
  const res = await rt.call('POST', '/v1/chains', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await inserted(rt, `CHAIN#${res.body.chainId}`, 'CHAIN');
  return res.body;
}

export async function createListing(rt: TestRuntime, token: string, body: Record<string, unknown>) {
  const res = await rt.call('POST', '/v1/listings', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await inserted(rt, `LISTING#${res.body.listingId}`, 'LISTING');
  return res.body;
}

/** Creates and publishes a need, delivering the publish (draft → open) to the consumer. */
export async function openNeed(rt: TestRuntime, token: string, body: Record<string, unknown>) {
  const created = await rt.call('POST', '/v1/needs', { token, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const key = [`NEED#${created.body.needId}`, 'NEED'] as const;
  const draft = await raw(rt, ...key);
  const published = await rt.call('POST', `/v1/needs/${created.body.needId}/publish`, { token });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  await modified(rt, draft, await raw(rt, ...key));
  return published.body;
}

/** A firm approved in the park, with its membership's approval delivered to the consumer. */
export async function approvedFirm(
  rt: TestRuntime,
  parkId: string,
  operatorToken: string,
  opts: {
    kinds: ('tenant' | 'supplier')[];
    name: string;
    country?: string;
    location?: { lat: number; lon: number };
    as?: ('tenant' | 'supplier')[];
  },
) {
  const f = await rt.firm({
    ...opts,
    approvedIn: { parkId, operatorToken, ...(opts.as ? { as: opts.as } : {}) },
  });
  await inserted(rt, `PARK#${parkId}`, `MEMBER#${f.orgId}`);
  return f;
}

export const getMap = async (rt: TestRuntime, token: string, parkId: string, period?: string) => {
  const res = await rt.call('GET', `/v1/parks/${parkId}/chain-map${period ? `?period=${period}` : ''}`, {
    token,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** RFC 4180, for reading the export back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
