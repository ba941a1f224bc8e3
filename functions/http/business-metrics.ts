import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';

interface BusinessEvent {
  method: string;
  path: RegExp;
  metric: string;
}

/**
 * The marketplace's pulse, counted from the contract's routes (docs/api.md) when they succeed. A
 * replayed idempotent response is the same event again, so it never counts twice.
 */
export const BUSINESS_EVENTS: readonly BusinessEvent[] = [
  { method: 'POST', path: /^\/v1\/orgs$/, metric: 'OrgsRegistered' },
  { method: 'POST', path: /^\/v1\/needs\/[^/]+\/publish$/, metric: 'NeedsPublished' },
  { method: 'POST', path: /^\/v1\/listings$/, metric: 'ListingsPublished' },
  { method: 'POST', path: /^\/v1\/needs\/[^/]+\/bids$/, metric: 'BidsAccepted' },
  { method: 'PUT', path: /^\/v1\/needs\/[^/]+\/bids\/mine$/, metric: 'BidsRevised' },
  { method: 'POST', path: /^\/v1\/needs\/[^/]+\/award$/, metric: 'DealsAwarded' },
  { method: 'POST', path: /^\/v1\/slots\/[^/]+\/hold$/, metric: 'HoldsTaken' },
  { method: 'POST', path: /^\/v1\/bookings\/[^/]+\/approve$/, metric: 'BookingsConfirmed' },
];

export interface HttpOutcome {
  method: string;
  path: string;
  statusCode: number;
  headers?: Record<string, string | undefined> | undefined;
}

/** The business metric a response stands for, if any. */
export function businessMetricOf(outcome: HttpOutcome): string | undefined {
  if (outcome.statusCode < 200 || outcome.statusCode >= 300) return undefined;
  if (outcome.headers?.['idempotent-replayed'] === 'true') return undefined;
  return BUSINESS_EVENTS.find((e) => e.method === outcome.method && e.path.test(outcome.path))?.metric;
}

export function recordBusinessMetric(metrics: Metrics, outcome: HttpOutcome): void {
  const metric = businessMetricOf(outcome);
  if (metric) metrics.addMetric(metric, MetricUnit.Count, 1);
}
