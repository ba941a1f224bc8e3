import type { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, ErrorKind, invalid } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { bodyLimit } from 'hono/body-limit';
import { authenticate, type CallerResolver } from './http/auth';
import type { AppEnv } from './http/env';
import { createRouter } from './http/openapi';
import { nonErrorsAsErrors, onError, problemResponse } from './http/problem';
import { requestId } from './http/request-id';

export const MAX_BODY_BYTES = 64 * 1024;

/** The routes of one part of the API, built over the container (see routes/index.ts). */
export type RouteFactory = (container: Container) => OpenAPIHono<AppEnv>;

export interface BaseDeps {
  container: Container;
  /** How a request proves who it is: local tokens, or API Gateway's verified claims. */
  resolveCaller: CallerResolver;
  logError?: (err: unknown, requestId: string) => void;
}

/**
 * The app every runtime shares before any route is mounted: problem+json errors, request ids,
 * the body limit, authentication and the JSON-only rule for bodies.
 */
export function createAppBase(deps: BaseDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.onError(onError((err, c) => (deps.logError ?? defaultLog)(err, c.get('requestId'))));
  app.notFound((c) => problemResponse(c, { status: 404, code: 'route.not_found', detail: 'No such route.' }));
  app.use('*', nonErrorsAsErrors());
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
  app.use('/v1/*', authenticate(deps.resolveCaller, deps.container.repos.members));
  app.use('/v1/*', async function requireJsonBody(c, next) {
    const type = c.req.header('content-type');
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type && !/^application\/json\b/i.test(type)) {
      throw invalid('request.unsupported_media_type', 'Send JSON (application/json).', [
        { path: 'content-type', message: 'Must be application/json.' },
      ]);
    }
    await next();
  });
  return app;
}

/** The OpenAPI document of `app` (every route it mounts), with the bearer scheme. */
export function openApiDocumentOf(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token in AWS; a token from POST /v1/dev/login locally.',
  });
  return app.getOpenAPI31Document(DOCUMENT);
}

const DOCUMENT = {
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
} satisfies Parameters<OpenAPIHono<AppEnv>['getOpenAPI31Document']>[0];

const defaultLog = (err: unknown, requestId: string) =>
  console.error(
    JSON.stringify({ level: 'ERROR', requestId, error: err instanceof Error ? err.stack : String(err) }),
  );
