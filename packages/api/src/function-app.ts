import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Container } from '@parkbridge/runtime';
import { type BaseDeps, createAppBase, provideSubjectsOf, type RouteFactory } from './app-base';
import type { AppEnv } from './http/env';
import { metaRoutes } from './routes/meta';

export interface FunctionAppDeps extends BaseDeps {
  container: Container;
  /** The /v1 routes this function serves, and nothing else: its bundle carries only their code. */
  routes: readonly RouteFactory[];
  /**
   * The whole API's OpenAPI document, for the function API Gateway sends /openapi.json to. Built
   * at bundling time (the function does not carry the other routes it documents).
   */
  openApiDocument?: () => unknown;
}

/** The app of one Lambda function: the shared base, the meta routes and its own /v1 routes. */
export function createFunctionApp(deps: FunctionAppDeps): OpenAPIHono<AppEnv> {
  const app = createAppBase(deps);
  app.route('/', metaRoutes());
  provideSubjectsOf(app, deps.container, deps.routes);
  for (const routes of deps.routes) app.route('/v1', routes(deps.container));
  const { openApiDocument } = deps;
  if (openApiDocument) {
    let document: unknown;
    app.get('/openapi.json', (c) => {
      document ??= openApiDocument();
      return c.json(document as object, 200);
    });
  }
  return app;
}
