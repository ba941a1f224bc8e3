import { chainMapRoutes } from '@parkbridge/api';
import { createChainMapContext } from '@parkbridge/runtime';
import { httpFunction } from './http-function';

/** The park's production-chain map and its CSV. */
export const spec = {
  group: 'chain-map',
  routes: [chainMapRoutes],
  contexts: { chainMap: createChainMapContext },
} as const;
export const handler = await httpFunction(spec);
