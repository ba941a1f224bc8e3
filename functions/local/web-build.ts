import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB = 'packages/web';
const SKIPPED = new Set(['dist', 'node_modules']);
/** What a relative import may leave out: `../../seed/src/demo-data` is demo-data.ts. */
const ENDINGS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

export type WebBuild =
  | { state: 'fresh' }
  | { state: 'missing' }
  | { state: 'stale'; builtAtMs: number; newer: string };

/**
 * Whether packages/web/dist is older than what it is built from: the web app's own files, the
 * files elsewhere in the repository that its sources import (the demo logins), and the lockfile
 * (its dependencies). Compared by modification time, as make does: a checkout or an edit touches
 * the files it changes.
 */
export function webBuildState(root: string = ROOT): WebBuild {
  const index = join(root, WEB, 'dist/index.html');
  if (!existsSync(index)) return { state: 'missing' };
  const builtAtMs = statSync(index).mtimeMs;
  const newer = webSources(root).find((file) => statSync(join(root, file)).mtimeMs > builtAtMs);
  return newer ? { state: 'stale', builtAtMs, newer } : { state: 'fresh' };
}

/** The files the web build reads, relative to the root. */
export function webSources(root: string = ROOT): string[] {
  const own = filesUnder(root, WEB);
  const outside = new Set<string>();
  const pending = own.filter((f) => /\.tsx?$/.test(f));
  while (pending.length) {
    const file = pending.pop() as string;
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(root, dirname(file), m[1] as string);
      if (!target || target.startsWith(`${WEB}/`) || outside.has(target)) continue;
      outside.add(target);
      pending.push(target);
    }
  }
  return [...own, ...outside, 'package-lock.json'].filter((f) => existsSync(join(root, f)));
}

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : filesUnder(root, path);
    return entry.isFile() ? [path] : [];
  });
}

function resolveImport(root: string, fromDir: string, specifier: string): string | null {
  const base = join(root, fromDir, specifier);
  for (const ending of ENDINGS) {
    const candidate = `${base}${ending}`;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

/**
 * Builds the web app when its build is missing or stale (3 to 9 s here, README), so `npm start` never
 * serves a page older than its sources. A failed rebuild leaves the old build served, and says so;
 * a failed first build stops the start.
 */
export function ensureWebBuild(root: string = ROOT): void {
  const build = webBuildState(root);
  if (build.state === 'fresh') return;
  console.log(
    build.state === 'missing'
      ? '[start] building the web app (no build yet)…'
      : `[start] rebuilding the web app: ${build.newer} changed after its last build…`,
  );
  const started = Date.now();
  const run = spawnSync(
    'npm',
    ['run', 'build', '--silent', '-w', '@parkbridge/web', '--', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (run.status === 0) {
    console.log(`[start] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (build.state === 'missing') throw new Error('the web app could not be built (see above).');
  console.warn(
    `[start] the web app could not be rebuilt (see above): serving its old build of ` +
      `${new Date(build.builtAtMs).toISOString()}, older than ${build.newer}.`,
  );
}
