import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Container } from '@parkbridge/runtime';
import type { AppEnv } from '../http/env';
import { auditRoutes } from './audit';
import { biddingRoutes } from './bidding';
import { categoryRoutes } from './categories';
import { chainMapRoutes } from './chain-map';
import { expoRoutes } from './expos';
import { marketRoutes } from './market';
import { metaRoutes } from './meta';
import { notificationRoutes } from './notifications';
import { orgRoutes } from './orgs';
import { parkRoutes } from './parks';

export function mountRoutes(app: OpenAPIHono<AppEnv>, container: Container) {
  app.route('/', metaRoutes());
  for (const routes of [
    parkRoutes,
    categoryRoutes,
    orgRoutes,
    notificationRoutes,
    auditRoutes,
    marketRoutes,
    biddingRoutes,
    expoRoutes,
    chainMapRoutes,
  ]) {
    app.route('/v1', routes(container));
  }
}
