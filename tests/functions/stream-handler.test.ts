import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EnvName } from '@parkbridge/config';
import type { Container } from '@parkbridge/runtime';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable } from './fixtures/dynamo-table';
import { lambdaContext, streamEvent, streamRecord } from './fixtures/lambda-events';

/**
 * Two stand-in consumers, so the tests do not depend on what the contexts' consumers do today:
 * "market.matching" records every need it handles in the table (idempotently, keyed by the change
 * id) and fails on a poison need; "chain-map" records the same in its own partition and never fails.
 */
const { recorder } = vi.hoisted(() => ({
  recorder: (app: any, name: string, pk: string, failOnPoison: boolean) => ({
    name,
    wants: (c: { newImage: Record<string, unknown> | null }) => c.newImage?.type === 'need',
    async handle(c: { id: string; newImage: Record<string, unknown> | null }) {
      if (failOnPoison && c.newImage?.poison) throw new Error('cannot handle this need');
      const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
      await app.db.doc
        .send(
          new PutCommand({
            TableName: app.db.tableName,
            Item: { pk, sk: c.id, needId: c.newImage?.needId },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .catch((err: Error) => {
          if (err.name !== 'ConditionalCheckFailedException') throw err;
        });
    },
  }),
}));

vi.mock('@parkbridge/jobs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@parkbridge/jobs')>();
  return {
    ...real,
    allJobs: (app: Container) => ({
      consumers: [
        recorder(app, 'chain-map', 'TEST#AGGREGATED', false),
        {
          name: 'market.matching',
          wants: (c: { newImage: Record<string, unknown> | null }) => c.newImage?.type === 'need',
          async handle(c: { id: string; newImage: Record<string, unknown> | null }) {
            if (c.newImage?.poison) throw new Error('cannot match this need');
            await app.db.doc
              .send(
                new PutCommand({
                  TableName: app.db.tableName,
                  Item: { pk: 'TEST#HANDLED', sk: c.id, needId: c.newImage?.needId },
                  ConditionExpression: 'attribute_not_exists(pk)',
                }),
              )
              .catch((err: Error) => {
                if (err.name !== 'ConditionalCheckFailedException') throw err;
              });
          },
        },
      ],
      schedules: [],
    }),
  };
});

type Handler = (event: unknown, context: unknown) => Promise<DynamoDBBatchResponse>;

let table: Awaited<ReturnType<typeof freshTable>>;
let output: ReturnType<typeof captureOutput>;
let handler: Handler;

async function coldStart(consumers: string): Promise<Handler> {
  vi.resetModules();
  Object.assign(process.env, table.env, {
    [EnvName.streamConsumers]: consumers,
    POWERTOOLS_SERVICE_NAME: 'stream-marketplace',
  });
  return (await import('../../functions/streams/handler')).handler as unknown as Handler;
}

const need = (needId: string, extra: Record<string, unknown> = {}) =>
  streamRecord('INSERT', {
    pk: `NEED#${needId}`,
    sk: 'NEED',
    type: 'need',
    needId,
    status: 'open',
    ...extra,
  });

async function handledNeeds(pk = 'TEST#HANDLED'): Promise<string[]> {
  const out = await table.db.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return (out.Items ?? []).map((i) => i.needId as string).sort();
}

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
  handler = await coldStart('market.matching,chain-map');
});
afterAll(() => {
  output.restore();
  table.close();
});

describe('the stream function, invoked with DynamoDB stream events', () => {
  it('handles the records its consumer wants and reports no failure', async () => {
    const other = streamRecord('INSERT', { pk: 'ORG#1', sk: 'ORG', type: 'org' });
    const res = await handler(streamEvent([need('n1'), other, need('n2')]), lambdaContext());
    expect(res).toEqual({ batchItemFailures: [] });
    expect(await handledNeeds()).toEqual(['n1', 'n2']);
    expect(await handledNeeds('TEST#AGGREGATED')).toEqual(['n1', 'n2']);
  });

  it('reports the failed record and every one after it, so the stream retries in order', async () => {
    const before = need('p1');
    const poison = need('p2', { poison: true });
    const after = need('p3');
    const res = await handler(streamEvent([before, poison, after]), lambdaContext());
    expect(res.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      poison.dynamodb?.SequenceNumber,
      after.dynamodb?.SequenceNumber,
    ]);
    const handled = await handledNeeds();
    expect(handled).toContain('p1');
    expect(handled).not.toContain('p3');
    // The other consumer of the same function is not held back by the poison record.
    expect(await handledNeeds('TEST#AGGREGATED')).toEqual(expect.arrayContaining(['p1', 'p2', 'p3']));
    const logged = output.json().find((l) => l.message === 'Stream record failed');
    expect(logged).toMatchObject({
      consumer: 'market.matching',
      sequenceNumber: poison.dynamodb?.SequenceNumber,
    });
  });

  it('does not count a redelivered record twice', async () => {
    const record = need('r1');
    await handler(streamEvent([record]), lambdaContext());
    await handler(streamEvent([record]), lambdaContext());
    expect((await handledNeeds()).filter((n) => n === 'r1')).toHaveLength(1);
  });

  it('reports a partial batch failure when DynamoDB throttles the consumer’s write', async () => {
    const single = await coldStart('market.matching');
    const ddb = mockClient(DynamoDBDocumentClient);
    try {
      ddb
        .on(PutCommand)
        .resolvesOnce({})
        .rejectsOnce(
          Object.assign(new Error('Throughput exceeds the current capacity'), {
            name: 'ProvisionedThroughputExceededException',
          }),
        );
      const first = need('t1');
      const second = need('t2');
      const res = await single(streamEvent([first, second]), lambdaContext());
      expect(res.batchItemFailures).toEqual([{ itemIdentifier: second.dynamodb?.SequenceNumber }]);
      expect(ddb.commandCalls(PutCommand)).toHaveLength(2);
    } finally {
      ddb.restore();
    }
  });

  it('publishes how many records it saw and how many failed', async () => {
    output.clear();
    await handler(streamEvent([need('m1'), need('m2', { poison: true })]), lambdaContext());
    const emf = output.metrics().find((m) => 'StreamRecordsFailed' in m);
    expect(emf).toMatchObject({ StreamRecords: 2, StreamRecordsFailed: 1, service: 'stream-marketplace' });
    const perConsumer = output.metrics().find((m) => 'ConsumerFailures' in m);
    expect(perConsumer).toMatchObject({ consumer: 'market.matching', ConsumerFailures: 1 });
  });

  it('refuses to start for a consumer that allJobs() does not have', async () => {
    await expect(coldStart('chain-map,warehouse')).rejects.toThrow(
      /No stream consumer named "warehouse".*known: chain-map, market.matching/,
    );
  });
});
