import { randomUUID } from 'node:crypto';
import { parseQuotas, type Rules, scaledQuotas } from '@parkbridge/config';
import { startLocalRuntime } from '../../../functions/local/local-runtime';
import { Meter } from '../../perf/support/metering';
import { harnessFor } from './harness';
import { fetchOpenApi } from './openapi';
import { buildScenario, travellingClock } from './scenario';

export interface ScenarioRuntimeOptions {
  /** A running DynamoDB Local (the test run's); unset: start one for this runtime. */
  endpoint?: string | undefined;
  rules?: Partial<Rules>;
}

/**
 * The real runtime (container, Hono app, DynamoDB Local) on a table of its own, with every
 * DynamoDB call metered and every unhandled error kept, plus the live OpenAPI document.
 */
export async function startScenarioRuntime(options: ScenarioRuntimeOptions = {}) {
  const clock = travellingClock();
  const errors: unknown[] = [];
  const runtime = await startLocalRuntime({
    endpoint: options.endpoint,
    tableName: `pb-${randomUUID()}`,
    clock,
    // Room for the many holds and short bidding windows a scenario makes; the rules themselves
    // are the integration tests' subject, not this harness's.
    rules: {
      maxClaimsPerOrgPerExpo: 100_000,
      minBiddingWindowS: 60,
      holdTtlS: 7 * 86_400,
      // The fuzzer and the benchmarks create thousands of things as one firm on purpose.
      quotas: scaledQuotas(parseQuotas({}), 10_000),
      ...options.rules,
    },
    onError: (err) => errors.push(err),
  });
  const meter = Meter.attach(runtime.db.doc);
  const h = harnessFor(runtime);
  const doc = await fetchOpenApi(runtime.app);
  return {
    runtime,
    h,
    meter,
    doc,
    errors,
    clock,
    scenario: () => buildScenario(h, doc),
    stop: () => runtime.stop(),
  };
}

export type ScenarioRuntime = Awaited<ReturnType<typeof startScenarioRuntime>>;
