import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvName, ORIGIN_HEADER } from '@parkbridge/config';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { secretOriginDoor } from '../../functions/shared/origin-door';
import { captureOutput } from './fixtures/captured-output';
import { freshTable } from './fixtures/dynamo-table';
import { httpApiEvent, lambdaContext } from './fixtures/lambda-events';

// Secrets Manager has no local stand-in: its answers are given here, as in lambda-runtime.test.ts.
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:OriginSecret-AbCdEf';
const secrets = mockClient(SecretsManagerClient);

function versions(byStage: Partial<Record<'AWSCURRENT' | 'AWSPREVIOUS' | 'AWSPENDING', string>>) {
  secrets.reset();
  secrets.on(GetSecretValueCommand).callsFake(async (input: { VersionStage: keyof typeof byStage }) => {
    const value = byStage[input.VersionStage];
    if (value === undefined) {
      throw Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });
    }
    return { SecretString: value };
  });
}

describe('the origin door (the values CloudFront may send)', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('admits the current, previous and pending values, and nothing else', async () => {
    versions({ AWSCURRENT: 'current', AWSPREVIOUS: 'previous', AWSPENDING: 'pending' });
    const door = secretOriginDoor(ARN, new SecretsManagerClient({}), now);
    await door.refresh();
    for (const v of ['current', 'previous', 'pending']) expect(await door.admits(v)).toBe(true);
    for (const v of [undefined, '', 'guess', 'CURRENT', 'current ']) expect(await door.admits(v)).toBe(false);
  });

  it('admits the current value alone before the first rotation (no previous or pending version)', async () => {
    versions({ AWSCURRENT: 'only' });
    const door = secretOriginDoor(ARN, new SecretsManagerClient({}), now);
    await door.refresh();
    expect(await door.admits('only')).toBe(true);
    expect(await door.admits('previous')).toBe(false);
  });

  it('refuses to start on a secret without a value, rather than admit nobody silently', async () => {
    versions({});
    await expect(secretOriginDoor(ARN, new SecretsManagerClient({}), now).refresh()).rejects.toThrow(
      /has no value/,
    );
  });

  it('learns a rotated value: at once after 5 minutes, and on an unknown value at most twice a minute', async () => {
    versions({ AWSCURRENT: 'old' });
    const door = secretOriginDoor(ARN, new SecretsManagerClient({}), now);
    await door.refresh();
    const reads = () => secrets.commandCalls(GetSecretValueCommand).length;
    const afterStart = reads();

    versions({ AWSCURRENT: 'new', AWSPREVIOUS: 'old' });
    clock += 10_000;
    expect(await door.admits('new')).toBe(false);
    expect(await door.admits('guess')).toBe(false);
    expect(reads()).toBe(0); // within 30 s of the last read: an unknown value costs no read

    clock += 30_000;
    expect(await door.admits('new')).toBe(true);
    expect(await door.admits('old')).toBe(true);
    expect(reads()).toBeGreaterThan(0);
    expect(afterStart).toBe(3);
  });
});

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

describe('an HTTP function with the origin secret set (prod)', () => {
  let table: Awaited<ReturnType<typeof freshTable>>;
  let output: ReturnType<typeof captureOutput>;
  let handler: Handler;

  beforeAll(async () => {
    table = await freshTable();
    output = captureOutput();
    versions({ AWSCURRENT: 'cloudfront-knows-this' });
    vi.resetModules();
    Object.assign(process.env, table.env, {
      POWERTOOLS_SERVICE_NAME: 'http-core',
      [EnvName.originSecretArn]: ARN,
    });
    handler = (await import('../../functions/http/core')).handler as unknown as Handler;
  });
  afterAll(() => {
    delete process.env[EnvName.originSecretArn];
    output.restore();
    table.close();
  });

  it('refuses a request that reached the API without CloudFront (403 origin.direct), before reading it', async () => {
    for (const headers of [{}, { [ORIGIN_HEADER]: 'a-guess' }] as Record<string, string>[]) {
      const res = await handler(
        httpApiEvent('GET', '/health', { routeKey: 'GET /health', headers }),
        lambdaContext(),
      );
      expect(res.statusCode).toBe(403);
      expect(res.headers?.['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.parse(res.body ?? '{}').code).toBe('origin.direct');
    }
  });

  it('serves what CloudFront forwards, with the origin secret', async () => {
    const res = await handler(
      httpApiEvent('GET', '/health', {
        routeKey: 'GET /health',
        headers: { [ORIGIN_HEADER]: 'cloudfront-knows-this' },
      }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(200);
  });
});
