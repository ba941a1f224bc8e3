import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Container } from '@parkbridge/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable } from './fixtures/dynamo-table';
import { lambdaContext, scheduleEvent } from './fixtures/lambda-events';

/** A stand-in for expos' "expire-holds": frees every hold past its expiry at `now`, in the table. */
vi.mock('@parkbridge/jobs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@parkbridge/jobs')>();
  return {
    ...real,
    allJobs: (app: Container) => ({
      consumers: [],
      schedules: [
        {
          name: 'expire-holds',
          everyMs: 60_000,
          async run(now: Date) {
            const hold = await app.db.doc.send(
              new GetCommand({ TableName: app.db.tableName, Key: { pk: 'TEST#HOLD', sk: 'H1' } }),
            );
            if (hold.Item?.status !== 'held' || hold.Item.expiresAtMs > now.getTime()) {
              return { processed: 0 };
            }
            await app.db.doc.send(
              new UpdateCommand({
                TableName: app.db.tableName,
                Key: { pk: 'TEST#HOLD', sk: 'H1' },
                UpdateExpression: 'SET #s = :expired',
                ConditionExpression: '#s = :held',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':expired': 'expired', ':held': 'held' },
              }),
            );
            return { processed: 1 };
          },
        },
      ],
    }),
  };
});

type Handler = (event: unknown, context: unknown) => Promise<{ job: string; processed: number }>;

let table: Awaited<ReturnType<typeof freshTable>>;
let output: ReturnType<typeof captureOutput>;
let handler: Handler;

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
  Object.assign(process.env, table.env, { POWERTOOLS_SERVICE_NAME: 'schedules' });
  handler = (await import('../../functions/schedules/handler')).handler as unknown as Handler;
});
afterAll(() => {
  output.restore();
  table.close();
});

describe('the schedule function, invoked as EventBridge Scheduler invokes it', () => {
  it('runs the job named in the event at the server’s time', async () => {
    await table.db.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: 'TEST#HOLD', sk: 'H1', status: 'held', expiresAtMs: Date.now() - 1000 },
      }),
    );
    const res = await handler(scheduleEvent('expire-holds'), lambdaContext('schedules'));
    expect(res).toEqual({ job: 'expire-holds', processed: 1 });
    const hold = await table.db.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'TEST#HOLD', sk: 'H1' } }),
    );
    expect(hold.Item?.status).toBe('expired');
  });

  it('is harmless to run again (the next schedule finds nothing to do)', async () => {
    const res = await handler(scheduleEvent('expire-holds'), lambdaContext('schedules'));
    expect(res.processed).toBe(0);
  });

  it('logs the run under the scheduler’s execution id and counts what it processed', async () => {
    output.clear();
    const event = scheduleEvent('expire-holds');
    await handler(event, lambdaContext('schedules'));
    const line = output.json().find((l) => l.message === 'Scheduled job ran');
    expect(line).toMatchObject({ job: 'expire-holds', correlation_id: event.executionId });
    const emf = output.metrics().find((m) => 'JobItemsProcessed' in m);
    expect(emf).toMatchObject({ job: 'expire-holds', JobItemsProcessed: 0 });
  });

  it('fails (so Lambda retries, then dead-letters) for a job that does not exist', async () => {
    await expect(handler(scheduleEvent('close-everything'), lambdaContext('schedules'))).rejects.toThrow(
      /No scheduled job named "close-everything".*known: expire-holds/,
    );
  });

  it('fails on an event that is not a schedule’s payload', async () => {
    await expect(handler({ detail: {} }, lambdaContext('schedules'))).rejects.toThrow();
  });
});
