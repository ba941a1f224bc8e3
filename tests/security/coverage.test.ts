import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../perf/budgets';
import { expectedStatus, MATRIX } from './authorization-matrix';
import { documentedApi } from './support/documented-routes';
import { renderMatrix } from './support/matrix-doc';
import { RECIPES } from './support/routes';

// Nobody adds a route without classifying it: each route of the OpenAPI document needs a
// happy-path recipe, a row of the authorisation matrix and a DynamoDB budget.
const documented = await documentedApi();
const keys = Object.keys(documented.routes).sort();

describe('every route of the OpenAPI document is classified', () => {
  it('has a happy-path recipe in tests/security/support/routes.ts', () => {
    expect(keys.filter((k) => !(k in RECIPES))).toEqual([]);
  });

  it('has a row in the authorisation matrix (tests/security/authorization-matrix.ts)', () => {
    expect(keys.filter((k) => !(k in MATRIX))).toEqual([]);
  });

  it('has a DynamoDB budget (tests/perf/budgets.ts)', () => {
    expect(keys.filter((k) => !(k in BUDGETS))).toEqual([]);
  });

  it('gives the recipe’s caller the recipe’s status in the matrix', () => {
    const disagree = keys.flatMap((k) => {
      const recipe = RECIPES[k as keyof typeof RECIPES];
      const entry = MATRIX[k as keyof typeof MATRIX];
      if (!recipe || !entry || recipe.as === 'fresh') return [];
      const want = expectedStatus(entry, recipe.as);
      return want === recipe.status ? [] : [`${k}: recipe ${recipe.status}, matrix ${want}`];
    });
    expect(disagree).toEqual([]);
  });

  it('declares every route (but the local dev login and the public pages) behind a bearer token', () => {
    // /v1/public/… are the contract's routes without a token: park space on offer, for investors.
    const open = Object.values(documented.routes).filter(
      (r) => !r.secured && r.key !== 'POST /v1/dev/login' && !r.key.includes(' /v1/public/'),
    );
    expect(open.map((r) => r.key)).toEqual([]);
  });
});

describe('docs/security.md', () => {
  it('shows the authorisation matrix as the tests run it (regenerate with npm run perf:doc)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    expect(doc).toContain(renderMatrix());
  });
});
