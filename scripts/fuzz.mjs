// `npm run fuzz`: the fuzz suite at length — 5,000 generated and hostile requests per mutating
// route (FUZZ_RUNS to change it) from a random seed, printed first so a failure can be replayed
// with `FUZZ_SEED=<seed> npm run fuzz`. `npm test` runs the same suite with 200 and a fixed seed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { ensureJava } from './prerequisites.mjs';

ensureJava();
const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const runs = process.env.FUZZ_RUNS ?? '5000';
console.log(`fuzz seed ${seed}, ${runs} cases per mutating route (replay: FUZZ_SEED=${seed} npm run fuzz)`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/security/fuzz.test.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs, FUZZ_VERBOSE: process.env.FUZZ_VERBOSE ?? '1' },
});
console.log(`fuzz seed ${seed}`);
process.exit(r.status ?? 1);
