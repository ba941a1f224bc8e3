import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { EnvName } from '@parkbridge/config';
import { MIGRATIONS, runMigrations } from '@parkbridge/db/migrations';
import { DEMO_LOGINS, seedDemo, seedOperatorOnly } from '@parkbridge/seed';
import { startLocalRuntime } from './local-runtime';
import { portFrom, portProblem } from './port';
import { mountStaticFiles } from './static-files';

const HOST = '0.0.0.0';

/**
 * `npm start`: Parkbridge on one port (API, web app, API reference) with DynamoDB Local started and
 * stopped by this process, the table made from the stack's definition, and the demo data.
 */
async function main() {
  const started = Date.now();
  const port = portFrom(process.env);
  const dataDir = process.env[EnvName.dataDir] ? resolve(process.env[EnvName.dataDir] as string) : undefined;
  const seed = (process.env[EnvName.seed] ?? 'demo') as 'demo' | 'none';
  if (!['demo', 'none'].includes(seed)) throw new Error(`${EnvName.seed} must be demo or none.`);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const secrets = localSecrets(dataDir);

  const { mailSecret, ...tokenSecrets } = secrets;
  const runtime = await startLocalRuntime({
    dataDir,
    jobs: true,
    ...tokenSecrets,
    mail: {
      secret: mailSecret,
      webOrigin: `http://localhost:${port}`,
      refuse: (process.env[EnvName.mailRefuse] ?? 'bounce@parkbridge.demo')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    },
  });
  let server: ServerType | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Parkbridge, DynamoDB Local, the file server and the SMTP server…`);
    server?.close();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let seeded: string;
  let migrated: Awaited<ReturnType<typeof runMigrations>>;
  try {
    // Data kept from an older release is brought up to this one's first (each migration is idempotent).
    migrated = await runMigrations(runtime.db, MIGRATIONS);
    seeded = seed === 'demo' ? await seedDemo(runtime.container) : await seedOperatorOnly(runtime.container);
    mountStaticFiles(runtime.app, join(import.meta.dirname, '../../packages/web/dist'));
    server = await listen(runtime.app.fetch, port);
  } catch (err) {
    await runtime.stop();
    throw err;
  }
  const url = `http://localhost:${port}`;
  console.log(`
Parkbridge is running (${((Date.now() - started) / 1000).toFixed(1)} s)
  web app        ${url}/
  API            ${url}/v1
  API reference  ${url}/docs   (OpenAPI: ${url}/openapi.json)
  DynamoDB Local ${runtime.endpoint} (${dataDir ? `data in ${dataDir}` : 'in memory'})
  files (S3)     ${runtime.s3Endpoint} (${dataDir ? `kept in ${join(dataDir, 'files')}` : 'a temporary folder'})
  mail           ${url}/dev/mail   (SMTP on ${runtime.mail.server.host}:${runtime.mail.server.port}; refuses ${process.env[EnvName.mailRefuse] ?? 'bounce@parkbridge.demo'})
  migrations     ${migrated.map((m) => `${m.name} (${m.status}${m.changed ? `, ${m.changed} changed` : ''})`).join('; ')}
  demo data      ${seeded}

Demo logins (POST /v1/dev/login { "email": … }, or pick one in the web app):
${DEMO_LOGINS.map((l) =>
  [
    `  ${l.email.padEnd(34)} ${l.role.padEnd(9)} ${l.org}`,
    ...l.people.map((p) => `    ${p.email.padEnd(32)} ${p.role}`),
  ].join('\n'),
).join('\n')}

Ctrl-C (or SIGTERM to npm start) stops everything.`);
}

/** The one port; taken since `npm start` asked (scripts/start.mjs), it is told in one line too. */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: HOST });
    server.once('listening', () => resolve(server));
    server.once('error', (err) => reject(portProblem(port, err)));
  });
}

/**
 * Tokens, cursors and unsubscribe links stay valid across restarts when the data is kept;
 * otherwise fresh each run. A file from before a secret existed gains it.
 */
function localSecrets(dataDir: string | undefined) {
  const fresh = {
    tokenSecret: randomBytes(32).toString('hex'),
    cursorSecret: randomBytes(24).toString('hex'),
    mailSecret: randomBytes(24).toString('hex'),
  };
  if (!dataDir) return fresh;
  const file = join(dataDir, 'local-secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<typeof fresh>) : {};
  const secrets = { ...fresh, ...kept };
  if (Object.keys(kept).length !== Object.keys(secrets).length) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}

main().catch((err) => {
  console.error(`Parkbridge could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
