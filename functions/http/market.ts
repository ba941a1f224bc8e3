import { marketRoutes } from '@parkbridge/api';
import { createMarketContext } from '@parkbridge/runtime';
import { httpFunction } from './http-function';

/** Production chains, needs, listings and matches. */
export const spec = {
  group: 'market',
  routes: [marketRoutes],
  contexts: { market: createMarketContext },
} as const;
export const handler = await httpFunction(spec);
