import { type Caller, notFound, type Page, type PageRequest, requireOrg, requireRole } from '../core';
import type { ListingRepository } from '../listings/ports';
import type { NeedRepository } from '../needs/ports';
import type { OrgRepository } from '../orgs/ports';
import type { InboxEntry, Match } from './match';
import type { MatchRepository } from './ports';

export interface RankedMatch extends Match {
  listingTitle: string | null;
  listingKind: string | null;
  supplierName: string | null;
}

export interface InboxItem extends InboxEntry {
  need: {
    title: string;
    category: string;
    parkId: string;
    quantity: number;
    unit: string;
    currency: string;
    mode: string;
    visibility: string;
    closesAt: string;
  };
}

/** The read side of matching: the owner's ranked suppliers and a supplier's inbox. */
export class MatchQueryService {
  constructor(
    private readonly matches: MatchRepository,
    private readonly needs: NeedRepository,
    private readonly listings: ListingRepository,
    private readonly orgs: OrgRepository,
    private readonly clock: { now(): Date },
  ) {}

  /** Ranked suppliers for a need, for its owner only (anyone else: 404). */
  async forNeed(caller: Caller, needId: string, page: PageRequest): Promise<Page<RankedMatch>> {
    const who = requireOrg(caller);
    const need = await this.needs.get(needId);
    if (!need || need.ownerOrgId !== who.orgId) throw notFound('need');
    const result = await this.matches.listForNeed(needId, page);
    const [listings, orgs] = await Promise.all([
      this.listings.getMany(result.items.map((m) => m.listingId)),
      this.orgs.getMany(result.items.map((m) => m.supplierOrgId)),
    ]);
    const listingById = new Map(listings.map((l) => [l.listingId, l]));
    const orgById = new Map(orgs.map((o) => [o.orgId, o]));
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((m) => ({
        ...m,
        listingTitle: listingById.get(m.listingId)?.title ?? null,
        listingKind: listingById.get(m.listingId)?.kind ?? null,
        supplierName: orgById.get(m.supplierOrgId)?.name ?? null,
      })),
    };
  }

  /**
   * Open needs that match the caller's listings, best first. Rows of needs that closed or were
   * cancelled since (before the stream removed them) are left out here.
   */
  async inbox(caller: Caller, page: PageRequest): Promise<Page<InboxItem>> {
    const supplier = requireRole(caller, 'supplier');
    const result = await this.matches.inbox(supplier.orgId, page);
    const needs = new Map(
      (await this.needs.getMany(result.items.map((e) => e.needId))).map((n) => [n.needId, n]),
    );
    const now = this.clock.now().getTime();
    const items: InboxItem[] = [];
    for (const entry of result.items) {
      const need = needs.get(entry.needId);
      if (need?.status !== 'open' || need.closesAtMs <= now) continue;
      items.push({
        ...entry,
        need: {
          title: need.title,
          category: need.category,
          parkId: need.parkId,
          quantity: need.quantity,
          unit: need.unit,
          currency: need.currency,
          mode: need.mode,
          visibility: need.visibility,
          closesAt: need.closesAt,
        },
      });
    }
    return { items, nextCursor: result.nextCursor };
  }
}
