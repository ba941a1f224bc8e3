import type { Chain } from '../chains/chain';
import type { Clock } from '../core';
import type { Listing } from '../listings/listing';
import type { Need } from '../needs/need';
import { isActiveAs, type Membership } from '../orgs/membership';
import type { OutsideSupplier } from './chain-map';
import { type Contribution, emptyContribution } from './contribution';
import { dealFactsOf, dealNeedsNeed, type OrgFacts, type Origin, originOf, type ParkFacts } from './facts';
import { nearestOutside } from './figures';
import type { ChainMapSources, ContributionStore, StoredContribution } from './ports';
import {
  chainContribution,
  chainInputContribution,
  dealContribution,
  listingContribution,
  membershipContribution,
  needContribution,
} from './sources';

type Image = Record<string, unknown>;

/** Source ids: one contribution per source record and park. */
export const SourceId = {
  chain: (chainId: string) => `${chainId}#`,
  chainInput: (chainId: string, inputId: string) => `${chainId}#${inputId}`,
  deal: (dealId: string) => dealId,
  need: (needId: string) => needId,
  listing: (listingId: string) => listingId,
  membership: (orgId: string) => `member#${orgId}`,
} as const;

/** A removed record's contribution can never be revived by an older image. */
const REMOVED = Number.MAX_SAFE_INTEGER;
const MAX_ATTEMPTS = 8;

const unknownOrg = (orgId: string): OrgFacts => ({ orgId, name: orgId, country: '', location: null });

/** Active listings read per category when looking for its nearest outside suppliers. */
export const CANDIDATES_PER_CATEGORY = 50;

/** The categories a listing in `category` can supply: the category and each code above it (2420: 24, 242, 2420). */
export const codesServedBy = (category: string): string[] =>
  /^\d{2,}$/.test(category)
    ? Array.from({ length: category.length - 1 }, (_, i) => category.slice(0, i + 2))
    : [category];

/**
 * The nearest outside suppliers of each category, seen from the park: active listings in it or
 * under it (at most `CANDIDATES_PER_CATEGORY` read) whose supplier is not a tenant of the park and
 * whose service area reaches it. The consumer and the rebuild compute them the same way.
 */
export async function nearestOutsideOf(
  sources: ChainMapSources,
  park: ParkFacts,
  categories: readonly string[],
  known?: NearestCandidates,
): Promise<Map<string, OutsideSupplier[]>> {
  const listings = known?.listings ?? (await candidateListings(sources, categories));
  const supplierIds = [
    ...new Set(categories.flatMap((c) => listings.get(c) ?? []).map((l) => l.supplierOrgId)),
  ];
  const [memberships, orgs] = supplierIds.length
    ? await Promise.all([
        sources.membershipsIn(park.parkId, supplierIds),
        known?.orgs ?? sources.orgs(supplierIds),
      ])
    : [new Map<string, Membership>(), new Map<string, OrgFacts>()];
  const inPark = new Set(
    [...memberships.values()].filter((m) => isActiveAs(m, 'tenant')).map((m) => m.orgId),
  );
  return new Map(categories.map((c) => [c, nearestOutside(park, listings.get(c) ?? [], inPark, orgs)]));
}

/** What the nearest suppliers of some categories are chosen from, whichever park asks. */
export interface NearestCandidates {
  listings: Map<string, Listing[]>;
  orgs: Map<string, OrgFacts>;
  /** When the reading began: what is computed from them is as old as that (see refreshNearest). */
  readAtMs: number;
}

async function candidateListings(sources: ChainMapSources, categories: readonly string[]) {
  const found = await Promise.all(
    categories.map((c) => sources.listingsInCategory(c, CANDIDATES_PER_CATEGORY)),
  );
  return new Map(categories.map((c, i) => [c, found[i] ?? []]));
}

/** The candidates read once for every park using these categories (a listing change reaches many). */
export async function nearestCandidates(
  sources: ChainMapSources,
  categories: readonly string[],
  readAtMs: number,
): Promise<NearestCandidates> {
  const listings = await candidateListings(sources, categories);
  const supplierIds = [...new Set([...listings.values()].flat().map((l) => l.supplierOrgId))];
  return { listings, orgs: supplierIds.length ? await sources.orgs(supplierIds) : new Map(), readAtMs };
}

/**
 * Turns one table change into contribution updates. Each update is idempotent: a contribution
 * computed from a source version the store already holds is not applied again, and the aggregates
 * move by the difference to what the store holds, never by the whole amount.
 */
export class ChainMapUpdater {
  constructor(
    private readonly store: ContributionStore,
    private readonly sources: ChainMapSources,
    private readonly clock: Clock,
  ) {}

