import type { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, ErrorKind, invalid } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { bodyLimit } from 'hono/body-limit';
import { authenticate, type CallerResolver } from './http/auth';
import type { AppEnv } from './http/env';
import { createRouter } from './http/openapi';
import { onError, problemResponse } from './http/problem';
import { requestId } from './http/request-id';
import { mountRoutes } from './routes';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  container: Container;
  /** How a request proves who it is: local tokens, or API Gateway's verified claims. */
  resolveCaller: CallerResolver;
  /** Routes that exist only in one runtime (the local dev login). */
  extraRoutes?: (router: OpenAPIHono<AppEnv>) => void;
  logError?: (err: unknown, requestId: string) => void;
}

/** The one Hono app: the Lambda entries, the local server and the tests all compose it. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.onError(onError((err, c) => (deps.logError ?? defaultLog)(err, c.get('requestId'))));
  app.notFound((c) => problemResponse(c, { status: 404, code: 'route.not_found', detail: 'No such route.' }));
  app.use('*', requestId());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new DomainError(ErrorKind.tooLarge, 'request.too_large', 'The body is larger than 64 KiB.');
      },
    }),
  );
  app.use('/v1/*', authenticate(deps.resolveCaller));
  app.use('/v1/*', async function requireJsonBody(c, next) {
    const type = c.req.header('content-type');
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type && !/^application\/json\b/i.test(type)) {
      throw invalid('request.unsupported_media_type', 'Send JSON (application/json).', [
        { path: 'content-type', message: 'Must be application/json.' },
      ]);
    }
    await next();
  });
  deps.extraRoutes?.(app);
  mountRoutes(app, deps.container);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token in AWS; a token from POST /v1/dev/login locally.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parkbridge API',
      version: '1.0.0',
      description:
        'The B2B marketplace of industrial parks: needs, listings, bids, expos and production chains.',
      license: { name: 'Proprietary', url: 'https://parkbridge.dev/license' },
      contact: { name: 'Parkbridge', url: 'https://parkbridge.dev' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [],
  });
  return app;
}

const defaultLog = (err: unknown, requestId: string) =>
  console.error(
    JSON.stringify({ level: 'ERROR', requestId, error: err instanceof Error ? err.stack : String(err) }),
  );
