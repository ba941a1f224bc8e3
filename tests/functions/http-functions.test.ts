import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTE_GROUPS, type RouteGroup } from '@parkbridge/api';
import { EnvName } from '@parkbridge/config';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HTTP_FUNCTIONS } from '../../infra/stacks/workloads';

const ROUTES_DIR = join(import.meta.dirname, '../../packages/api/src/routes');

/** The route folders a group's routes come from: its own, or (core) those core-routes.ts imports. */
function routeFoldersOf(group: RouteGroup): string[] {
  if (group !== 'core') return [join(ROUTES_DIR, group)];
  const source = readFileSync(join(ROUTES_DIR, 'core-routes.ts'), 'utf8');
  return [...source.matchAll(/from '\.\/([a-z-]+)'/g)].map((m) => join(ROUTES_DIR, m[1]!));
}

/** The contexts beside core that a group's route handlers reach (`app.market.…` and the like). */
function contextsReachedBy(group: RouteGroup): Set<string> {
  const reached = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(
          /\bapp\.(market|bidding|expos|chainMap|documents)\b/g,
        ))
          reached.add(m[1]!);
    }
  };
  for (const dir of routeFoldersOf(group)) walk(dir);
  return reached;
}

type Entry = { spec: { group: RouteGroup; routes: readonly unknown[]; contexts: Record<string, unknown> } };
const entries = new Map<string, Entry>();

beforeAll(async () => {
  // Cold-starting an entry parses its config and builds its app; nothing reaches the table.
  Object.assign(process.env, {
    [EnvName.tableName]: 'http-functions-test',
    [EnvName.cursorSecret]: 'http-functions-test-secret-0123456789',
    [EnvName.dynamoEndpoint]: 'http://127.0.0.1:9',
    [EnvName.filesBucket]: 'http-functions-test-files',
    AWS_REGION: 'eu-central-1',
  });
  for (const [name, fn] of Object.entries(HTTP_FUNCTIONS)) {
    vi.resetModules();
    entries.set(name, (await import(`../../${fn.entry}`)) as Entry);
  }
}, 120_000);

describe.each(Object.entries(HTTP_FUNCTIONS))('the %s HTTP function', (name, fn) => {
  it('serves exactly its route group', () => {
    const { spec } = entries.get(name)!;
    expect(fn.routeGroups).toEqual([spec.group]);
    // Each entry was imported as a fresh container (its own module instances): compare by name.
    const names = (routes: readonly unknown[]) => routes.map((r) => (r as () => void).name);
    expect(names(spec.routes)).toEqual(names(ROUTE_GROUPS[spec.group]));
    expect(names(spec.routes).length).toBeGreaterThan(0);
  });

  it('composes every context its routes reach, and no other', () => {
    const { spec } = entries.get(name)!;
    expect(new Set(Object.keys(spec.contexts))).toEqual(contextsReachedBy(spec.group));
  });
});

describe('the route scan', () => {
  it('finds the contexts that route handlers reach', () => {
    expect(contextsReachedBy('market')).toEqual(new Set(['market']));
    expect(contextsReachedBy('core')).toEqual(new Set());
    // Parks, categories, currencies, organisations, notifications and audit.
    expect(routeFoldersOf('core').length).toBe(6);
  });
});
