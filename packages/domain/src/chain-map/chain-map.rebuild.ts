import type { Clock } from '../core';
import { isActiveAs } from '../orgs/membership';
import { dealVersion, nearestOutsideOf, SourceId } from './chain-map.updater';
import { dealFactsOf, dealNeedsNeed, type OrgFacts, type Origin, originOf } from './facts';
import type { ChainMapSources, ContributionStore, NewContribution } from './ports';
import {
  chainContribution,
  chainInputContribution,
  dealContribution,
  listingContribution,
  membershipContribution,
  needContribution,
} from './sources';

export interface RebuildReport {
  parkId: string;
  tenants: number;
  chains: number;
  inputs: number;
  openNeeds: number;
  deals: number;
  listings: number;
  contributions: number;
  /** Items that were not already what the records say (0 when the aggregates were right). */
  itemsWritten: number;
  itemsDeleted: number;
}

const unknownOrg = (orgId: string): OrgFacts => ({ orgId, name: orgId, country: '', location: null });

/**
 * Recomputes a park's chain map from its records (memberships, chains, open needs, deals, in-park
 * listings), each read by Query on the park's keys, with the same contribution functions the stream
 * consumer uses, and replaces the park's aggregates with their sum. Sellers' origins already frozen
 * by earlier counts are kept, as the incremental path keeps them.
 */
export class ChainMapRebuild {
  constructor(
    private readonly store: ContributionStore,
    private readonly sources: ChainMapSources,
    private readonly clock: Clock,
  ) {}

  async rebuild(parkId: string): Promise<RebuildReport> {
    const park = await this.sources.park(parkId);
    if (!park) throw new Error(`No park ${parkId}.`);
    const now = this.clock.now();
    const [memberships, chains, needs, deals, existing] = await Promise.all([
      this.sources.membershipsOfPark(parkId),
      this.sources.chainsOfPark(parkId),
      this.sources.openNeedsOfPark(parkId),
      this.sources.dealsOfPark(parkId),
      this.store.all(parkId),
    ]);
    const frozen = new Map(existing.map((c) => [c.sourceId, c.meta]));
    const inPark = new Set(memberships.filter((m) => isActiveAs(m, 'tenant')).map((m) => m.orgId));
    const needOf = new Map<string, Awaited<ReturnType<ChainMapSources['need']>>>();
    for (const d of deals) {
      if (dealNeedsNeed(d) && d.needId)
        needOf.set(String(d.needId), await this.sources.need(String(d.needId)));
    }
    const dealFacts = deals.flatMap((d) => {
      const f = dealFactsOf(d, d.needId ? (needOf.get(String(d.needId)) ?? null) : null);
      return f && f.parkId === parkId ? [{ facts: f, version: dealVersion(d) }] : [];
    });
    const listings = (
      await Promise.all([...inPark].map((orgId) => this.sources.activeListingsOf(orgId)))
    ).flat();
    const orgs = await this.sources.orgs([
      ...chains.flatMap((c) => [
        c.ownerOrgId,
        ...c.inputs.flatMap((i) => (i.supplierOrgId ? [i.supplierOrgId] : [])),
      ]),
      ...needs.map((n) => n.ownerOrgId),
      ...dealFacts.flatMap((d) => [d.facts.buyerOrgId, d.facts.sellerOrgId]),
      ...listings.map((l) => l.supplierOrgId),
    ]);
    const org = (id: string) => orgs.get(id) ?? unknownOrg(id);

    const out: NewContribution[] = [];
    const add = (
      sourceId: string,
      sourceVersion: number,
      contribution: NewContribution['contribution'],
      meta = {},
    ) => out.push({ sourceId, sourceVersion, contribution, meta });
    for (const m of memberships) add(SourceId.membership(m.orgId), m.version, membershipContribution(m));
    for (const chain of chains) {
      add(SourceId.chain(chain.chainId), chain.version, chainContribution());
      for (const input of chain.inputs) {
        add(
          SourceId.chainInput(chain.chainId, input.inputId),
          chain.version,
          chainInputContribution(
            chain,
            input,
            org(chain.ownerOrgId),
            input.supplierOrgId ? org(input.supplierOrgId) : null,
          ),
        );
      }
    }
    for (const need of needs)
      add(SourceId.need(need.needId), need.version, needContribution(need, org(need.ownerOrgId)));
    for (const { facts, version } of dealFacts) {
      const seller = org(facts.sellerOrgId);
      const origin =
        (frozen.get(SourceId.deal(facts.dealId))?.sellerOrigin as Origin | undefined) ??
        originOf(park, seller, inPark.has(seller.orgId));
      add(
        SourceId.deal(facts.dealId),
        version,
        dealContribution(facts, park, org(facts.buyerOrgId), { ...seller, origin }),
        { sellerOrigin: origin },
      );
    }
    for (const l of listings)
      add(SourceId.listing(l.listingId), l.version, listingContribution(l, true, org(l.supplierOrgId), now));
    // Every category the map uses gets its nearest outside suppliers, as the consumer gives them.
    const used = [
      ...new Set(
        out.flatMap((c) =>
          c.contribution.counters.flatMap((x) => (x.ref.kind === 'category' ? [x.ref.category] : [])),
        ),
      ),
    ].sort();
    const nearest = await nearestOutsideOf(this.sources, park, used);
    const { written, deleted } = await this.store.replacePark(parkId, out, nearest);
    return {
      parkId,
      tenants: inPark.size,
      chains: chains.length,
      inputs: chains.reduce((n, c) => n + c.inputs.length, 0),
      openNeeds: needs.length,
      deals: dealFacts.length,
      listings: listings.length,
      contributions: out.length,
      itemsWritten: written,
      itemsDeleted: deleted,
    };
  }
}
