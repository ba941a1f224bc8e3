import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appWithoutDatabase, documentedApi } from '../security/support/documented-routes';
import { API_DOC, likelyArea, readApiDoc } from './api-doc';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const doc = readApiDoc(ROOT);
const live = await documentedApi();
/** Routes outside /v1 that the OpenAPI document does not describe; docs/api.md lists them under this heading. */
const META_AREA = 'Meta';

describe(`${API_DOC} lists every route the API serves, and no other`, () => {
  const listed = doc.routes.filter((r) => r.area !== META_AREA);

  it('writes each route as `METHOD /path` in the first cell of its table, once', () => {
    const malformed = doc.malformed.map((m) => `  ${API_DOC}:${m.line}: ${m.text}`);
    expect(
      malformed,
      `Rows of the route tables must start with the route in backticks, \`GET /v1/parks\`:\n${malformed.join('\n')}\n`,
    ).toEqual([]);
    const seen = new Map<string, number>();
    const twice = doc.routes.flatMap((r) => {
      const first = seen.get(r.key);
      seen.set(r.key, r.line);
      return first ? [`${r.key} at lines ${first} and ${r.line}`] : [];
    });
    expect(twice, 'A route is listed twice').toEqual([]);
    expect(listed.length).toBeGreaterThan(50);
  });

  it('lists every route of the live OpenAPI document', () => {
    const missing = Object.values(live.routes)
      .filter((r) => !listed.some((d) => d.key === r.key))
      .map((r) => {
        const area = likelyArea(r.path, listed);
        const where = area ? `under "### ${area}"` : 'under a new "### …" heading for this resource';
        return `  ${where}:  | \`${r.key}\` | <who> | ${r.summary} |`;
      });
    expect(
      missing,
      `${API_DOC} does not list ${missing.length} route(s) the API serves. Add each row to the table ` +
        `under the heading shown (or a better one), with who may call it and what it does:\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });

  it('lists no route that the live OpenAPI document lacks', () => {
    const extra = listed
      .filter((d) => !(d.key in live.routes))
      .map((d) => `  ${API_DOC}:${d.line} (### ${d.area}): \`${d.key}\``);
    expect(
      extra,
      `${API_DOC} lists ${extra.length} route(s) the API does not serve: remove each row, or correct its ` +
        `method and path to the OpenAPI document's (GET /openapi.json):\n${extra.join('\n')}\n`,
    ).toEqual([]);
  });

  it('lists meta routes that answer without a token and sit outside the OpenAPI document', async () => {
    const meta = doc.routes.filter((r) => r.area === META_AREA);
    expect(meta.map((r) => r.key)).toEqual(['GET /health', 'GET /openapi.json', 'GET /docs']);
    const { app, close } = appWithoutDatabase();
    try {
      for (const r of meta) {
        expect((await app.request(r.path, { method: r.method })).status, r.key).toBe(200);
        expect(live.routes, r.key).not.toHaveProperty(r.key);
      }
    } finally {
      close();
    }
  });
});

/**
 * Problem codes the source throws with a literal: `invalid('…')`, `forbidden`, `conflict`,
 * `ruleBroken`, `notFound('thing')` (→ `thing.not_found`) and `new DomainError(ErrorKind.x, '…')`.
 * Codes built from a template (`${prefix}.need_closed`) or held in a constant are not seen here;
 * docs/api.md lists their expansions by hand.
 */
const THROWN =
  /\b(invalid|forbidden|conflict|ruleBroken|notFound)\(\s*'([^']+)'|new DomainError\(\s*ErrorKind\.(\w+),\s*'([^']+)'/g;
const STATUS: Record<string, number> = {
  invalid: 400,
  validation: 400,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  preconditionFailed: 412,
  tooLarge: 413,
  ruleBroken: 422,
  rule: 422,
};
/** Thrown and caught inside the server: no client ever sees them. */
const INTERNAL = new Set(['chain_map.raced']);

function thrownCodes(): Map<string, { status: number; file: string }> {
  const found = new Map<string, { status: number; file: string }>();
  const roots = readdirSync(`${ROOT}packages`)
    .filter((p) => p !== 'web')
    .map((p) => `packages/${p}/src`);
  for (const dir of [...roots, 'functions']) {
    for (const name of readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      const file = `${dir}/${name}`;
      for (const m of readFileSync(`${ROOT}${file}`, 'utf8').matchAll(THROWN)) {
        const helper = (m[1] ?? m[3]) as string;
        const code = m[1] === 'notFound' ? `${m[2]}.not_found` : ((m[2] ?? m[4]) as string);
        if (!found.has(code)) found.set(code, { status: STATUS[helper] ?? 0, file });
      }
    }
  }
  return found;
}

describe(`${API_DOC} lists the problem codes`, () => {
  it('has every code the source throws, under "## Problem codes"', () => {
    const thrown = thrownCodes();
    expect(thrown.size).toBeGreaterThan(80);
    const missing = [...thrown]
      .filter(([code]) => !doc.codes.has(code) && !INTERNAL.has(code))
      .map(([code, { status, file }]) => `  ${status} \`${code}\`  (thrown in ${file})`);
    expect(
      missing,
      `${API_DOC} does not list ${missing.length} problem code(s) the API answers with. Add each to the ` +
        `table of its status under "## Problem codes", saying when it is answered:\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });

  it('finds a code that is thrown and left out (the check can fail)', () => {
    expect(doc.codes.has('slot.taken')).toBe(true);
    expect(doc.codes.has('slot.no_such_code')).toBe(false);
    expect([...'x'.matchAll(THROWN)]).toEqual([]);
    const sample = "throw conflict('slot.taken', 'x'); throw notFound('waitlist place');";
    expect([...sample.matchAll(THROWN)].map((m) => m[2])).toEqual(['slot.taken', 'waitlist place']);
  });
});
