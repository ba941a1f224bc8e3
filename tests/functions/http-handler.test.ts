import { EnvName } from '@parkbridge/config';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable, userWithOrg } from './fixtures/dynamo-table';
import { cognitoClaims, httpApiEvent, lambdaContext } from './fixtures/lambda-events';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

let table: Awaited<ReturnType<typeof freshTable>>;
let output: ReturnType<typeof captureOutput>;

/** Imports a real entry (functions/http/<name>.ts) as a fresh Lambda container with this env. */
async function coldStart(name: 'core' | 'market'): Promise<Handler> {
  vi.resetModules();
  Object.assign(process.env, table.env, { POWERTOOLS_SERVICE_NAME: `http-${name}` });
  const entry = name === 'core' ? import('../../functions/http/core') : import('../../functions/http/market');
  return (await entry).handler as unknown as Handler;
}

const bodyOf = (res: APIGatewayProxyStructuredResultV2) => JSON.parse(res.body ?? 'null');

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
});
afterAll(() => {
  output.restore();
  table.close();
});

describe('the core HTTP function, invoked with API Gateway HTTP API v2 events', () => {
  let handler: Handler;
  let operator: Awaited<ReturnType<typeof userWithOrg>>;
  let tenant: Awaited<ReturnType<typeof userWithOrg>>;
  beforeAll(async () => {
    handler = await coldStart('core');
    operator = await userWithOrg(table.container, ['operator']);
    tenant = await userWithOrg(table.container, ['tenant']);
  });

  it('answers the public health route and echoes API Gateway’s request id', async () => {
    const event = httpApiEvent('GET', '/health', { routeKey: 'GET /health' });
    const res = await handler(event, lambdaContext());
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toEqual({ status: 'ok' });
    expect(res.headers?.['x-request-id']).toBe(event.requestContext.requestId);
  });

  it('lets an operator create a park from verified claims, stored in the table', async () => {
    const res = await handler(
      httpApiEvent('POST', '/v1/parks', {
        claims: cognitoClaims(operator.userId, operator.orgId, ['operator']),
        headers: { 'idempotency-key': 'park-1' },
        body: {
          name: 'VSIP Binh Duong',
          country: 'VN',
          location: { lat: 11.05, lon: 106.7 },
          currency: 'VND',
          timeZone: 'Asia/Ho_Chi_Minh',
        },
      }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(201);
    const park = bodyOf(res);
    expect(res.headers?.etag).toBeTruthy();
    const stored = await table.container.repos.parks.get(park.parkId);
    expect(stored?.name).toBe('VSIP Binh Duong');

    const read = await handler(
      httpApiEvent('GET', `/v1/parks/${park.parkId}`, {
        claims: cognitoClaims(tenant.userId, tenant.orgId, ['tenant']),
      }),
      lambdaContext(),
    );
    expect(read.statusCode).toBe(200);
    expect(bodyOf(read).name).toBe('VSIP Binh Duong');
  });

  it('reads a base64-encoded body as API Gateway may send it', async () => {
    const res = await handler(
      httpApiEvent('POST', '/v1/parks', {
        claims: cognitoClaims(operator.userId, operator.orgId, ['operator']),
        base64: true,
        body: {
          name: 'Шинэ парк',
          country: 'MN',
          location: { lat: 47.9, lon: 106.9 },
          currency: 'MNT',
          timeZone: 'Asia/Ulaanbaatar',
        },
      }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res).name).toBe('Шинэ парк');
  });

  it('refuses an operator-only route to a tenant with 403 problem+json', async () => {
    const res = await handler(
      httpApiEvent('POST', '/v1/parks', {
        claims: cognitoClaims(tenant.userId, tenant.orgId, ['tenant']),
        body: {
          name: 'x',
          country: 'IR',
          location: { lat: 1, lon: 1 },
          currency: 'IRR',
          timeZone: 'Asia/Tehran',
        },
      }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers?.['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers 401 when an event reaches a secured route without verified claims', async () => {
    const res = await handler(httpApiEvent('GET', '/v1/parks'), lambdaContext());
    expect(res.statusCode).toBe(401);
  });

  it('has no dev login route in the Lambda build', async () => {
    const res = await handler(
      httpApiEvent('POST', '/v1/dev/login', { body: { email: 'operator@parkbridge.demo' } }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(404);
    expect(bodyOf(res).code).toBe('route.not_found');
  });

  it('answers invalid JSON with 400 problem+json naming no internals', async () => {
    const event = httpApiEvent('POST', '/v1/orgs', {
      claims: cognitoClaims(operator.userId, operator.orgId, ['operator']),
      body: '{"name": ',
    });
    const res = await handler(event, lambdaContext());
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('counts a business metric once, not again for an idempotent replay', async () => {
    const founder = await userWithOrg(table.container, null);
    const event = () =>
      httpApiEvent('POST', '/v1/orgs', {
        claims: cognitoClaims(founder.userId, null, []),
        headers: { 'idempotency-key': 'org-once' },
        body: { name: 'Erdenet Copper Works', kinds: ['supplier'], country: 'MN' },
      });
    output.clear();
    const first = await handler(event(), lambdaContext());
    const replay = await handler(event(), lambdaContext());
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(output.metricNames().filter((m) => m === 'OrgsRegistered')).toHaveLength(1);
  });

  it('answers 503 problem+json instead of running into the Lambda timeout', async () => {
    // 500 ms left: middy's early-timeout timer (500 ms before the end) fires at once.
    const res = await handler(
      httpApiEvent('GET', '/v1/parks', { claims: cognitoClaims(tenant.userId, tenant.orgId, ['tenant']) }),
      lambdaContext('parkbridge-test', 500),
    );
    expect(res.statusCode).toBe(503);
    expect(bodyOf(res).code).toBe('request.timeout');
  });
});

describe('an HTTP function whose table is gone', () => {
  let handler: Handler;
  beforeAll(async () => {
    const env = table.env;
    table.env = { ...env, [EnvName.tableName]: 'parkbridge-no-such-table' };
    handler = await coldStart('core');
    table.env = env;
  });

  it('answers 500 with only a request id, and logs the error under that correlation id', async () => {
    output.clear();
    const user = await userWithOrg(table.container, ['tenant']);
    const event = httpApiEvent('GET', '/v1/parks', {
      claims: cognitoClaims(user.userId, user.orgId, ['tenant']),
    });
    const res = await handler(event, lambdaContext());
    expect(res.statusCode).toBe(500);
    const problem = bodyOf(res);
    expect(problem.requestId).toBe(event.requestContext.requestId);
    expect(JSON.stringify(problem)).not.toMatch(/ResourceNotFound|no-such-table|\.ts:/);
    const logged = output.json().find((l) => l.level === 'ERROR' && l.message === 'Unhandled error');
    expect(logged).toMatchObject({ correlation_id: event.requestContext.requestId, service: 'http-core' });
    expect(JSON.stringify(logged)).toMatch(/ResourceNotFoundException|non-existent table|not found/i);
  });
});

describe('a context function (market) mounts only its own routes', () => {
  let handler: Handler;
  beforeAll(async () => {
    output.clear();
    handler = await coldStart('market');
  });

  it('emits a cold-start metric on its first invocation only', async () => {
    await handler(httpApiEvent('GET', '/health'), lambdaContext());
    await handler(httpApiEvent('GET', '/health'), lambdaContext());
    expect(output.metricNames().filter((m) => m === 'ColdStart')).toHaveLength(1);
  });

  it('does not serve another context’s route', async () => {
    const user = await userWithOrg(table.container, ['tenant']);
    const res = await handler(
      httpApiEvent('GET', '/v1/parks', { claims: cognitoClaims(user.userId, user.orgId, ['tenant']) }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(404);
  });

  it('leaves /openapi.json to the core function, to which API Gateway sends it', async () => {
    const res = await handler(httpApiEvent('GET', '/openapi.json'), lambdaContext());
    expect(res.statusCode).toBe(404);
  });
});
