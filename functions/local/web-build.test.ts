import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureWebBuild, webBuildState, webSources } from './web-build';

let root: string;
const T0 = new Date('2025-01-01T00:00:00Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);

function file(path: string, text = '', at = T0) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  utimesSync(full, at, at);
}

/** A repository laid out as this one: the web app imports one file from the seed package. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parkbridge-web-build-'));
  file('package-lock.json', '{}');
  file('packages/web/index.html');
  file('packages/web/src/main.tsx', "import { App } from './app';\n");
  file('packages/web/src/app.tsx', "const Login = () => import('./login');\n");
  file('packages/web/src/login.tsx', "import { DEMO } from '../../seed/src/demo-data';\n");
  file('packages/seed/src/demo-data.ts', "import type { X } from './types';\n");
  file('packages/seed/src/types.ts');
  file('packages/seed/src/unrelated.ts');
  file('packages/web/node_modules/.vite/cache.json');
  file('packages/web/dist/index.html', '', later(10));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('webBuildState', () => {
  it('is fresh when the build is newer than every source', () => {
    expect(webBuildState(root)).toEqual({ state: 'fresh' });
  });

  it('is missing without a build', () => {
    rmSync(join(root, 'packages/web/dist'), { recursive: true });
    expect(webBuildState(root)).toEqual({ state: 'missing' });
  });

  it('names a web source changed after the build', () => {
    file('packages/web/src/login.tsx', "import { DEMO } from '../../seed/src/demo-data';\n", later(20));
    expect(webBuildState(root)).toMatchObject({ state: 'stale', newer: 'packages/web/src/login.tsx' });
  });

  it('follows the sources’ imports out of the web app, and the lockfile', () => {
    file('packages/seed/src/types.ts', '', later(20));
    expect(webBuildState(root)).toMatchObject({ state: 'stale', newer: 'packages/seed/src/types.ts' });
    file('packages/seed/src/types.ts');
    file('package-lock.json', '{}', later(20));
    expect(webBuildState(root)).toMatchObject({ state: 'stale', newer: 'package-lock.json' });
  });

  it('ignores what the build does not read: its output, caches and files nobody imports', () => {
    file('packages/web/dist/assets/x.js', '', later(20));
    file('packages/web/node_modules/.vite/cache.json', '', later(20));
    file('packages/seed/src/unrelated.ts', '', later(20));
    expect(webBuildState(root)).toEqual({ state: 'fresh' });
  });
});

describe('webSources of this repository', () => {
  it('has the web app and the demo logins its login page imports, not its build', () => {
    const sources = webSources();
    expect(sources).toContain('packages/web/index.html');
    expect(sources).toContain('packages/web/vite.config.ts');
    expect(sources).toContain('packages/seed/src/demo-data.ts');
    expect(sources.some((s) => s.startsWith('packages/web/dist/'))).toBe(false);
  });
});

/** This temporary repository has no web workspace, so any build it is asked for fails. */
describe('ensureWebBuild', () => {
  const said = () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    return () => [...log.mock.calls, ...warn.mock.calls].map((c) => String(c[0]));
  };

  it('leaves a fresh build alone, and says nothing', () => {
    const lines = said();
    ensureWebBuild(root);
    expect(lines()).toEqual([]);
  });

  it('says plainly that it serves an old build when the rebuild fails, naming the newer source', () => {
    file('packages/web/src/app.tsx', '', later(20));
    const lines = said();
    ensureWebBuild(root);
    expect(lines()).toEqual([
      '[start] rebuilding the web app: packages/web/src/app.tsx changed after its last build…',
      `[start] the web app could not be rebuilt (see above): serving its old build of ${later(10).toISOString()}, older than packages/web/src/app.tsx.`,
    ]);
  });

  it('stops the start when there is no build and none can be made', () => {
    rmSync(join(root, 'packages/web/dist'), { recursive: true });
    said();
    expect(() => ensureWebBuild(root)).toThrow('the web app could not be built');
  });
});
