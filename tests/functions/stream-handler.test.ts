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
 * The jobs' consumer lists are filled by each context; here a consumer named like infra's
 * "matching" stands in: it records every change it handles in the table (idempotently, keyed by
 * the change id) and fails on a poison item.
 */
vi.mock('@parkbridge/jobs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@parkbridge/jobs')>();
  return {
    ...real,
    allJobs: (app: Container) => ({
      consumers: [
        {
          name: 'matching',
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

async function coldStart(consumer: string): Promise<Handler> {
  vi.resetModules();
  Object.assign(process.env, table.env, {
    [EnvName.streamConsumer]: consumer,
    POWERTOOLS_SERVICE_NAME: `stream-${consumer}`,
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

async function handledNeeds(): Promise<string[]> {
  const out = await table.db.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'TEST#HANDLED' },
    }),
  );
  return (out.Items ?? []).map((i) => i.needId as string).sort();
}

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
  handler = await coldStart('matching');
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
    const logged = output.json().find((l) => l.message === 'Stream record failed');
    expect(logged).toMatchObject({ consumer: 'matching', sequenceNumber: poison.dynamodb?.SequenceNumber });
  });

  it('does not count a redelivered record twice', async () => {
    const record = need('r1');
    await handler(streamEvent([record]), lambdaContext());
    await handler(streamEvent([record]), lambdaContext());
    expect((await handledNeeds()).filter((n) => n === 'r1')).toHaveLength(1);
  });

  it('reports a partial batch failure when DynamoDB throttles the consumer’s write', async () => {
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
      const res = await handler(streamEvent([first, second]), lambdaContext());
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
    expect(emf).toMatchObject({ StreamRecords: 2, StreamRecordsFailed: 1, service: 'stream-matching' });
  });

  it('refuses to start for a consumer that allJobs() does not have', async () => {
    await expect(coldStart('warehouse')).rejects.toThrow(
      /No stream consumer named "warehouse".*known: matching/,
    );
  });
});
