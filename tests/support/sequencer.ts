import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds the slowest files took in a full run on one worker (`npm test`, then
 * .artifacts/vitest-report.json). Refresh when a file joins or leaves the top of that list.
 */
export const HEAVY_FILES: Record<string, number> = {
  'tests/security/matrix.test.ts': 110,
  'tests/perf/route-costs.test.ts': 75,
  'tests/security/fuzz.test.ts': 65,
  'tests/integration/expos/hold-storm.int.test.ts': 45,
  'tests/integration/chain-map/rebuild.int.test.ts': 45,
  'tests/integration/chain-map/demo.int.test.ts': 35,
  'tests/e2e/operator.e2e.test.ts': 30,
  'tests/integration/bidding/award-and-deals.int.test.ts': 30,
  'tests/integration/bidding/bid-storm.int.test.ts': 27,
  'tests/e2e/market.e2e.test.ts': 24,
  'tests/integration/expos/decision-race.int.test.ts': 18,
  'tests/integration/expos/jobs.int.test.ts': 19,
  'tests/integration/market/seed.int.test.ts': 18,
  'tests/integration/expos/expiry-races.int.test.ts': 16,
  'tests/integration/bidding/sealed-bids.int.test.ts': 15,
  'tests/e2e/foundation.e2e.test.ts': 14,
  'tests/perf/bundle-size.test.ts': 14,
};

/**
 * Longest first, so the workers finish together: on a clean clone vitest has no durations of
 * earlier runs and would order by file size, which can leave the matrix or a storm for last on
 * one worker while the others idle. Files not listed keep vitest's own order after these.
 */
export class HeaviestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const weight = (spec: TestSpecification) =>
      HEAVY_FILES[relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/')] ?? 0;
    return rest
      .map((spec, order) => ({ spec, order, w: weight(spec) }))
      .sort((a, b) => b.w - a.w || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
