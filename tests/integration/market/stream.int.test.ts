import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  createListing,
  createNeed,
  inDays,
  listingBody,
  needBody,
  parkWithBuyer,
  publish,
  supplierNear,
} from './market-fixtures';

// The real local stream poller runs the very consumers a Lambda runs in AWS.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ jobs: true });
});
afterAll(() => rt.stop());

describe('matching off the table’s stream', () => {
  it('shows a published need’s matches and notifies the supplier, then clears them when it is cancelled', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const supplier = await supplierNear(rt, { parkId, operator });
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2013', title: 'PVC resin', unit: 't' }),
    );
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2013', title: 'Suspension PVC' }),
    );
    await publish(rt, buyer.token, need.needId);

    const matched = await eventually(
      () => rt.call('GET', `/v1/needs/${need.needId}/matches`, { token: buyer.token }),
      (r) => r.body.items.length > 0,
    );
    console.log(`matches visible ${matched.ms} ms after publishing`);
    expect(matched.value.body.items.map((m: any) => m.listingId)).toEqual([listing.listingId]);
    const note = await eventually(
      () => rt.call('GET', '/v1/notifications', { token: supplier.token }),
      (r) => r.body.items.some((n: any) => n.kind === 'need.matched'),
    );
    expect(note.value.body.items.filter((n: any) => n.kind === 'need.matched')).toHaveLength(1);
    expect(
      (await rt.call('GET', '/v1/matches', { token: supplier.token })).body.items.map((i: any) => i.needId),
    ).toEqual([need.needId]);

    await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
      token: buyer.token,
      body: { reason: 'Postponed' },
    });
    await eventually(
      () => rt.call('GET', `/v1/needs/${need.needId}/matches`, { token: buyer.token }),
      (r) => r.body.items.length === 0,
    );
    expect((await rt.call('GET', '/v1/matches', { token: supplier.token })).body.items).toEqual([]);
  });

  it('puts the index keys of a need back in step after another context moved its close in place', async () => {
    const { parkId, buyer } = await parkWithBuyer(rt);
    const need = await createNeed(rt, buyer.token, needBody(parkId, { category: '1079' }));
    await publish(rt, buyer.token, need.needId);
    const later = inDays(9);
    // What the bidding context's anti-sniping extension does: an UpdateItem of the close.
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.db.tableName,
        Key: { pk: `NEED#${need.needId}`, sk: 'NEED' },
        UpdateExpression: 'SET closesAt = :at, closesAtMs = :ms, #v = #v + :one',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':at': later, ':ms': Date.parse(later), ':one': 1 },
      }),
    );
    const byClose = () =>
      rt.db.doc.send(
        new QueryCommand({
          TableName: rt.db.tableName,
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :day)',
          ExpressionAttributeValues: { ':pk': 'NEEDS#OPEN#BY_CLOSE', ':day': later.slice(0, 10) },
        }),
      );
    const { value } = await eventually(byClose, (out) =>
      (out.Items ?? []).some((i) => i.needId === need.needId),
    );
    expect(value.Items?.find((i) => i.needId === need.needId)?.gsi4sk).toBe(`${later}#${need.needId}`);
  });
});
