import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@parkbridge/db';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { kb, lambdaEntries } from '../../bench/support/lambda-bundles';
import { ParkbridgeFunction } from '../../infra/constructs/parkbridge-function';
import { BUNDLE_BUDGET_BYTES, OPEN_BUNDLE_FINDINGS } from '../perf/bundle-budget';
import { cdkJsonContext } from './synth';

const run = promisify(execFile);

/** The Lambda entries, bundled exactly as the stack bundles them (same construct, same options). */
const ENTRIES = {
  core: 'functions/http/core.ts',
  market: 'functions/http/market.ts',
  bidding: 'functions/http/bidding.ts',
  expos: 'functions/http/expos.ts',
  chainMap: 'functions/http/chain-map.ts',
  documents: 'functions/http/documents.ts',
  discovery: 'functions/http/discovery.ts',
  streams: 'functions/streams/handler.ts',
  schedules: 'functions/schedules/handler.ts',
  auth: 'functions/auth/pre-token-generation.ts',
  customMessage: 'functions/auth/custom-message.ts',
  mailSender: 'functions/mail/dispatch.ts',
  mailEvents: 'functions/mail/ses-events.ts',
  originSecretRotation: 'functions/ops/rotate-origin-secret.ts',
} as const;

/** Entries that never read the table. */
const WITHOUT_TABLE: readonly string[] = [ENTRIES.originSecretRotation];

let bundles: Record<keyof typeof ENTRIES, string>;

