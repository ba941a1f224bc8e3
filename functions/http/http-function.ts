import { apiGatewayClaims, createFunctionApp, type RouteFactory, type RouteGroup } from '@parkbridge/api';
import { EnvName } from '@parkbridge/config';
import type { FileServices } from '@parkbridge/domain/documents';
import type { ContextBuilders } from '@parkbridge/runtime';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
// The one import of hono/aws-lambda (deprecated for hono 5, when it moves to @hono/aws-lambda).
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { CorrelationPath, instrument, logger, metrics } from '../shared/observability';
import { secretOriginDoor } from '../shared/origin-door';
import { recordBusinessMetric } from './business-metrics';

/** What one HTTP function serves, and the contexts its routes reach (beside core). */
export interface HttpFunctionSpec {
  /** Its route group in packages/api (ROUTE_GROUPS) and infra (HTTP_FUNCTIONS). */
  group: RouteGroup;
  routes: readonly RouteFactory[];
  contexts: Partial<ContextBuilders>;
  /** The whole API's document, for the one function API Gateway sends /openapi.json to. */
  openApiDocument?: () => unknown;
  /** Object storage, for the function that serves files. */
  files?: (env: Record<string, string | undefined>) => FileServices;
}

/**
 * An HTTP API function: the same Hono app as the local server, mounting only this function's
 * routes over a container of only the contexts they reach, with callers taken from the claims API
 * Gateway's JWT authorizer verified. Built once per container; the dev login route does not exist.
 */
export async function httpFunction(spec: HttpFunctionSpec) {
  const runtime = await createLambdaRuntime(spec.contexts, process.env, spec.files);
  // In prod the API serves only what CloudFront forwards (the origin secret's header).
  const originSecretArn = process.env[EnvName.originSecretArn];
  const originDoor = originSecretArn ? secretOriginDoor(originSecretArn) : undefined;
  await originDoor?.refresh();
  const app = createFunctionApp({
    ...(originDoor ? { originDoor } : {}),
    container: runtime.container,
    resolveCaller: apiGatewayClaims,
    routes: spec.routes,
    ...(spec.openApiDocument ? { openApiDocument: spec.openApiDocument } : {}),
    logError: (err, requestId) => logger.error('Unhandled error', { requestId, error: err as Error }),
  });
  const serve = handle(app);
  logger.info('HTTP function ready', { routeGroup: spec.group });

  return instrument<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(
    async (event, context) => {
      // hono's own event type differs from @types/aws-lambda in optional fields only.
      const result = (await serve(
        event as unknown as LambdaEvent,
        context,
      )) as APIGatewayProxyStructuredResultV2;
      recordBusinessMetric(metrics, {
        method: event.requestContext.http.method,
        path: event.rawPath,
        statusCode: result.statusCode ?? 200,
        headers: result.headers as Record<string, string> | undefined,
      });
      return result;
    },
    { correlationIdPath: CorrelationPath.httpApi, timeoutResponse: timeoutProblem },
  );
}

/** Answered instead of a Lambda timeout (which API Gateway would turn into a bare 503). */
function timeoutProblem(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
    body: JSON.stringify({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail:
        'The request took too long. Retry it; creating calls are safe to retry with their Idempotency-Key.',
      code: 'request.timeout',
    }),
  };
}
