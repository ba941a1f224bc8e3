import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';

/**
 * One logger, one metrics buffer and one tracer per Lambda container. The service name and the
 * metrics namespace come from POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE, which
 * infra sets per function.
 */
export const logger = new Logger({ correlationIdSearchFn: dottedPath });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Parkbridge',
  // Most invocations carry no business metric: that is normal, not worth a warning per request.
  logger: {
    debug: (message: string) => logger.debug(message),
    info: (message: string) => logger.info(message),
    warn: (message: string) => {
      if (!message.startsWith('No application metrics to publish')) logger.warn(message);
    },
    error: (message: string) => logger.error(message),
  },
});
export const tracer = new Tracer();

/**
 * Our correlation ids sit at plain dotted paths, so a path walk replaces the JMESPath engine that
 * Powertools would otherwise pull into every bundle.
 */
export function dottedPath(expression: string, data: unknown): unknown {
  return expression
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      data,
    );
}

/** Where each event type carries its correlation id. */
export const CorrelationPath = {
  httpApi: 'requestContext.requestId',
  schedule: 'executionId',
} as const;

export interface InstrumentOptions<TResult> {
  /** Dotted path to the event's correlation id (see CorrelationPath). */
  correlationIdPath?: string;
  /** What to answer when the function is about to time out; by default middy throws a TimeoutError. */
  timeoutResponse?: () => TResult;
}

/**
 * Wraps a handler in middy with the Lambda concerns every Parkbridge function shares: tracing,
 * the logger's Lambda context and correlation id, and metrics (cold starts included) flushed
 * after each invocation. Nothing HTTP: Hono owns that.
 */
export function instrument<TEvent, TResult>(
  handler: (event: TEvent, context: Context) => Promise<TResult>,
  options: InstrumentOptions<TResult> = {},
) {
  return middy<TEvent, TResult>(handler, {
    // Leave time to flush logs and metrics before Lambda cuts the invocation off.
    timeoutEarlyInMillis: 500,
    ...(options.timeoutResponse ? { timeoutEarlyResponse: options.timeoutResponse } : {}),
  })
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(
      injectLambdaContext(logger, {
        resetKeys: true,
        ...(options.correlationIdPath ? { correlationIdPath: options.correlationIdPath } : {}),
      }),
    )
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}