beforeAll(() => {
  const outdir = mkdtempSync(join(tmpdir(), 'parkbridge-bundles-'));
  // Asset metadata (where each bundle was staged) is on by default only under the CLI.
  const app = new App({ outdir, context: { ...cdkJsonContext(), 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Bundles');
  for (const [name, entry] of Object.entries(ENTRIES)) {
    new ParkbridgeFunction(stack, name, {
      entry,
      serviceName: name,
      description: name,
      openApiDocument: name === 'core',
    });
  }
  const assembly = app.synth();
  const template = assembly.getStackByName('Bundles').template;
  bundles = Object.fromEntries(
    Object.keys(ENTRIES).map((name) => {
      const [id] = Object.entries(template.Resources).find(
        ([, r]: [string, any]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === name,
      ) as [string, any];
      return [name, join(outdir, template.Resources[id].Metadata['aws:asset:path'])];
    }),
  ) as typeof bundles;
}, 300_000);

/** Runs a bundle in a fresh Node process, as Lambda would load it, and invokes its handler once. */
async function invokeBundle(dir: string, env: Record<string, string>, event: unknown) {
  // A failure at init (top-level await) is what Lambda reports as Runtime.ImportModuleError.
  const script = `
    const context = { functionName: 'bundle', awsRequestId: 'r-1', invokedFunctionArn: 'arn:aws:lambda:eu-central-1:1:function:bundle',
      getRemainingTimeInMillis: () => 10000, memoryLimitInMB: '1024', functionVersion: '$LATEST' };
    try {
      const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
      process.stdout.write('\\nRESULT ' + JSON.stringify(await handler(${JSON.stringify(event)}, context)) + '\\n');
    } catch (err) { process.stdout.write('\\nERROR ' + JSON.stringify(String(err)) + '\\n'); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      ...env,
    },
    timeout: 60_000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT ') || l.startsWith('ERROR '));
  if (!line) throw new Error(`no result: ${stdout}`);
  return line.startsWith('ERROR ')
    ? { error: JSON.parse(line.slice(6)) }
    : { result: JSON.parse(line.slice(7)) };
}

describe('the Lambda bundles', () => {
  it('are minified ESM with the createRequire banner and external source maps', () => {
    const rows: string[] = [];
    for (const [name, dir] of Object.entries(bundles)) {
      const code = readFileSync(join(dir, 'index.mjs'));
      expect(code.toString('utf8', 0, 200)).toMatch(
        /^import\{createRequire as __pbCreateRequire\}from"node:module"|^import \{ createRequire as __pbCreateRequire \}/,
      );
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      // sourcesContent is left out: the map stays small and the code is not shipped twice.
      expect(JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')).sourcesContent).toBeUndefined();
      rows.push(
        `${name.padEnd(10)} ${kb(code.length).padStart(9)} minified  ${kb(gzipSync(code, { level: 9 }).length).padStart(8)} gzipped  ${kb(statSync(join(dir, 'index.mjs.map')).size).padStart(9)} map`,
      );
      expect(code.length).toBeLessThan(5 * 1024 * 1024);
    }
    console.log(`Lambda bundles (esbuild, minified, node22 ESM):\n${rows.join('\n')}`);
  });

  it('cover every Lambda entry infra bundles', () => {
    expect(Object.values(ENTRIES).sort()).toEqual(lambdaEntries());
  });

  // Sizes are deterministic, so they are tested here; cold-start timings are benchmarked instead
  // (npm run bench -- cold-start, which also lists each bundle's largest parts).
  it.for(Object.entries(ENTRIES))(
    '%s uses DynamoDB if it reads the table and stays under 400 KB minified',
    ([name, entry]) => {
      const code = readFileSync(join(bundles[name as keyof typeof ENTRIES], 'index.mjs'), 'utf8');
      // The DynamoDB client's protocol target prefix is in each bundle that reads the table, only there.
      expect(code.includes('DynamoDB_20120810'), `${entry} calls DynamoDB`).toBe(
        !WITHOUT_TABLE.includes(entry),
      );
      // Bytes, not characters: the bundles are UTF-8 and the ISIC titles take 2-3 bytes a character.
      const bytes = Buffer.byteLength(code);
      const what = `${entry}: ${kb(bytes)} minified`;
      // The budget is for what can call DynamoDB (the request and data paths); the monthly
      // rotation carries the CloudFront client instead, held to the 5 MB ceiling above.
      if (WITHOUT_TABLE.includes(entry)) return;
      const open = OPEN_BUNDLE_FINDINGS[entry];
      if (!open) {
        expect(bytes, what).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
        return;
      }
      expect(bytes, `${what}, grown past its open finding's ceiling`).toBeLessThanOrEqual(open.ceilingBytes);
      expect(bytes, `${what}, under budget now: remove its open finding`).toBeGreaterThan(
        BUNDLE_BUDGET_BYTES,
      );
    },
  );

  it('carry only their own routes and contexts: no HTTP function bundles another context', () => {
    // A string of each function's own code as it stands in the minified bundle: one route path
    // (its createRoute) and, beside core, one string of its context's services or keys.
    const marks = {
      core: ['"/parks/{parkId}/memberships"'],
      market: ['"/listings/{listingId}"', '"chain_input"'],
      bidding: ['"/deals/{dealId}"', 'BIDDING#CLOSING'],
      expos: ['"/expos/{expoId}/floorplan"', '#BOOKINGS'],
      chainMap: ['"/parks/{parkId}/chain-map"', 'PARK#MAP#'],
      documents: ['"/uploads/{uploadId}/complete"', 'GuardDutyMalwareScanStatus'],
      discovery: ['"/public/parks/{parkId}"', 'SUPPLIERS'],
    } as const;
    // Another context's key a function reads on purpose: the public park page counts the park's
    // firms and chains from the chain map's counters (never its rows, which name firms).
    const reads: Partial<Record<keyof typeof marks, string[]>> = { discovery: ['PARK#MAP#'] };
    for (const fn of Object.keys(marks) as (keyof typeof marks)[]) {
      const code = readFileSync(join(bundles[fn], 'index.mjs'), 'utf8');
      for (const [other, own] of Object.entries(marks)) {
        for (const mark of own) {
          const expected = fn === other || (reads[fn]?.includes(mark) ?? false);
          expect(code.includes(mark), `${fn} bundle and ${other}'s ${mark}`).toBe(expected);
        }
      }
    }
  });

  it('serve HTTP API events from the bundled HTTP function against DynamoDB Local', async () => {
    const endpoint = inject('dynamoEndpoint');
    const tableName = `bundle-${randomUUID()}`;
    const raw = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    await raw.send(new CreateTableCommand(createTableInput(tableName)));
    raw.destroy();
    const env = {
      PARKBRIDGE_TABLE_NAME: tableName,
      PARKBRIDGE_DYNAMODB_ENDPOINT: endpoint,
      PARKBRIDGE_CURSOR_SECRET: 'bundle-test-cursor-secret-0123456789',
      POWERTOOLS_SERVICE_NAME: 'http-core',
    };
    const event = (path: string, claims?: Record<string, string>) => ({
      version: '2.0',
      routeKey: `ANY ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: { host: 'abc.execute-api.eu-central-1.amazonaws.com' },
      isBase64Encoded: false,
      requestContext: {
        requestId: 'bundle-req',
        http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'vitest' },
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
    });
    const health = await invokeBundle(bundles.core, env, event('/health'));
    expect(health.result).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
    const parks = await invokeBundle(
      bundles.core,
      env,
      event('/v1/parks', { sub: 'u-1', 'cognito:groups': '[tenant]' }),
    );
    expect(parks.result.statusCode).toBe(200);
    expect(JSON.parse(parks.result.body)).toEqual({ items: [], nextCursor: null });

    // The whole API's document, written beside the core bundle at bundling time.
    const doc = await invokeBundle(bundles.core, env, event('/openapi.json'));
    expect(doc.result.statusCode).toBe(200);
    const paths = Object.keys(JSON.parse(doc.result.body).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/parks', '/v1/needs', '/v1/needs/{needId}/bids', '/v1/expos']),
    );
    expect(paths.some((p) => p.startsWith('/v1/dev'))).toBe(false);

    // A context function serves its own routes only.
    const needs = await invokeBundle(
      bundles.market,
      { ...env, POWERTOOLS_SERVICE_NAME: 'http-market' },
      event('/v1/needs', { sub: 'u-1', org: 'org-1', 'cognito:groups': '[supplier]' }),
    );
    expect(needs.result.statusCode).toBe(200);
    const elsewhere = await invokeBundle(
      bundles.market,
      env,
      event('/v1/parks', { sub: 'u-1', 'cognito:groups': '[tenant]' }),
    );
    expect(elsewhere.result.statusCode).toBe(404);
  });

  it('load the stream, schedule, trigger and rotation bundles and fail loudly on a misconfiguration', async () => {
    const base = {
      PARKBRIDGE_TABLE_NAME: 'bundle-missing',
      PARKBRIDGE_CURSOR_SECRET: 'bundle-test-cursor-secret-0123456789',
    };
    const stream = await invokeBundle(
      bundles.streams,
      { ...base, PARKBRIDGE_STREAM_CONSUMERS: 'no-such-consumer' },
      { Records: [] },
    );
    expect(stream.error).toMatch(/No stream consumer named "no-such-consumer"/);
    const schedule = await invokeBundle(bundles.schedules, base, { job: 'no-such-job' });
    expect(schedule.error).toMatch(/No scheduled job named "no-such-job"/);
    const trigger = await invokeBundle(bundles.auth, {}, {});
    expect(trigger.error).toMatch(/tableName|invalid/i);
    const rotation = await invokeBundle(bundles.originSecretRotation, {}, {});
    expect(rotation.error).toMatch(/PARKBRIDGE_DISTRIBUTION_ID is not set/);
  });
});
