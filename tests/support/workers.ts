import { availableParallelism } from 'node:os';

/**
 * How many test files run at once, and so how many DynamoDB Local processes the run starts (one
 * per worker). vitest's default is one worker per core less one: a single worker on a 2-core CI
 * runner, with one core idle while a test waits on DynamoDB Local, a timer or the browser. On an
 * idle 2-core machine 2, 3 and 4 workers all finish the suite in about 210 s (it is then CPU-bound);
 * 3 keeps some slack for those waits without more Java processes than needed.
 * PARKBRIDGE_TEST_WORKERS (or vitest's --maxWorkers) overrides it.
 */
export function testWorkers(env: Record<string, string | undefined> = process.env): number {
  const set = Number(env.PARKBRIDGE_TEST_WORKERS);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.min(6, Math.max(3, availableParallelism()));
}
