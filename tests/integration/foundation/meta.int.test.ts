import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let rt: TestRuntime;
let doc: {
  openapi: string;
  info: { title: string; version: string; license?: unknown };
  paths: Record<string, Record<string, { security?: unknown[]; operationId?: string; responses: object }>>;
  components: { securitySchemes?: Record<string, unknown> };
};

beforeAll(async () => {
  rt = await startTestRuntime();
  doc = (await rt.call('GET', '/openapi.json')).body;
});
afterAll(() => rt.stop());

/** The foundation's operations (issue 2): they must all be documented. */
const FOUNDATION = [
  'get /v1/parks',
  'post /v1/parks',
  'get /v1/parks/{parkId}',
  'patch /v1/parks/{parkId}',
  'get /v1/categories',
  'get /v1/categories/{code}',
  'post /v1/orgs',
  'get /v1/orgs/{orgId}',
  'patch /v1/orgs/{orgId}',
  'post /v1/parks/{parkId}/memberships',
  'get /v1/parks/{parkId}/memberships',
  'get /v1/memberships',
  'post /v1/parks/{parkId}/memberships/{orgId}/approve',
  'post /v1/parks/{parkId}/memberships/{orgId}/reject',
  'post /v1/parks/{parkId}/memberships/{orgId}/suspend',
  'post /v1/parks/{parkId}/memberships/{orgId}/reinstate',
  'post /v1/orgs/{orgId}/certificates',
  'get /v1/orgs/{orgId}/certificates',
  'post /v1/orgs/{orgId}/certificates/{certId}/verify',
  'post /v1/orgs/{orgId}/certificates/{certId}/reject',
  'get /v1/notifications',
  'post /v1/notifications/{notificationId}/read',
  'get /v1/audit',
];

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, op })),
  );

describe('meta routes', () => {
  it('answers GET /health with ok, without a token', async () => {
    const res = await rt.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3.1 document that lists every foundation operation', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Parkbridge API');
    const keys = new Set(operations().map((o) => o.key));
    for (const op of FOUNDATION) expect(keys, op).toContain(op);
  });

  it('documents bearer security on every /v1 operation but the local dev routes, the public pages and the unsubscribe link', () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // The unsubscribe link's signed token is its proof (RFC 8058: mail clients post it without a login).
    const open = [
      'post /v1/dev/login',
      'get /v1/dev/mail',
      'get /v1/email/unsubscribe',
      'post /v1/email/unsubscribe',
    ];
    for (const { key, op } of operations()) {
      if (!key.includes(' /v1/')) continue;
      // /v1/public/… are the contract's pages without a token (park space on offer).
      const isOpen = open.includes(key) || key.includes(' /v1/public/');
      expect(op.security, key).toEqual(isOpen ? [] : [{ bearer: [] }]);
    }
  });

  it('names every foundation operation with a unique operationId', () => {
    const byKey = new Map(operations().map((o) => [o.key, o.op.operationId]));
    const ids = FOUNDATION.map((k) => byKey.get(k));
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(FOUNDATION.length);
    expect(byKey.get('post /v1/parks/{parkId}/memberships/{orgId}/suspend')).toBe('suspendMembership');
  });

  it('documents the problem responses of the foundation routes', () => {
    const byKey = new Map(operations().map((o) => [o.key, o.op]));
    expect(Object.keys(byKey.get('post /v1/parks')!.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403']),
    );
    expect(Object.keys(byKey.get('patch /v1/parks/{parkId}')!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412']),
    );
  });

  it('serves /docs as HTML that loads Swagger UI from /docs-assets and points it at /openapi.json', async () => {
    const page = await rt.app.request('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/docs-assets/swagger-ui-bundle.js"></script>');
    expect(html).toContain('href="/docs-assets/swagger-ui.css"');
    const init = await rt.app.request('/docs/init.js');
    expect(await init.text()).toContain("url: '/openapi.json'");
    // The assets it names exist in the package the local server serves them from.
    const dist = createRequire(import.meta.url).resolve('swagger-ui-dist/package.json');
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      expect(existsSync(join(dist, '..', file)), file).toBe(true);
    }
  });
});

describe('the OpenAPI document under Redocly CLI', () => {
  it('lints with zero errors against the recommended rules (redocly.yaml)', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkbridge-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const result = await promisify(execFile)(
        join(ROOT, 'node_modules/.bin/redocly'),
        ['lint', file, '--format=json', `--config=${join(ROOT, 'redocly.yaml')}`],
        {
          cwd: dir,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            NO_COLOR: '1',
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((err: { stdout: string; stderr: string }) => err);
      const report = JSON.parse(result.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(
        errors.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`),
        'Redocly errors',
      ).toEqual([]);
      expect(report.totals.errors).toBe(0);
      const warnings = report.problems.filter((p) => p.severity === 'warn');
      console.info(
        `redocly lint: 0 errors, ${report.totals.warnings} warnings`,
        [...new Set(warnings.map((w) => w.ruleId))].join(', '),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
