import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { BidWrite } from '@parkbridge/domain/bids';
import { DomainError, type Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../core/db';
import { DynamoBidRepository } from './bid.repository';

const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
);
const ddb = mockClient(doc);
const now = new Date('2030-01-01T10:00:00.000Z');
const db = createDb({
  tableName: 't',
  cursorSecret: 'a-cursor-secret-of-length',
  doc,
  clock: { now: () => now },
});

const need = {
  needId: 'need_1',
  ownerOrgId: 'org_owner',
  parkId: 'park_1',
  status: 'open',
  closesAt: '2030-01-01T12:00:00.000Z',
  closesAtMs: Date.parse('2030-01-01T12:00:00.000Z'),
  parkFirstUntil: null,
  parkFirstUntilMs: 0,
  amendmentCount: 2,
  extensionCount: 0,
  version: 7,
  auditHash: 'h'.repeat(64),
} as unknown as Stored<Need>;

const write = (over: Partial<BidWrite> = {}): BidWrite => ({
  intent: 'create',
  prev: null,
  revision: null,
  auction: null,
  audit: { action: 'bid.submitted', actor: { userId: 'u', orgId: 'org_s' }, before: null, after: null },
  next: {
    bidId: 'bid_1',
    needId: 'need_1',
    supplierOrgId: 'org_s',
    status: 'submitted',
    revision: 1,
    amendmentSeen: 2,
    unitPrice: { amount: 100, currency: 'IRR' },
    quantity: 1,
    leadTimeDays: 1,
    validUntil: '2031-01-01T00:00:00.000Z',
    validUntilMs: Date.parse('2031-01-01T00:00:00.000Z'),
    pricedAt: now.toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 0,
  },
  gate: {
    need,
    now,
    membership: { parkId: 'park_1', orgId: 'org_s' },
    parkFirstOnNeed: false,
    certificates: ['iso_9001', 'halal'],
    extension: null,
  },
  ...over,
});

const cancelled = (codes: string[], items: (Record<string, unknown> | undefined)[] = []) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code, i) => ({ Code, Item: items[i] as never })),
  });

beforeEach(() => ddb.reset());

describe('the bid write', () => {
  it('is one TransactWriteItems that checks the need, the membership and every certificate; no read', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await new DynamoBidRepository(db).write(write());
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const bid = items[0]!.Put!;
    expect(bid.Item).toMatchObject({ pk: 'NEED#need_1', sk: 'BID#org_s', type: 'bid', version: 1 });
    expect(bid.ConditionExpression).toBe('attribute_not_exists(pk)');
    const checks = items.filter((i) => i.ConditionCheck).map((i) => i.ConditionCheck!);
    expect(checks.map((c) => `${c.Key!.pk}/${c.Key!.sk}`)).toEqual([
      'NEED#need_1/NEED',
      'PARK#park_1/MEMBER#org_s',
      'ORG#org_s/CERTKIND#iso_9001',
      'ORG#org_s/CERTKIND#halal',
    ]);
    expect(checks[0]!.ConditionExpression).toBe(
      '#status = :open AND closesAtMs > :now AND ownerOrgId <> :org AND amendmentCount = :amend',
    );
    expect(checks[0]!.ExpressionAttributeValues).toMatchObject({ ':now': now.getTime(), ':amend': 2 });
    expect(checks[1]!.ConditionExpression).toContain('suspended = :false');
    expect(checks[2]!.ConditionExpression).toBe('heldUntil > :now');
  });

  it('adds the park-first condition when the membership checked is not the delivery park’s', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const w = write();
    await new DynamoBidRepository(db).write({ ...w, gate: { ...w.gate!, parkFirstOnNeed: true } });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.find((i) => i.ConditionCheck)!.ConditionCheck!.ConditionExpression).toContain(
      'parkFirstUntilMs <= :now',
    );
  });

  it('moves the close in the same transaction when the bid extends it, conditioned on what was read', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const w = write();
    const closesAtMs = need.closesAtMs + 300_000;
    await new DynamoBidRepository(db).write({
      ...w,
      gate: {
        ...w.gate!,
        extension: {
          closesAtMs,
          audit: {
            action: 'need.extended',
            actor: { userId: 'system', orgId: null },
            before: null,
            after: null,
          },
        },
      },
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const update = items.find((i) => i.Update)!.Update!;
    expect(update.Key).toEqual({ pk: 'NEED#need_1', sk: 'NEED' });
    expect(update.ConditionExpression).toContain('closesAtMs = :seenClose AND #version = :seenVersion');
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':closesAtMs': closesAtMs,
      ':seenVersion': 7,
      ':version': 8,
    });
    // The need's audit record continues its chain in the same transaction.
    expect(items.some((i) => i.Put?.Item?.pk === 'AUDIT#need_1' && i.Put.Item.sk === 'SEQ#0000000008')).toBe(
      true,
    );
    expect(items.filter((i) => i.ConditionCheck?.Key?.sk === 'NEED')).toHaveLength(0);
  });

  it('turns the failed condition into the rule it guards', async () => {
    const repo = new DynamoBidRepository(db);
    const codeOf = async (codes: string[], items: (Record<string, unknown> | undefined)[] = []) => {
      ddb.reset();
      ddb.on(TransactWriteCommand).rejects(cancelled(codes, items));
      try {
        await repo.write(write());
      } catch (err) {
        return (err as DomainError).code;
      }
      return null;
    };
    const none = 'None';
    const failed = 'ConditionalCheckFailed';
    expect(
      await codeOf([failed, none, none, none, none, none], [{ pk: { S: 'x' }, version: { N: '1' } }]),
    ).toBe('bid.exists');
    expect(
      await codeOf(
        [none, none, failed],
        [
          undefined,
          undefined,
          { status: { S: 'open' }, closesAtMs: { N: String(now.getTime()) }, closesAt: { S: 'c' } },
        ],
      ),
    ).toBe('bid.need_closed');
    expect(
      await codeOf(
        [none, none, failed],
        [undefined, undefined, { status: { S: 'cancelled' }, closesAtMs: { N: '9e15' } }],
      ),
    ).toBe('bid.need_closed');
    expect(
      await codeOf(
        [none, none, failed],
        [undefined, undefined, { status: { S: 'open' }, closesAtMs: { N: '9e15' }, ownerOrgId: { S: 'o' } }],
      ),
    ).toBe('bidding.retry');
    expect(await codeOf([none, none, none, failed])).toBe('bid.supplier_not_approved');
    expect(await codeOf([none, none, none, none, none, failed])).toBe('bid.certificate_missing');
    expect(await codeOf([none, 'TransactionConflict'])).toBe('write.concurrent');
  });

  it('is a domain error every time, never a raw SDK error, for a cancelled transaction', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(cancelled(['None', 'None', 'None', 'None', 'None', 'ConditionalCheckFailed']));
    await expect(new DynamoBidRepository(db).write(write())).rejects.toBeInstanceOf(DomainError);
  });
});
