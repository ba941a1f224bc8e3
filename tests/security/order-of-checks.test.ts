import { ROUTE_GROUPS, type RouteFactory } from '@parkbridge/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { coreSubjects, mergeSubjects, PART_PARAMETERS } from '../../packages/api/src/http/subjects';
import { expectedStatus, MATRIX } from './authorization-matrix';
import { pathParamNames } from './support/openapi';
import { MALFORMED_IF_MATCH } from './support/order-variants';
import { RECIPES } from './support/routes';
import { type ScenarioRuntime, startScenarioRuntime } from './support/runtime';
import { CALLERS, type Scenario } from './support/scenario';
import { send } from './support/send';

// The contract's order of checks: 401 → 404 (can the caller see it) → 403 → 400 → 412 → 409/422.
// tests/security/matrix.test.ts checks every route and caller with every variant; these are the
// regressions found by hand, by name.

let rt: ScenarioRuntime;
let s: Scenario;

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  s = await rt.scenario();
}, 120_000);
afterAll(() => rt?.stop());

const takesIfMatch = (key: string) =>
  rt.doc.routes[key as keyof typeof rt.doc.routes]?.params.some(
    (p) => p.in === 'header' && p.name === 'if-match',
  );

describe('the order of checks', () => {
  it('knows, for every path parameter of the API, how to tell whether the caller sees what it names', () => {
    const container = rt.runtime.container;
    const subjects = mergeSubjects([
      coreSubjects(container),
      ...Object.values(ROUTE_GROUPS).flatMap((group) =>
        group.map((f: RouteFactory) => f.subjects?.(container) ?? {}),
      ),
    ]);
    const names = new Set(Object.values(rt.doc.routes).flatMap((r) => pathParamNames(r.path)));
    const unchecked = [...names].filter((n) => !(n in subjects.seen) && !(n in PART_PARAMETERS));
    expect(unchecked).toEqual([]);
  });

  it('answers a malformed If-Match on someone else’s listing, need, chain, organisation, deal, slot or park as it answers without one, never 412', async () => {
    const keys = Object.keys(rt.doc.routes).filter(takesIfMatch) as (keyof typeof MATRIX)[];
    expect(keys.length).toBeGreaterThanOrEqual(14);
    const wrong: string[] = [];
    await Promise.all(
      keys.map(async (key) => {
        const route = rt.doc.routes[key]!;
        const rc = await RECIPES[key]!.build(s);
        for (const caller of CALLERS) {
          const want = expectedStatus(MATRIX[key]!, caller);
          if (want !== 403 && want !== 404) continue;
          const headers = { ...rc.headers, 'if-match': MALFORMED_IF_MATCH };
          const res = await send(s, route, { ...rc, headers }, await s.tokenFor(caller));
          if (res.status !== want) wrong.push(`${key} as ${caller}: ${res.status}, not ${want}`);
        }
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('answers 409, not 412, to the losers of a race between decisions that sent no If-Match', async () => {
    const orgId = await s.applicant();
    const path = `/v1/parks/${s.a.parkId}/memberships/${orgId}/approve`;
    const decisions = Array.from({ length: 40 }, () => s.h.call('POST', path, { token: s.a.operator.token }));
    const statuses = (await Promise.all(decisions)).map((r) => r.status);
    expect(statuses.filter((st) => st === 200)).toHaveLength(1);
    expect(statuses.filter((st) => st !== 200).every((st) => st === 409)).toBe(true);
  });

  it('answers 412 to the loser of a race that sent the If-Match it read', async () => {
    const path = `/v1/parks/${s.a.parkId}`;
    const etag = await s.etag('operator', path);
    const results = await Promise.all(
      ['Eshtehard', 'Karaj'].map((city) =>
        s.h.call('PATCH', path, { token: s.a.operator.token, body: { city }, headers: { 'if-match': etag } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});
