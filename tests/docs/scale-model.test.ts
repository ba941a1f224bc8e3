import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dbSrc = join(root, 'packages', 'db', 'src');

/** Every *.keys.ts under packages/db/src: where the table's key patterns are defined. */
function keyFiles(): string[] {
  return readdirSync(dbSrc, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.keys.ts'))
    .map((f) => join(dbSrc, f));
}

/** `ORG#${b.orgId}#BOOKINGS` reads as ORG#{}#BOOKINGS: the pattern, not the value. */
const pattern = (text: string) => text.replace(/\$\{[^}]*\}/g, '{}');

const VALUE = String.raw`(?:\`([^\`]*)\`|'([^']*)'|([A-Z][A-Z_]+)\b)`;
/** `pk: …`, `gsi2pk: cond ? … : undefined`. */
const KEY_FIELD = new RegExp(String.raw`\b(?:gsi\d)?pk\s*:\s*(?:[^,?\n]*\?\s*)?${VALUE}`, 'g');
/** `floorPk = (expoId: string) => …`, `QUESTION_DUE_PK = …`, `buyerMatchesPk = (…) => …`. */
const KEY_NAME = new RegExp(
  String.raw`\b\w*(?:Pk|_PK)\s*=\s*(?:\([^)]*\)\s*(?::\s*\w+\s*)?=>\s*)?${VALUE}`,
  'g',
);

/**
 * The partition-key patterns the key files define: the value of every `pk` or `gsiNpk` field and
 * of every function or constant named for a partition key, constants resolved.
 */
function partitionKeyPatterns(): string[] {
  const sources = keyFiles().map((f) => readFileSync(f, 'utf8'));
  const constants = new Map<string, string>();
  for (const source of sources)
    for (const m of source.matchAll(/export const ([A-Z][A-Z_]+) = '([^']*)'/g)) constants.set(m[1]!, m[2]!);
  const found = new Set<string>();
  for (const source of sources)
    for (const re of [KEY_FIELD, KEY_NAME])
      for (const m of source.matchAll(re)) {
        const value = m[1] ?? m[2] ?? (m[3] ? constants.get(m[3]) : undefined);
        if (value && /^[A-Z]/.test(value)) found.add(pattern(value));
      }
  return [...found].sort();
}

describe('docs/scale.md', () => {
  const doc = readFileSync(join(root, 'docs', 'scale.md'), 'utf8');

  it('finds the key patterns it checks (the reader of the key files still works)', () => {
    const patterns = partitionKeyPatterns();
    expect(patterns).toEqual(expect.arrayContaining(['NEED#{}', 'EXPO#{}#FLOOR', 'LISTINGS', 'WORK#{}']));
    expect(patterns.length).toBeGreaterThan(25);
  });

  it('has an entry for every partition-key pattern of packages/db/src/**/*.keys.ts', () => {
    const missing = partitionKeyPatterns().filter((p) => !doc.includes(`\`${p}\``));
    expect(missing, 'add a row for each to the key table of docs/scale.md').toEqual([]);
  });
});
