import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '@parkbridge/db/local';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ensureWebBuild, webBuildState } from '../../functions/local/web-build';
import { eventually } from '../support/eventually';

/**
 * `npm start` as a newcomer runs it, through npm itself: the README's first line, empty but for
 * the demo operator (PARKBRIDGE_SEED=none) on a free port.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = 'Parkbridge is running';
/** A start takes 10 to 65 s on this 2-core machine by how loaded it is, and two side by side at load 21 took 100 s. */
const START_TIMEOUT = 180_000;

/** Starts `npm start`; whatever is left of it when the test ends is killed. */
function npmStart(port: number, onTestFinished: TestContext['onTestFinished']) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PARKBRIDGE_SEED: 'none' };
  // The test runner silences the AWS SDK's notice for itself; the start script must do it alone.
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  delete env.PARKBRIDGE_DATA_DIR;
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const processes = () => tree(npm.pid as number);
  let seen = processes();
  onTestFinished(() => {
    for (const { pid } of [...seen, ...processes()].reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
  });
  let output = '';
  npm.stdout?.on('data', (d) => {
    output += d;
  });
  npm.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const snapshot = () => {
    seen = processes();
    return seen;
  };
  return { npm, exited, output: () => output, snapshot };
}

/** The process and every process below it, from /proc, each with its command name. */
function tree(root: number): { pid: number; name: string }[] {
  const parentOf = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(pid, Number(after[1]));
      names.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // gone meanwhile
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, parent] of parentOf) if (parent === found[i]) found.push(pid);
  }
  return found.map((pid) => ({ pid, name: names.get(pid) ?? '?' }));
}

/** Running, as opposed to gone or a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** `npm start` until its ready line, with the processes it runs then (Java among them). */
async function startedAndReady(port: number, onTestFinished: TestContext['onTestFinished']) {
  const run = npmStart(port, onTestFinished);
  await eventually(
    async () => run.output(),
    (out) => out.includes(READY) || run.npm.exitCode !== null,
    START_TIMEOUT - 30_000,
  );
  if (!run.output().includes(READY)) throw new Error(`npm start did not get ready:\n${run.output()}`);
  if (!(await answers(port))) throw new Error(`npm start is ready but port ${port} does not answer.`);
  const processes = run.snapshot();
  if (!processes.some((p) => p.name === 'java')) throw new Error('npm start runs no DynamoDB Local.');
  return { ...run, processes };
}

// Two starts side by side would both rebuild a stale web app into the same folder: build it first
// (`npm test` has, so this does nothing there). The rebuild decision has its own tests beside it.
beforeAll(() => ensureWebBuild(ROOT), START_TIMEOUT);

describe('npm start', () => {
  // Two whole starts side by side: they wait on Java and the disk as much as on the CPU.
  it.concurrent(
    'stops the server and DynamoDB Local when npm alone gets SIGTERM, and warns of nothing',
    async ({ expect, onTestFinished }) => {
      const port = await freePort();
      expect(webBuildState(ROOT).state).toBe('fresh');
      const run = await startedAndReady(port, onTestFinished);

      run.npm.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      await eventually(
        async () => run.processes.filter((p) => alive(p.pid)),
        (left) => left.length === 0,
        5_000,
      );
      expect(await answers(port)).toBe(false);

      const out = run.output();
      expect(out).toContain('SIGTERM: stopping Parkbridge, DynamoDB Local and the file server');
      expect(out).not.toMatch(/Warning|NodeVersionSupport/);
      // A fresh build is served as it is, without a rebuild.
      expect(out).not.toContain('[start]');
    },
    START_TIMEOUT,
  );

  it.concurrent(
    'stops too when npm is killed outright and cannot forward a signal',
    async ({ expect, onTestFinished }) => {
      const port = await freePort();
      const run = await startedAndReady(port, onTestFinished);

      run.npm.kill('SIGKILL');
      await run.exited;
      const { value: left } = await eventually(
        async () => run.processes.filter((p) => alive(p.pid)),
        (l) => l.length === 0,
        15_000,
      );
      expect(left).toEqual([]);
      expect(await answers(port)).toBe(false);
    },
    START_TIMEOUT,
  );

  it('says in one line which port is taken and which variable to change', async ({ onTestFinished }) => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '0.0.0.0', resolve));
    try {
      const run = npmStart(port, onTestFinished);
      expect(await run.exited).toBe(1);
      // npm's own banner ("> start", "> exec node …") aside, the output is one line.
      const lines = run
        .output()
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('> '));
      expect(lines).toEqual([
        `Parkbridge could not start: Port ${port} is already in use: stop what is using it, or choose ` +
          `another port with PORT, e.g. PORT=${port === 3001 ? 3002 : 3001} npm start.`,
      ]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
