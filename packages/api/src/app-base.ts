import type { OpenAPIHono } from '@hono/zod-openapi';
import { CORS_POLICY } from '@parkbridge/config';
import { DomainError, ErrorKind } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { authenticate, type CallerResolver } from './http/auth';
import type { AppEnv } from './http/env';
import { createRouter } from './http/openapi';
import { type OriginDoor, onlyThroughTheDoor } from './http/origin-door';
import { nonErrorsAsErrors, onError, problemResponse } from './http/problem';
import { requestId } from './http/request-id';
import { coreSubjects, mergeSubjects, provideSubjects, type Subjects } from './http/subjects';

export const MAX_BODY_BYTES = 64 * 1024;

/** The routes of one part of the API, built over the container (see routes/index.ts). */
export interface RouteFactory {
  (container: Container): OpenAPIHono<AppEnv>;
  /**
   * Who may see, and act on, each thing these routes' paths name, beyond core's (parks,
   * organisations, certificates, notifications): the 404 and 403 steps of the order of checks.
   */
  subjects?: (container: Container) => Partial<Subjects>;
}

/**
 * Before the routes are mounted: the checks of core's things and of these routes' own, on every
 * /v1 request (a Lambda function mounts some routes only, and knows only their things).
 */
export function provideSubjectsOf(
  app: OpenAPIHono<AppEnv>,
  container: Container,
  factories: readonly RouteFactory[],
): void {
  const subjects = mergeSubjects([
    coreSubjects(container),
    ...factories.map((f) => f.subjects?.(container) ?? {}),
  ]);
  app.use('/v1/*', provideSubjects(subjects));
}

export interface BaseDeps {
  container: Container;
  /** How a request proves who it is: local tokens, or API Gateway's verified claims. */
  resolveCaller: CallerResolver;
  logError?: (err: unknown, requestId: string) => void;
  /**
   * Browser origins allowed to call the API across origins (CORS_POLICY). Preflights are answered
   * whatever the origin; only these get the allow headers.
   * @default none: same-origin callers only
   */
  corsOrigins?: readonly string[];
  /**
   * Headers every response carries: the local server sends the security headers CloudFront adds
   * in AWS (securityHeaderValues), so the browser meets the same rules on both.
   * @default none
   */
  responseHeaders?: Readonly<Record<string, string>>;
  /**
   * In prod: only requests that came through CloudFront are served (origin-door.ts).
   * @default none: every request is served
   */
  originDoor?: OriginDoor;
}

/**
 * The app every runtime shares before any route is mounted: problem+json errors, request ids,
 * the body limit and authentication. Each route then checks in the contract's order
 * (http/order-of-checks.ts): a JSON body in UTF-8 is part of its input step.
 */
export function createAppBase(deps: BaseDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.onError(onError((err, c) => (deps.logError ?? defaultLog)(err, c.get('requestId'))));
  app.notFound((c) => problemResponse(c, { status: 404, code: 'route.not_found', detail: 'No such route.' }));
  app.use('*', nonErrorsAsErrors());
  app.use('*', requestId());
  if (deps.originDoor) app.use('*', onlyThroughTheDoor(deps.originDoor));
  if (deps.responseHeaders) app.use('*', withHeaders(deps.responseHeaders));
  app.use('/v1/*', privateResponses());
  app.use(
    '/v1/*',
    cors({
      origin: [...(deps.corsOrigins ?? [])],
      allowMethods: [...CORS_POLICY.allowMethods],
      allowHeaders: [...CORS_POLICY.allowHeaders],
      exposeHeaders: [...CORS_POLICY.exposeHeaders],
      maxAge: CORS_POLICY.maxAgeS,
    }),
  );
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
  return app;
}

/** Every /v1 answer needs a token (or hands one out): none may be kept by a cache on the way. */
function privateResponses(): MiddlewareHandler<AppEnv> {
  return async function noStore(c, next) {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  };
}

function withHeaders(headers: Readonly<Record<string, string>>): MiddlewareHandler<AppEnv> {
  return async function responseHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
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
