import { type Caller, notFound, type Page, type PageRequest, requireOrg, requireRole } from '../core';
import type { ListingRepository } from '../listings/ports';
import type { NeedRepository } from '../needs/ports';
import type { OrgRepository } from '../orgs/ports';
import type { InboxEntry, Match } from './match';
import type { MatchRepository } from './ports';

export interface RankedMatch
  extends Omit<Match, 'listingTitle' | 'listingKind' | 'supplierName' | 'needOwnerOrgId'> {
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

  /**
   * Ranked suppliers for a need, for its owner only (anyone else: 404). One read when the matches
   * carry their copies (the owner, the listing's title and kind, the supplier's name); the need is
   * read only when the page cannot prove the owner (no matches, or matches without the copy), and
   * listings and suppliers only for matches written before the copies existed.
   */
  async forNeed(caller: Caller, needId: string, page: PageRequest): Promise<Page<RankedMatch>> {
    const who = requireOrg(caller);
    const result = await this.matches.listForNeed(needId, page);
    const provenOwner = result.items.length > 0 && result.items.every((m) => m.needOwnerOrgId === who.orgId);
    if (!provenOwner) {
      const need = await this.needs.get(needId);
      if (!need || need.ownerOrgId !== who.orgId) throw notFound('need');
    }
    const old = result.items.filter((m) => m.listingTitle === undefined || m.supplierName === undefined);
    const [listings, orgs] = old.length
      ? await Promise.all([
          this.listings.getMany(old.map((m) => m.listingId)),
          this.orgs.getMany(old.map((m) => m.supplierOrgId)),
        ])
      : [[], []];
    const listingById = new Map(listings.map((l) => [l.listingId, l]));
    const orgById = new Map(orgs.map((o) => [o.orgId, o]));
    return {
      nextCursor: result.nextCursor,
      items: result.items.map(({ needOwnerOrgId: _owner, needTitle: _title, ...m }) => ({
        ...m,
        listingTitle: m.listingTitle ?? listingById.get(m.listingId)?.title ?? null,
        listingKind: m.listingKind ?? listingById.get(m.listingId)?.kind ?? null,
        supplierName: m.supplierName ?? orgById.get(m.supplierOrgId)?.name ?? null,
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
