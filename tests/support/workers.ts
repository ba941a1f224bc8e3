import { availableParallelism } from 'node:os';

/**
 * How many test files run at once, and so how many DynamoDB Local processes the run starts (one
 * per worker). The suite mostly waits on DynamoDB Local, which runs one transaction at a time
 * per process, so a worker each with its own process beats vitest's default of one worker per
 * core less one (a single worker on a 2-core CI runner). PARKBRIDGE_TEST_WORKERS overrides it.
 */
export function testWorkers(env: Record<string, string | undefined> = process.env): number {
  const set = Number(env.PARKBRIDGE_TEST_WORKERS);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.min(6, Math.max(3, availableParallelism()));
}
