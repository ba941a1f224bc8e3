/** The fixed seed of `npm test`; `npm run fuzz` picks a random one and prints it. */
export const DEFAULT_SEED = 20_231_109;

export interface FuzzSettings {
  seed: number;
  /** Cases per mutating route. */
  runs: number;
  /** Cases per read route. */
  readRuns: number;
  timeoutMs: number;
  /** Cases of one route in flight at once. */
  parallel: number;
  verbose: boolean;
}

export function fuzzSettings(env: Record<string, string | undefined>): FuzzSettings {
  const runs = positive(env.FUZZ_RUNS, 200);
  const readRuns = positive(env.FUZZ_READ_RUNS, Math.max(25, Math.round(runs / 8)));
  return {
    seed: Number.isInteger(Number(env.FUZZ_SEED)) && env.FUZZ_SEED ? Number(env.FUZZ_SEED) : DEFAULT_SEED,
    runs,
    readRuns,
    // Generous: DynamoDB Local answers slowly on a loaded machine; a hang still ends the test.
    timeoutMs: 120_000 + runs * 250,
    parallel: positive(env.FUZZ_PARALLEL, 8),
    verbose: env.FUZZ_VERBOSE === '1',
  };
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Each route gets its own sequence from the run's seed, so adding a route changes no other's cases. */
export function seedFor(seed: number, key: string): number {
  let h = seed | 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}
