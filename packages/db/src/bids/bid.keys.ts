import { pad } from '../core/keys';
import { needKey } from '../needs/need.keys';

/**
 * A bid lives in its need's partition under the supplier's org: one live bid per supplier per need
 * is the key itself, and no route takes a bid key from a client, so nobody reaches another org's.
 */
export const bidKey = (needId: string, orgId: string) => ({ pk: needKey(needId).pk, sk: `BID#${orgId}` });

/** Every bid of a need (not the revisions: `BIDREV#` does not start with `BID#`). */
export const BID_PREFIX = 'BID#';

export const bidRevisionKey = (needId: string, orgId: string, revision: number) => ({
  pk: needKey(needId).pk,
  sk: `BIDREV#${orgId}#${pad(revision, 6)}`,
});
export const bidRevisionPrefix = (orgId: string) => `BIDREV#${orgId}#`;

/**
 * The reverse auction's state under one set of terms (amendment): the best price, its leader, a
 * sequence every accepted bid bumps, and the anti-sniping extensions used. An amendment starts a
 * fresh one, since every bid must be reconfirmed under the new terms.
 */
export const AUCTION_PREFIX = 'AUCTION#';
export const auctionStateKey = (needId: string, amendment: number) => ({
  pk: needKey(needId).pk,
  sk: `${AUCTION_PREFIX}${pad(amendment, 4)}`,
});
