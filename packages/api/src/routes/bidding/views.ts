import type { BidView } from '@parkbridge/domain/bids';
import { publicView, type Stored } from '@parkbridge/domain/core';

/** A bid as its bidder sees it: no storage attributes, no epoch-ms twin. */
export function bidView(bid: Stored<BidView>) {
  const { validUntilMs: _ms, ...rest } = publicView(bid);
  return rest;
}
