import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

interface LambdaEvent {
  requestContext?: { requestId?: string };
}

/** API Gateway's request id where there is one, so logs, responses and access logs line up. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function assignRequestId(c, next) {
    const fromGateway = (c.env?.event as LambdaEvent | undefined)?.requestContext?.requestId;
    const id = fromGateway ?? crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
  };
}
