import { ruleBroken } from '../core/errors';
import type { Need } from '../needs/need';
import type { Bid, BidStatus } from './bid';

/** A bid counts (ranks, is counted, can win) only when submitted under the need's current terms. */
export const countsIn = (bid: Pick<Bid, 'status' | 'amendmentSeen'>, amendment: number): boolean =>
  bid.status === 'submitted' && bid.amendmentSeen === amendment;

/**
 * The status a reader sees: a submitted bid written before the latest amendment needs
 * reconfirmation even if the job that marks it has not run yet.
 */
export function effectiveStatus(
  bid: Pick<Bid, 'status' | 'amendmentSeen'>,
  need: Pick<Need, 'amendmentCount'>,
): BidStatus {
  return bid.status === 'submitted' && bid.amendmentSeen < need.amendmentCount
    ? 'needs_reconfirmation'
    : bid.status;
}

export function outcomeOf(bid: Pick<Bid, 'bidId'>, need: Pick<Need, 'status' | 'awardedBidId'>) {
  if (need.status !== 'awarded') return 'pending' as const;
  return need.awardedBidId === bid.bidId ? ('won' as const) : ('lost' as const);
}

/** After the effective close (whether or not the close job has run yet). */
export const isPastClose = (need: Pick<Need, 'status' | 'closesAtMs'>, now: Date): boolean =>
  need.status === 'closed' ||
  need.status === 'awarded' ||
  (need.status === 'open' && now.getTime() >= need.closesAtMs);

export const closedError = (need: Pick<Need, 'closesAt' | 'status'>) =>
  ruleBroken(
    'bid.need_closed',
    need.status === 'open'
      ? `The need closed at ${need.closesAt}; no bid is accepted after the close.`
      : `The need is ${need.status}; it takes no bids.`,
  );

/** The auction rules of a need, with the defaults of the need contract. */
export const auctionRulesOf = (need: Pick<Need, 'auction'>, maxExtensionsDefault: number) => ({
  minDecrementBps: need.auction?.minDecrementBps ?? 50,
  maxExtensions: need.auction?.maxExtensions ?? maxExtensionsDefault,
});
