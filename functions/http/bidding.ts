import { biddingRoutes } from '@parkbridge/api';
import { createBiddingContext } from '@parkbridge/runtime';
import { httpFunction } from './http-function';

/** Questions, bids, auctions, awards, deals and reputation. */
export const spec = {
  group: 'bidding',
  routes: [biddingRoutes],
  contexts: { bidding: createBiddingContext },
} as const;
export const handler = await httpFunction(spec);
