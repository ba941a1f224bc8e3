import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '@parkbridge/domain/core';
import { rebuildChainMaps } from '@parkbridge/jobs/chain-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { award, cancelDeal, deliver, getMap } from './chain-map-world';
import { type Story, tellStory } from './story';

const clock = fixedClock('2026-05-10T08:00:00.000Z');
const PERIODS = ['2026-Q2', '2026-Q1', '2026-04', '2026-03', '2026'];
let rt: TestRuntime;
let story: Story;
let incremental: Record<string, unknown>;
const sent: string[] = [];

const maps = async () =>
  Object.fromEntries(
    await Promise.all(
      PERIODS.map(async (p) => [p, await getMap(rt, story.op.token, story.parkId, p)] as const),
    ),
  );

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { minBiddingWindowS: 60 } });
  rt.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  story = await tellStory(rt);
  await cancelDeal(rt, story.toCancel.item);
  incremental = await maps();
}, 120_000);

afterAll(() => rt?.stop());

describe('the rebuild', () => {
  it('recomputes from the records exactly what the stream built, for every period, by Query alone', async () => {
    sent.length = 0;
    const [report] = await rebuildChainMaps(rt.container, [story.parkId]);
    expect(sent).not.toContain('ScanCommand');
    expect(sent).toContain('QueryCommand');
    expect(report).toMatchObject({ tenants: 3, chains: 2, inputs: 5, openNeeds: 1, deals: 6, listings: 2 });
    expect(await maps()).toEqual(incremental);
    // Run again: everything already holds what the records say, so nothing is written.
    const [again] = await rebuildChainMaps(rt.container, [story.parkId]);
    expect(again).toMatchObject({ itemsWritten: 0, itemsDeleted: 0 });
  });

  it('repairs aggregates that drifted from the records', async () => {
    const pk = `CMAP#${story.parkId}`;
    await rt.db.doc.send(
      new DeleteCommand({
        TableName: rt.tableName,
        Key: { pk: `PARK#${story.parkId}`, sk: 'PARK#MAP#CAT#2013' },
      }),
    );
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: { pk, sk: 'P#2026-Q2#AGG' },
        UpdateExpression: 'ADD #f :n',
        ExpressionAttributeNames: { '#f': 'aw:IRR' },
        ExpressionAttributeValues: { ':n': 999 },
      }),
    );
    expect(await maps()).not.toEqual(incremental);
    const [repair] = await rebuildChainMaps(rt.container, [story.parkId]);
    expect(repair).toMatchObject({ itemsWritten: 2, itemsDeleted: 0 });
    expect(await maps()).toEqual(incremental);
  });

  it('leaves the stream path consistent: later changes count once, earlier ones are not counted again', async () => {
    await rebuildChainMaps(rt.container, [story.parkId]);
    // Delivered again after the rebuild: already counted at that version, so nothing moves.
    await deliver(rt, story.firstAward.change);
    expect(await getMap(rt, story.op.token, story.parkId, '2026-Q2')).toEqual(incremental['2026-Q2']);
    const late = await award(rt, {
      dealId: 'deal_AFTER_REBUILD',
      parkId: story.parkId,
      buyerOrgId: story.ids.valves,
      sellerOrgId: story.ids.steel,
      category: '2420',
      quantity: 1,
      unit: 't',
      unitPrice: { amount: 500_000, currency: 'IRR' },
      awardedAt: '2026-05-09T09:00:00.000Z',
    });
    await deliver(rt, late.change);
    const map = await getMap(rt, story.op.token, story.parkId, '2026-Q2');
    expect(map.localSourcingRatio.awarded[0]).toMatchObject({
      currency: 'IRR',
      inPark: { amount: 1_500_000 },
      total: { amount: 4_507_000 },
    });
    await rebuildChainMaps(rt.container, [story.parkId]);
    expect(await getMap(rt, story.op.token, story.parkId, '2026-Q2')).toEqual(map);
  });
});
