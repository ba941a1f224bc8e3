import { Field } from '../chain-map/sources';
import { type Clock, notFound, type Page, type PageRequest } from '../core';
import type { PublicParkReader } from './ports';
import {
  PUBLIC_EXPOS,
  type PublicFirm,
  type PublicPark,
  type PublicParkSummary,
  publicExpoOf,
  publicFirmOf,
  publicParkSummaryOf,
  sectorsOf,
} from './public-park';

/**
 * What anyone may learn about a park before joining it (workflow 11), with no token: the park, its
 * counts (firms, chains, open needs, per sector) from the chain map's aggregates, its expos that
 * have not ended, and the firms that chose to be shown. Never a draft, a need's text, a bid, a
 * slot's holder or a firm that did not opt in.
 */
export class PublicParkService {
  constructor(
    private readonly reader: PublicParkReader,
    private readonly clock: Clock,
  ) {}

  async list(page: PageRequest, filter: { country?: string | undefined }): Promise<Page<PublicParkSummary>> {
    const parks = await this.reader.parks(page, filter);
    return { items: parks.items.map(publicParkSummaryOf), nextCursor: parks.nextCursor };
  }

  async get(parkId: string): Promise<PublicPark> {
    const [park, aggregates, expos] = await Promise.all([
      this.reader.park(parkId),
      this.reader.aggregates(parkId),
      this.reader.openExpos(parkId, this.clock.now(), PUBLIC_EXPOS),
    ]);
    if (!park) throw notFound('park');
    const sectors = sectorsOf(aggregates.categories);
    return {
      ...publicParkSummaryOf(park),
      memberFirms: aggregates.summary[Field.tenants] ?? 0,
      chains: aggregates.summary[Field.chains] ?? 0,
      openNeeds: aggregates.categories.reduce((sum, c) => sum + (c.fields[Field.openNeeds] ?? 0), 0),
      sectors,
      openExpos: expos.map(publicExpoOf),
    };
  }

  /**
   * The park's approved, unsuspended members that chose to be shown publicly. A page holds at most
   * `limit` of them and may hold fewer (members that did not opt in are skipped, not searched past).
   */
  async firms(parkId: string, page: PageRequest): Promise<Page<PublicFirm>> {
    if (!(await this.reader.park(parkId))) throw notFound('park');
    const members = await this.reader.members(parkId, 'approved', page);
    const active = members.items.filter((m) => !m.suspended);
    const orgs = new Map((await this.reader.orgs(active.map((m) => m.orgId))).map((o) => [o.orgId, o]));
    const items = active.flatMap((m) => {
      const org = orgs.get(m.orgId);
      return org?.publicProfile ? [publicFirmOf(org, m.as)] : [];
    });
    return { items, nextCursor: members.nextCursor };
  }
}
