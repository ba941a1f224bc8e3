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

  it('declares every route behind a bearer token but the local dev routes, the public pages and the unsubscribe link', () => {
    const PUBLIC = [
      'POST /v1/dev/login',
      'GET /v1/dev/mail',
      // The signed token in the link is the proof (RFC 8058 one-click: mail clients post it without a login).
      'GET /v1/email/unsubscribe',
      'POST /v1/email/unsubscribe',
    ];
    // /v1/public/… are the contract's routes without a token: park pages, and park space on offer.
    const open = Object.values(documented.routes).filter(
      (r) => !r.secured && !PUBLIC.includes(r.key) && !r.key.includes(' /v1/public/'),
    );
    expect(open.map((r) => r.key)).toEqual([]);
  });

  it('declares the public pages without a security requirement, and nothing else under /v1/public', () => {
    const publicKeys = keys.filter((k) => k.includes(' /v1/public/'));
    expect(publicKeys.length).toBeGreaterThan(0);
    for (const k of publicKeys) {
      expect(k, 'public routes are reads').toMatch(/^GET /);
      expect(documented.routes[k as keyof typeof documented.routes]?.secured, k).toBe(false);
    }
  });
});

describe('docs/security.md', () => {
  it('shows the authorisation matrix as the tests run it (regenerate with npm run perf:doc)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    expect(doc).toContain(renderMatrix());
  });
});