  /**
   * Computes and stores one source's contribution. `recompute` re-applies a source at the version
   * already held (a supplier's membership changed, so its listing counts differently now).
   */
  async applySource(
    parkId: string,
    sourceId: string,
    version: number,
    compute: (
      prev: StoredContribution | null,
    ) => Promise<{ contribution: Contribution; meta?: Record<string, unknown> }>,
    recompute = false,
  ): Promise<'applied' | 'skipped'> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const prev = await this.store.get(parkId, sourceId);
      if (prev && (recompute ? prev.sourceVersion > version : prev.sourceVersion >= version))
        return 'skipped';
      const next = await compute(prev);
      const result = await this.store.apply(parkId, prev, {
        sourceId,
        sourceVersion: version,
        contribution: next.contribution,
        meta: next.meta ?? prev?.meta ?? {},
      });
      if (result.applied) {
        // A category new to the map: find its nearest outside suppliers now (the map reads them).
        if (result.categoriesWithoutNearest.length)
          await this.refreshNearest(parkId, result.categoriesWithoutNearest, true);
        return 'applied';
      }
    }
    throw new Error(`chain-map: could not apply ${sourceId} in ${parkId} (kept losing races).`);
  }

  async onChain(oldImage: Image | null, newImage: Image | null): Promise<void> {
    const chain = (newImage ?? oldImage) as unknown as Chain;
    const live = newImage ? (newImage as unknown as Chain) : null;
    const version = live ? Number(live.version) : REMOVED;
    const parkId = chain.parkId;
    const orgIds = [
      chain.ownerOrgId,
      ...(live?.inputs ?? []).flatMap((i) => (i.supplierOrgId ? [i.supplierOrgId] : [])),
    ];
    const orgs = await this.sources.orgs(orgIds);
    const org = (id: string) => orgs.get(id) ?? unknownOrg(id);
    await this.applySource(parkId, SourceId.chain(chain.chainId), version, async () => ({
      contribution: live ? chainContribution() : emptyContribution(),
    }));
    const keep = new Set<string>();
    for (const input of live?.inputs ?? []) {
      const id = SourceId.chainInput(chain.chainId, input.inputId);
      keep.add(id);
      await this.applySource(parkId, id, version, async () => ({
        contribution: chainInputContribution(
          live as Chain,
          input,
          org(chain.ownerOrgId),
          input.supplierOrgId ? org(input.supplierOrgId) : null,
        ),
      }));
    }
    // Inputs dropped from the chain (whichever earlier version had them) stop counting.
    for (const stale of await this.store.withPrefix(parkId, SourceId.chain(chain.chainId))) {
      if (stale.sourceId === SourceId.chain(chain.chainId) || keep.has(stale.sourceId)) continue;
      await this.applySource(parkId, stale.sourceId, version, async () => ({
        contribution: emptyContribution(),
      }));
    }
  }

  async onNeed(oldImage: Image | null, newImage: Image | null): Promise<void> {
    const need = (newImage ?? oldImage) as unknown as Need;
    const live = newImage ? (newImage as unknown as Need) : null;
    const version = live ? Number(live.version) : REMOVED;
    const owner =
      (await this.sources.orgs([need.ownerOrgId])).get(need.ownerOrgId) ?? unknownOrg(need.ownerOrgId);
    const oldPark = (oldImage as unknown as Need | null)?.parkId;
    if (oldPark && live && oldPark !== live.parkId) {
      await this.applySource(oldPark, SourceId.need(need.needId), version, async () => ({
        contribution: emptyContribution(),
      }));
    }
    await this.applySource(need.parkId, SourceId.need(need.needId), version, async () => ({
      contribution: live ? needContribution(live, owner) : emptyContribution(),
    }));
  }

  async onDeal(oldImage: Image | null, newImage: Image | null): Promise<void> {
    const image = (newImage ?? oldImage) as Image;
    const needRecord =
      dealNeedsNeed(image) && image.needId ? await this.sources.need(String(image.needId)) : null;
    const facts = dealFactsOf(image, needRecord);
    if (!facts) return;
    const park = await this.sources.park(facts.parkId);
    if (!park) return;
    const version = newImage ? dealVersion(newImage) : REMOVED;
    await this.applySource(facts.parkId, SourceId.deal(facts.dealId), version, async (prev) => {
      if (!newImage) return { contribution: emptyContribution() };
      const orgs = await this.sources.orgs([facts.buyerOrgId, facts.sellerOrgId]);
      const seller = orgs.get(facts.sellerOrgId) ?? unknownOrg(facts.sellerOrgId);
      // Where the seller was when the deal was first counted is kept: a later move does not rewrite history.
      const origin = (prev?.meta.sellerOrigin as Origin | undefined) ?? (await this.originOf(park, seller));
      return {
        contribution: dealContribution(
          facts,
          park,
          orgs.get(facts.buyerOrgId) ?? unknownOrg(facts.buyerOrgId),
          {
            ...seller,
            origin,
          },
        ),
        meta: { sellerOrigin: origin },
      };
    });
  }

  async onListing(oldImage: Image | null, newImage: Image | null, recompute = false): Promise<void> {
    const listing = (newImage ?? oldImage) as unknown as Listing;
    const live = newImage ? (newImage as unknown as Listing) : null;
    const version = live ? Number(live.version) : REMOVED;
    const memberships = await this.sources.membershipsOfOrg(listing.supplierOrgId);
    const supplier =
      (await this.sources.orgs([listing.supplierOrgId])).get(listing.supplierOrgId) ??
      unknownOrg(listing.supplierOrgId);
    const now = this.clock.now();
    for (const m of memberships) {
      await this.applySource(
        m.parkId,
        SourceId.listing(listing.listingId),
        version,
        async () => ({
          contribution: live
            ? listingContribution(live, isActiveAs(m, 'tenant'), supplier, now)
            : emptyContribution(),
        }),
        recompute,
      );
    }
    if (recompute) return;
    // Any listing anywhere may be a park's nearest outside supplier of a category it uses.
    const codes = new Set(
      [oldImage, newImage].flatMap((i) => (i?.category ? codesServedBy(String(i.category)) : [])),
    );
    const byPark = new Map<string, string[]>();
    const users = await Promise.all([...codes].map((code) => this.store.parksUsing(code)));
    [...codes].forEach((code, i) => {
      for (const parkId of users[i] ?? []) byPark.set(parkId, [...(byPark.get(parkId) ?? []), code]);
    });
    if (!byPark.size) return;
    const candidates = await nearestCandidates(
      this.sources,
      [...new Set([...byPark.values()].flat())],
      this.clock.now().getTime(),
    );
    for (const [parkId, parkCodes] of byPark) await this.refreshNearest(parkId, parkCodes, false, candidates);
  }

  /** A tenant approved, suspended or gone: the park's tenant count, and whether its listings are in-park. */
  async onMembership(_oldImage: Image | null, newImage: Image | null): Promise<void> {
    const m = (newImage ?? _oldImage) as unknown as Membership;
    const version = newImage ? Number(m.version) : REMOVED;
    await this.applySource(m.parkId, SourceId.membership(m.orgId), version, async () => ({
      contribution: newImage ? membershipContribution(m) : emptyContribution(),
    }));
    const listings = await this.sources.activeListingsOf(m.orgId);
    for (const listing of listings) {
      await this.onListing(null, listing as unknown as Image, true);
    }
    // A tenant's listings are not outside supplies of its park, an outside firm's are.
    const codes = [...new Set(listings.flatMap((l) => codesServedBy(l.category)))];
    if (codes.length) {
      const known = await this.store.nearestKnown(m.parkId, codes);
      if (known.length) await this.refreshNearest(m.parkId, known, false);
    }
  }

  /** Computes and stores the park's nearest outside suppliers of these categories. */
  async refreshNearest(
    parkId: string,
    categories: readonly string[],
    firstTime: boolean,
    candidates?: NearestCandidates,
  ): Promise<void> {
    const park = await this.sources.park(parkId);
    if (!park) return;
    // Marked first: a listing changing while this computes refreshes it again.
    if (firstTime) await this.store.markUsed(parkId, categories);
    // A newer computation wins (saveNearest): this one is as old as the candidates it read.
    const startedAt = candidates?.readAtMs ?? this.clock.now().getTime();
    const nearest = await nearestOutsideOf(this.sources, park, categories, candidates);
    for (const [category, suppliers] of nearest)
      await this.store.saveNearest(parkId, category, suppliers, startedAt);
  }

  private async originOf(park: ParkFacts, seller: OrgFacts): Promise<Origin> {
    const m = await this.sources.membership(park.parkId, seller.orgId);
    return originOf(park, seller, isActiveAs(m, 'tenant'));
  }
}

/** Deals are versioned entities; without a version, the last change time orders the changes. */
export function dealVersion(deal: Image): number {
  if (typeof deal.version === 'number') return deal.version;
  const at = Date.parse(String(deal.updatedAt ?? deal.awardedAt ?? ''));
  return Number.isFinite(at) ? at : 0;
}
