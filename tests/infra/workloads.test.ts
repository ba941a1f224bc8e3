import { ALL_ROUTE_GROUPS, createApp, type RouteGroup } from '@parkbridge/api';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { allJobs } from '@parkbridge/jobs';
import { createContainer } from '@parkbridge/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { pascal } from '../../infra/stacks/parkbridge-stack';
import {
  HTTP_FUNCTIONS,
  httpFunctionFor,
  jobsInCode,
  STREAM_READERS,
  streamReaders,
} from '../../infra/stacks/workloads';

const db = createDb({
  tableName: 'routes-test',
  cursorSecret: 'routes-test-secret-0123456789',
  region: 'eu-central-1',
});
const container = createContainer(db, parseRules({}));
afterAll(() => db.doc.destroy());

/** The /v1 paths (OpenAPI form) an app mounting these groups serves. */
function pathsOf(groups: RouteGroup[]): string[] {
  const app = createApp({ container, resolveCaller: async () => null, routeGroups: groups });
  const paths = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
    .map((r) => r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'));
  return [...new Set(paths)];
}

describe('the API Gateway route table', () => {
  it('sends every route the app mounts to a function that mounts it', () => {
    let checked = 0;
    for (const group of ALL_ROUTE_GROUPS) {
      for (const path of pathsOf([group])) {
        const concrete = path.replace(/\{[^}]+\}/g, 'x1');
        const target = httpFunctionFor(concrete);
        expect(target, path).toBeDefined();
        expect(
          HTTP_FUNCTIONS[target!.fn].routeGroups as readonly string[],
          `${path} → ${target?.route}`,
        ).toContain(group);
        checked++;
      }
    }
    // The core routes alone are more than this; the other contexts add theirs.
    expect(checked).toBeGreaterThan(15);
  });

  it('gives every route group exactly one function', () => {
    const owners = Object.values(HTTP_FUNCTIONS).flatMap((spec) => spec.routeGroups);
    expect([...owners].sort()).toEqual([...ALL_ROUTE_GROUPS].sort());
  });

  it('routes sub-resources to the context that owns them', () => {
    expect(httpFunctionFor('/v1/needs/n1/bids/mine')?.fn).toBe('bidding');
    expect(httpFunctionFor('/v1/needs/n1/matches')?.fn).toBe('market');
    expect(httpFunctionFor('/v1/needs/n1')?.fn).toBe('market');
    expect(httpFunctionFor('/v1/parks/p1/chain-map.csv')?.fn).toBe('chainMap');
    expect(httpFunctionFor('/v1/parks/p1/memberships')?.fn).toBe('core');
    expect(httpFunctionFor('/v1/slots/s1/hold')?.fn).toBe('expos');
    expect(httpFunctionFor('/v1/public/parks/p1/firms')?.fn).toBe('discovery');
    expect(httpFunctionFor('/v1/suppliers')?.fn).toBe('discovery');
  });

  it('lets unclaimed /v1 paths reach core, which answers a problem+json 404', () => {
    expect(httpFunctionFor('/v1/no-such-thing/x')).toEqual({ fn: 'core', route: '/v1/{proxy+}' });
    expect(httpFunctionFor('/v1/dev/login')?.fn).toBe('core');
  });
});

describe('the jobs the stack deploys', () => {
  it('are exactly the consumers and schedules allJobs() defines', () => {
    const jobs = allJobs(container);
    const inCode = jobsInCode();
    expect(inCode.consumers).toEqual(jobs.consumers.map((c) => c.name));
    expect(inCode.schedules.map((s) => s.name)).toEqual(jobs.schedules.map((s) => s.name));
    for (const s of inCode.schedules) expect(s.every.toMinutes()).toBeGreaterThanOrEqual(1);
  });

  it('put every consumer in exactly one of at most two stream readers', () => {
    const consumers = jobsInCode().consumers;
    const readers = streamReaders(consumers);
    expect(readers.length).toBeLessThanOrEqual(2);
    expect(readers.flatMap((r) => r.consumers).sort()).toEqual([...consumers].sort());
  });

  it('send the marketplace’s consumers to their own reader and the rest to the background one', () => {
    expect(
      streamReaders(['market.matching', 'expos.waitlist-offers', 'bidding.award-outcome', 'chain-map']),
    ).toEqual([
      { name: 'marketplace', consumers: ['market.matching', 'bidding.award-outcome'] },
      { name: 'background', consumers: ['expos.waitlist-offers', 'chain-map'] },
    ]);
    expect(streamReaders(['chain-map'])).toEqual([{ name: 'background', consumers: ['chain-map'] }]);
    expect(STREAM_READERS.map((r) => `Stream${pascal(r.name)}`)).toEqual([
      'StreamMarketplace',
      'StreamBackground',
    ]);
  });
});
