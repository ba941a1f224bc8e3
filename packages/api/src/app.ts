import type { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, ErrorKind, invalid } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { bodyLimit } from 'hono/body-limit';
import { authenticate, type CallerResolver } from './http/auth';
import type { AppEnv } from './http/env';
import { createRouter } from './http/openapi';
import { nonErrorsAsErrors, onError, problemResponse } from './http/problem';
import { requestId } from './http/request-id';
import { mountRoutes, type RouteGroup } from './routes';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  container: Container;
  /** How a request proves who it is: local tokens, or API Gateway's verified claims. */
  resolveCaller: CallerResolver;
  /** Routes that exist only in one runtime (the local dev login). */
  extraRoutes?: (router: OpenAPIHono<AppEnv>) => void;
  logError?: (err: unknown, requestId: string) => void;
  /**
   * Mount only these contexts' /v1 routes (a Lambda serves its own context). /openapi.json still
   * documents every route. Default: all, as the local server and the tests run.
   */
  routeGroups?: readonly RouteGroup[];
}

/** The one Hono app: the Lambda entries, the local server and the tests all compose it. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
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
  mountRoutes(app, deps.container, deps.routeGroups);
  if (deps.routeGroups) {
    // Built on first request only: the document must list every context's routes.
    let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
    app.get('/openapi.json', (c) => {
      document ??= fullDocument(deps.container);
      return c.json(document, 200);
    });
  } else {
    documentApp(app);
  }
  return app;
}

function fullDocument(container: Container) {
  const all = createRouter();
  mountRoutes(all, container);
  registerSecurity(all);
  return all.getOpenAPI31Document(DOCUMENT);
}

function documentApp(app: OpenAPIHono<AppEnv>) {
  registerSecurity(app);
  app.doc31('/openapi.json', DOCUMENT);
}

function registerSecurity(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token in AWS; a token from POST /v1/dev/login locally.',
  });
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
