import { type Caller, type Clock, type Page, type PageRequest, requireOrg } from '../core';
import { endOfDayUtc } from '../orgs/certificate';
import type { Reputation } from '../reputation/reputation';
import type {
  ReputationsReader,
  SupplierDirectoryRepository,
  SupplierQuery,
  SupplierSourceReader,
} from './ports';
import { ENTRY_LISTINGS, type SupplierEntry, supplierEntryOf } from './supplier-entry';

export type SupplierCard = SupplierEntry & { reputation: Reputation['asSupplier'] };

/**
 * The supplier directory: firms approved to supply a park, found by words in any language,
 * category at any level, park and verified certificate. Each firm's entry is rebuilt from its own
 * records (org, memberships, active listings, certificates) by the `discovery.supplier-directory`
 * stream consumer whenever one of them changes, so a search is one bounded Query per page.
 */
export class SupplierDirectory {
  constructor(
    private readonly deps: {
      sources: SupplierSourceReader;
      directory: SupplierDirectoryRepository;
      reputation: ReputationsReader;
      clock: Clock;
    },
  ) {}

  /** Rebuilds one firm's entry from its records as they are now: safe to run again, in any order. */
  async refresh(orgId: string): Promise<SupplierEntry | null> {
    const { sources, directory, clock } = this.deps;
    const org = await sources.org(orgId);
    if (!org) {
      await directory.put(orgId, null);
      return null;
    }
    const [memberships, listings, certificates] = await Promise.all([
      sources.memberships(orgId),
      sources.activeListings(orgId, ENTRY_LISTINGS),
      sources.certificates(orgId),
    ]);
    const entry = supplierEntryOf({ org, memberships, activeListings: listings, certificates }, clock.now());
    await directory.put(
      orgId,
      entry
        ? { entry, listingTitles: listings.filter((l) => l.status === 'active').map((l) => l.title) }
        : null,
    );
    return entry;
  }

  /** Any member of an organisation may browse the directory. */
  async search(caller: Caller, query: SupplierQuery, page: PageRequest): Promise<Page<SupplierCard>> {
    requireOrg(caller);
    const found = await this.deps.directory.search(query, page);
    const reputations = await this.deps.reputation.getMany(found.items.map((e) => e.orgId));
    const now = this.deps.clock.now().getTime();
    return {
      items: found.items.map((e) => ({
        ...e,
        // An entry is rebuilt when a record changes, not when a day passes: a certificate that
        // expired since is left out here.
        certificates: e.certificates.filter((c) => endOfDayUtc(c.validUntil) >= now),
        reputation: reputations.get(e.orgId)?.asSupplier ?? {
          averageRating: null,
          ratingCount: 0,
          dealCount: 0,
          onTimeRate: null,
        },
      })),
      nextCursor: found.nextCursor,
    };
  }
}
