import type { BidderReader } from '@parkbridge/domain/needs';
import { type Db, queryAll } from '../core';
import { needKey } from '../needs/need.keys';

/**
 * The default way to find a need's bidders until the bidding context provides its own: bids are
 * stored in the need's partition under `BID#…`, and name their supplier in `supplierOrgId`
 * (`bidderOrgId` or `orgId` are accepted too). Withdrawn bids are not counted.
 */
export class DynamoBidderReader implements BidderReader {
  constructor(private readonly db: Db) {}

  async bidderOrgIds(needId: string): Promise<string[]> {
    const items = await queryAll(this.db, { pk: needKey(needId).pk, skPrefix: 'BID#' }, 5000);
    const orgs = new Set<string>();
    for (const item of items) {
      if (item.status === 'withdrawn') continue;
      const org = item.supplierOrgId ?? item.bidderOrgId ?? item.orgId;
      if (typeof org === 'string' && org) orgs.add(org);
    }
    return [...orgs];
  }
}
