import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds the slowest files took in a full run with three workers on an idle 2-core machine
 * (`npm test`, then .artifacts/vitest-report.json). Refresh when a file joins or leaves the top
 * of that list; browser test files not listed count as BROWSER_FILE.
 */
const HEAVY_FILES: Record<string, number> = {
  'tests/security/fuzz.test.ts': 86,
  'tests/integration/bidding/bid-storm.int.test.ts': 38,
  'tests/e2e/market.e2e.test.ts': 37,
  'tests/e2e/operator.e2e.test.ts': 26,
  'tests/e2e/foundation.e2e.test.ts': 23,
  'tests/integration/expos/expiry-races.int.test.ts': 22,
  'tests/security/matrix.test.ts': 20,
  'tests/infra/stack.test.ts': 20,
  'tests/integration/market/matching.int.test.ts': 18,
  'tests/perf/route-costs.test.ts': 17,
  'tests/integration/market/needs.int.test.ts': 16,
  'tests/integration/expos/hold-storm.int.test.ts': 14,
  // Two whole `npm start`s side by side: 41 s alone at a load average of 19; not yet timed idle.
  'tests/local-server/npm-start.test.ts': 20,
  'tests/infra/bundles.test.ts': 12,
  // Two `npm run deploy -- --dry-run`s side by side (two CDK synths with bundling); not yet timed idle.
  'tests/infra/deploy-dry-run.test.ts': 20,
  'tests/integration/market/seed.int.test.ts': 11,
  'tests/integration/market/search.int.test.ts': 11,
  'tests/integration/expos/seed.int.test.ts': 11,
};
const BROWSER_FILE = 20;

/**
 * Longest first, so the workers finish together: on a clean clone vitest has no durations of
 * earlier runs and would order by file size, which can leave the matrix or a storm for last on
 * one worker while the others idle. Files not listed keep vitest's own order after these.
 */
export class HeaviestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const weight = (spec: TestSpecification) => {
      const file = relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/');
      return HEAVY_FILES[file] ?? (file.startsWith('tests/e2e/') ? BROWSER_FILE : 0);
    };
    return rest
      .map((spec, order) => ({ spec, order, w: weight(spec) }))
      .sort((a, b) => b.w - a.w || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
