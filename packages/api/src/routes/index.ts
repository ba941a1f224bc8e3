import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Container } from '@parkbridge/runtime';
import { provideSubjectsOf } from '../app-base';
import type { AppEnv } from '../http/env';
import { biddingRoutes } from './bidding';
import { chainMapRoutes } from './chain-map';
import { coreRoutes } from './core-routes';
import { documentRoutes } from './documents';
import { expoRoutes } from './expos';
import { marketRoutes } from './market';
import { metaRoutes } from './meta';

/**
 * The /v1 routers by bounded context. In AWS each group is its own Lambda (infra maps API Gateway
 * routes to them, functions/http/<group>.ts composes it); the local server and the tests mount
 * them all.
 */
export const ROUTE_GROUPS = {
  core: coreRoutes,
  market: [marketRoutes],
  bidding: [biddingRoutes],
  expos: [expoRoutes],
  'chain-map': [chainMapRoutes],
  documents: [documentRoutes],
} as const;

export type RouteGroup = keyof typeof ROUTE_GROUPS;
export const ALL_ROUTE_GROUPS = Object.keys(ROUTE_GROUPS) as RouteGroup[];

export function mountRoutes(
  app: OpenAPIHono<AppEnv>,
  container: Container,
  groups: readonly RouteGroup[] = ALL_ROUTE_GROUPS,
) {
  app.route('/', metaRoutes());
  provideSubjectsOf(
    app,
    container,
    groups.flatMap((g) => ROUTE_GROUPS[g]),
  );
  for (const group of groups) {
    for (const routes of ROUTE_GROUPS[group]) app.route('/v1', routes(container));
  }
}
