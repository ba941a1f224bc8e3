import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import { chainMapRoutes as mapRoutes } from './chain-map.routes';

/** The chain-map context's routes, mounted under /v1: the park operator's map, its edges and CSV. */
export function chainMapRoutes(app: Container) {
  const router = createRouter();
  router.route('/', mapRoutes(app));
  return router;
}
