import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, buildBundle, kb, lambdaEntries } from '../../bench/support/lambda-bundles';
import { BUNDLE_BUDGET_BYTES, OPEN_BUNDLE_FINDINGS } from './bundle-budget';

// Sizes are deterministic, so they are tested; cold-start timings are not (npm run bench -- cold-start).
const entries = lambdaEntries();
const out = mkdtempSync(join(tmpdir(), 'pb-bundles-'));
const built = new Map<string, BuiltBundle>();

beforeAll(async () => {
  for (const entry of entries) built.set(entry, await buildBundle(entry, out));
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Lambda bundle sizes', () => {
  it('finds the Lambda entries infra bundles', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'functions/http/core.ts',
        'functions/http/market.ts',
        'functions/streams/handler.ts',
      ]),
    );
  });

  it.for(entries)('%s stays under 400 KB minified if it uses DynamoDB', (entry) => {
    const b = built.get(entry)!;
    const what = `${entry}: ${kb(b.bytes)} (${kb(b.gzipBytes)} gzipped); largest: ${b.largest.map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`;
    if (!b.usesDynamoDb) return;
    const open = OPEN_BUNDLE_FINDINGS[entry];
    if (!open) {
      expect(b.bytes, what).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
      return;
    }
    expect(b.bytes, `${what} — grew past its open finding's ceiling`).toBeLessThanOrEqual(open.ceilingBytes);
    expect(b.bytes, `${what} — under budget now: remove its open finding`).toBeGreaterThan(
      BUNDLE_BUDGET_BYTES,
    );
  });
});
