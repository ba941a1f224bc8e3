import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Container } from '@parkbridge/runtime';
import { type BaseDeps, createAppBase, openApiDocumentOf } from './app-base';
import type { AppEnv } from './http/env';
import { createRouter } from './http/openapi';
import { mountRoutes, type RouteGroup } from './routes';

export interface AppDeps extends BaseDeps {
  container: Container;
  /** Routes that exist only in one runtime (the local dev login). */
  extraRoutes?: (router: OpenAPIHono<AppEnv>) => void;
  /**
   * Mount only these contexts' /v1 routes. /openapi.json still documents every route. Default:
   * all, as the local server and the tests run.
   */
  routeGroups?: readonly RouteGroup[];
}

/**
 * The whole API in one app, as the local server and the tests compose it. A Lambda function
 * composes only its own routes instead (function-app.ts), so its bundle carries nothing else.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createAppBase(deps);
  deps.extraRoutes?.(app);
  mountRoutes(app, deps.container, deps.routeGroups);
  // Built on first request only. With some groups mounted, it still lists every context's routes.
  let document: ReturnType<typeof openApiDocumentOf> | undefined;
  app.get('/openapi.json', (c) => {
    document ??= deps.routeGroups ? fullDocument(deps.container) : openApiDocumentOf(app);
    return c.json(document, 200);
  });
  return app;
}

/** The document of every route (without runtime-only extras such as the dev login). */
export function fullDocument(container: Container) {
  const all = createRouter();
  mountRoutes(all, container);
  return openApiDocumentOf(all);
}
