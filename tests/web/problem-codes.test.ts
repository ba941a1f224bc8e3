import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../packages/web/src/i18n/messages/en';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every problem code the domain and the API can answer with, read from the code that throws it. */
function problemCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ['packages/domain/src', 'packages/api/src']) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /\b(?:invalid|forbidden|conflict|ruleBroken)\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g,
      ))
        codes.add(m[1] as string);
      for (const m of text.matchAll(/\bnotFound\(\s*'([a-z_]+)'/g)) codes.add(`${m[1]}.not_found`);
    }
  }
  return codes;
}

describe('problem codes in words', () => {
  it('finds the codes it checks (the scan itself works)', () => {
    const codes = problemCodes();
    expect(codes.size).toBeGreaterThan(80);
    expect(codes).toContain('need.closes_too_soon');
    expect(codes).toContain('need.not_found');
  });

  it('every code the API can send has a sentence in the catalogue (the other languages follow from i18n.test.ts)', () => {
    const missing = [...problemCodes()].filter((c) => !(`problem.${c}` in en)).sort();
    expect(missing).toEqual([]);
  });

  it('no sentence is developer text: no ISO instant, no field path, no request id', () => {
    const bad = Object.entries(en)
      .filter(([k]) => k.startsWith('problem.') && k !== 'problem.requestId')
      .filter(([, v]) => /\d{4}-\d{2}-\d{2}T|[a-z][A-Z][a-z]+:|\bs\b after/.test(v))
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });
});
