import { inject } from 'vitest';

/**
 * Points `inject('dynamoEndpoint')` of this test file at its worker's own DynamoDB Local
 * (VITEST_POOL_ID is 1..maxWorkers and stays with the worker slot). Vitest has no public way to
 * provide a value per worker, so this sets the worker's provided context, and fails the file
 * loudly if a vitest upgrade moved it rather than let every worker share one process unnoticed.
 */
const endpoints = inject('dynamoEndpoints');
if (endpoints?.length) {
  const slot = Number(process.env.VITEST_POOL_ID ?? '1');
  const mine = endpoints[(Math.max(1, slot) - 1) % endpoints.length]!;
  const state = (globalThis as { __vitest_worker__?: { providedContext?: Record<string, unknown> } })
    .__vitest_worker__;
  if (state?.providedContext) state.providedContext.dynamoEndpoint = mine;
  if (inject('dynamoEndpoint') !== mine) {
    throw new Error(
      'tests/support/dynamo-endpoint.ts could not give this worker its own DynamoDB Local: ' +
        "vitest's worker state changed; update it there.",
    );
  }
}
