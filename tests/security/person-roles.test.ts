import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectedStatus, MATRIX } from './authorization-matrix';
import { admitsRole, expectedForPerson, PERSON_ROLES } from './person-roles';
import { documentedApi } from './support/documented-routes';
import { renderPersonRoles } from './support/person-roles-doc';
import { runPersonRow } from './support/person-run';
import { RECIPES } from './support/routes';
import { type ScenarioRuntime, startScenarioRuntime } from './support/runtime';
import { PERSON_CALLERS, type PersonCaller, personOf, type Scenario } from './support/scenario';

// The role dimension of the authorisation matrix (person-roles.ts), one test per route of the
// app's own OpenAPI document.
const documented = await documentedApi();
const routes = Object.values(documented.routes);
const ROLES = ['admin', 'buyer', 'seller', 'viewer', 'staff'];

let rt: ScenarioRuntime;
let s: Scenario;

beforeAll(async () => {
  rt = await startScenarioRuntime({ endpoint: inject('dynamoEndpoint') });
  s = await rt.scenario();
  await s.people();
}, 180_000);
afterAll(() => rt?.stop());

describe('every route states the person roles it admits', () => {
  it.for(routes.map((r) => [r.key, r] as const))(
    '%s declares what the role dimension says',
    ([key, route]) => {
      const entry = PERSON_ROLES[key];
      expect(entry, `${key} has no row in tests/security/person-roles.ts`).toBeDefined();
      // A public route (no token) has no person to ask about.
      if (!route.secured) return expect(route.personRoles).toBeNull();
      expect(route.personRoles, `${key} has no x-person-roles`).not.toBeNull();
      expect(route.personRoles).toEqual(ROLES.filter((r) => admitsRole(entry!, r)));
    },
  );
});

describe.concurrent('the role dimension of the authorisation matrix', () => {
  it.for(routes.filter((r) => r.secured).map((r) => [r.key, r] as const))(
    '%s answers each person as their role and organisation say',
    async ([key, route], { expect }) => {
      const recipe = RECIPES[key];
      expect(recipe, `${key} has no recipe`).toBeDefined();
      const want = Object.fromEntries(PERSON_CALLERS.map((c) => [c, expectedForPerson(key, c)])) as Record<
        PersonCaller,
        number
      >;
      const observed = await runPersonRow(s, rt.doc.routes[key] ?? route, recipe!, want);
      const got = Object.fromEntries(PERSON_CALLERS.map((c) => [c, observed[c].status]));
      const codes = PERSON_CALLERS.map(
        (c) => `${c}: ${observed[c].status} ${observed[c].body?.code ?? ''}`,
      ).join(', ');
      expect(got, `${key} — ${codes}`).toEqual(want);
      // Those the route does not admit are refused for their role, not for anything else.
      for (const c of PERSON_CALLERS.filter((c) => !admitsRole(PERSON_ROLES[key]!, personOf(c).role))) {
        if (observed[c].status === 403 && expectedStatus(MATRIX[key]!, personOf(c).relation) !== 403) {
          expect(observed[c].body?.code, `${key} as ${c}`).toBe('auth.person_role_not_allowed');
        }
      }
    },
  );
});

describe('docs/security.md', () => {
  it('shows the role dimension as the tests run it (regenerate with npm run perf:doc)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    expect(doc).toContain(renderPersonRoles());
  });
});
