import { publicRoutes, supplierRoutes } from '@parkbridge/api';
import { createDiscoveryContext } from '@parkbridge/runtime';
import { httpFunction } from './http-function';

/** Finding things: the public park pages (no token) and the supplier directory. */
export const spec = {
  group: 'discovery',
  routes: [publicRoutes, supplierRoutes],
  contexts: { discovery: createDiscoveryContext },
} as const;
export const handler = await httpFunction(spec);
