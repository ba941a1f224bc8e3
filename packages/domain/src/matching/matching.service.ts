import { type Clock, canonicalEqual, type Stored } from '../core';
import { mapLimit } from '../core/concurrency';
import type { Listing } from '../listings/listing';
import type { ListingRepository } from '../listings/ports';
import type { Need } from '../needs/need';
import type { NeedRepository } from '../needs/ports';
import type { NotificationRepository } from '../notifications/ports';
import { isActiveAs } from '../orgs/membership';
import type { OrgRepository } from '../orgs/ports';
import type { Park } from '../parks/park';
import type { ParkRepository } from '../parks/ports';
import { candidateTiers } from './category-tiers';
import { evaluate, type MatchFacts } from './evaluate';
import { byRank, type InboxEntry, inboxEntryFor, type Match } from './match';
import {
  type HeldKindRef,
  heldRef,
  type MatchFactsReader,
  type MatchRepository,
  type MembershipRef,
  membershipRef,
} from './ports';
import { NEUTRAL_REPUTATION, type ReputationReader } from './reputation';

export interface MatchingOptions {
  /** Widen from class to group to division only while fewer matches than this were found. */
  target: number;
  /** Candidates read per tier, at most: the cost of matching a need is bounded by it. */
  maxCandidatesPerTier: number;
  /** Open needs read for one listing, at most. */
  maxNeedsPerListing: number;
}

export const DEFAULT_MATCHING: MatchingOptions = {
  target: 25,
  maxCandidatesPerTier: 500,
  maxNeedsPerListing: 500,
};

export interface MatchRun {
  /** Candidate items read by key (listings for a need, needs for a listing). */
  candidatesRead: number;
  matched: number;
  removed: number;
  notified: number;
  /** Where the time went: reading and scoring, then writing matches, inbox rows and notifications. */
  ms?: { readAndScore: number; store: number };
}

export interface MatchingDeps {
  needs: NeedRepository;
  listings: ListingRepository;
  parks: ParkRepository;
  /** Suppliers' names, copied onto their matches for the owner's list. */
  orgs: Pick<OrgRepository, 'getMany'>;
  facts: MatchFactsReader;
  matches: MatchRepository;
  notifications: NotificationRepository;
  /** Read at each run, so the bidding context can plug its reader in after wiring. */
  reputation: () => ReputationReader;
  clock: Clock;
  options?: Partial<MatchingOptions>;
}

type Pair = { need: Stored<Need>; listing: Stored<Listing>; park: Park };

/**
 * Keeps matches in step with needs and listings. Every entry point recomputes from the current
 * items (not from the change that triggered it), so a redelivered or out-of-order stream record
 * converges to the same state; notifications are deduplicated per (supplier, need).
 */
export class MatchingService {
  private readonly options: MatchingOptions;

  constructor(private readonly deps: MatchingDeps) {
    this.options = { ...DEFAULT_MATCHING, ...deps.options };
  }

  /** Ranks the listings that can serve an open need, nearest category tier first. */
  async matchNeed(needId: string): Promise<MatchRun> {
    const now = this.deps.clock.now();
    const need = await this.deps.needs.get(needId, true);
    if (need?.status !== 'open' || need.closesAtMs <= now.getTime()) return this.clearNeed(needId);
    const started = Date.now();
    const park = await this.deps.parks.get(need.parkId);
    if (!park) return this.clearNeed(needId);
    const found: Match[] = [];
    let candidatesRead = 0;
    for (const tier of candidateTiers(need.category)) {
      const listings = await this.deps.listings.activeInRange(tier.range, this.options.maxCandidatesPerTier);
      candidatesRead += listings.length;
      found.push(
        ...(await this.evaluatePairs(
          listings.map((listing) => ({ need, listing, park })),
          now,
        )),
      );
      if (found.length >= this.options.target) break;
    }
    const scored = Date.now();
    const previous = await this.deps.matches.forNeed(needId);
    const keep = new Set(found.map((m) => m.listingId));
    const stale = previous.filter((m) => !keep.has(m.listingId));
    await this.deps.matches.put(changedOnly(found, previous));
    await this.deps.matches.remove(stale);
    const notified = await this.refreshInbox(
      need,
      [...new Set([...found, ...previous].map((m) => m.supplierOrgId))],
      found,
      now,
    );
    return {
      candidatesRead,
      matched: found.length,
      removed: stale.length,
      notified,
      ms: { readAndScore: scored - started, store: Date.now() - scored },
    };
  }

  /** Finds the open needs an active listing can serve, and updates just those pairs. */
  async matchListing(listingId: string): Promise<MatchRun> {
    const now = this.deps.clock.now();
    const listing = await this.deps.listings.get(listingId, true);
    if (listing?.status !== 'active') return this.clearListing(listingId);
    const needs: Stored<Need>[] = [];
    let candidatesRead = 0;
    for (const tier of candidateTiers(listing.category)) {
      const budget = this.options.maxNeedsPerListing - candidatesRead;
      if (budget <= 0) break;
      const read = await this.deps.needs.openInRange(tier.range, budget);
      candidatesRead += read.length;
      needs.push(...read.filter((n) => n.closesAtMs > now.getTime()));
    }
    const parks = new Map((await this.getParks(needs.map((n) => n.parkId))).map((p) => [p.parkId, p]));
    const pairs = needs.flatMap((need) => {
      const park = parks.get(need.parkId);
      return park ? [{ need, listing, park }] : [];
    });
    const previous = new Map((await this.deps.matches.forListing(listingId)).map((m) => [m.needId, m]));
    const found: Match[] = [];
    for (const match of await this.evaluatePairs(pairs, now)) {
      // A wider-tier listing joins a need only while the need is short of nearer matches, as it
      // would have had it been there when the need was matched.
      if (match.level !== 'exact' && !previous.has(match.needId)) {
        if ((await this.deps.matches.countForNeed(match.needId, this.options.target)) >= this.options.target)
          continue;
      }
      found.push(match);
    }
    const kept = new Set(found.map((m) => m.needId));
    const stale = [...previous.values()].filter((m) => !kept.has(m.needId));
    await this.deps.matches.put(changedOnly(found, [...previous.values()]));
    await this.deps.matches.remove(stale);
    let notified = 0;
    const byNeed = new Map(needs.map((n) => [n.needId, n]));
    for (const needId of new Set([...found, ...stale].map((m) => m.needId))) {
      const need = byNeed.get(needId) ?? (await this.deps.needs.get(needId));
      if (!need) continue;
      const current = await this.deps.matches.forNeedAndSupplier(needId, listing.supplierOrgId);
      notified += await this.refreshInbox(need, [listing.supplierOrgId], current, now);
    }
    return { candidatesRead, matched: found.length, removed: stale.length, notified };
  }

  /** A need that is no longer open leaves every list and inbox. */
  async clearNeed(needId: string): Promise<MatchRun> {
    const previous = await this.deps.matches.forNeed(needId);
    await this.deps.matches.remove(previous);
    const suppliers = [...new Set(previous.map((m) => m.supplierOrgId))];
    await this.deps.matches.removeInbox(suppliers.map((supplierOrgId) => ({ supplierOrgId, needId })));
    return { candidatesRead: 0, matched: 0, removed: previous.length, notified: 0 };
  }

  /** A paused or withdrawn listing leaves every need's matches; inbox rows are recomputed. */
  async clearListing(listingId: string): Promise<MatchRun> {
    const now = this.deps.clock.now();
    const previous = await this.deps.matches.forListing(listingId);
    await this.deps.matches.remove(previous);
    for (const m of previous) {
      const need = await this.deps.needs.get(m.needId);
      if (!need) continue;
      const rest = await this.deps.matches.forNeedAndSupplier(m.needId, m.supplierOrgId);
      await this.refreshInbox(need, [m.supplierOrgId], rest, now);
    }
    return { candidatesRead: 0, matched: 0, removed: previous.length, notified: 0 };
  }

  /** After a supplier's approval or certificates change, its listings are matched again. */
  async rematchSupplier(orgId: string): Promise<MatchRun> {
    const total: MatchRun = { candidatesRead: 0, matched: 0, removed: 0, notified: 0 };
    for (const listing of await this.deps.listings.activeByOrg(orgId, 100)) {
      const run = await this.matchListing(listing.listingId);
      total.candidatesRead += run.candidatesRead;
      total.matched += run.matched;
      total.removed += run.removed;
      total.notified += run.notified;
    }
    return total;
  }

  /**
   * After a supplier renamed itself: the copy of its name on its matches follows (nothing is
   * scored again). Idempotent: only matches whose copy differs from the current name are written.
   */
  async renameSupplier(orgId: string): Promise<number> {
    const org = (await this.deps.orgs.getMany([orgId]))[0];
    if (!org) return 0;
    let rewritten = 0;
    for (const listing of await this.deps.listings.activeByOrg(orgId, MAX_LISTINGS_PER_SUPPLIER)) {
      const stale = (await this.deps.matches.forListing(listing.listingId)).filter(
        (m) => m.supplierName !== org.name,
      );
      await this.deps.matches.setSupplierName(stale, org.name);
      rewritten += stale.length;
    }
    return rewritten;
  }

  /** Evaluates pairs with the facts loaded in one batch per kind (memberships, certificates, reputation). */
  private async evaluatePairs(pairs: readonly Pair[], now: Date): Promise<Match[]> {
    if (!pairs.length) return [];
    const membershipRefs: MembershipRef[] = [];
    const heldRefs: HeldKindRef[] = [];
    for (const { need, listing } of pairs) {
      const org = listing.supplierOrgId;
      membershipRefs.push({ parkId: need.parkId, orgId: org });
      if (listing.parkId && listing.parkId !== need.parkId)
        membershipRefs.push({ parkId: listing.parkId, orgId: org });
      for (const kind of new Set([...need.requiredCertificates, ...listing.certificates]))
        heldRefs.push({ orgId: org, kind });
    }
    const orgIds = [...new Set(pairs.map((p) => p.listing.supplierOrgId))];
    const [memberships, held, reputation, suppliers] = await Promise.all([
      this.deps.facts.memberships(dedupe(membershipRefs, (r) => membershipRef(r.parkId, r.orgId))),
      this.deps.facts.heldUntil(dedupe(heldRefs, (r) => heldRef(r.orgId, r.kind))),
      this.deps.reputation().read(orgIds),
      this.deps.orgs.getMany(orgIds),
    ]);
    const names = new Map(suppliers.map((o) => [o.orgId, o.name]));
    const approvedHere = (parkId: string | null, org: string) =>
      !!parkId && isActiveAs(memberships.get(membershipRef(parkId, org)) ?? null, 'supplier');
    // Most suppliers are approved in the delivery park or the park their listing names; only the
    // rest need a look at all their memberships (one small Query each).
    const unsure = pairs
      .filter(
        ({ need, listing }) =>
          !approvedHere(need.parkId, listing.supplierOrgId) &&
          !approvedHere(listing.parkId, listing.supplierOrgId),
      )
      .map((p) => p.listing.supplierOrgId);
    const approvedElsewhere = unsure.length
      ? await this.deps.facts.approvedSuppliers([...new Set(unsure)])
      : new Set();
    const computedAt = now.toISOString();
    const matches: Match[] = [];
    for (const { need, listing, park } of pairs) {
      const org = listing.supplierOrgId;
      const heldUntil = new Map<string, number>();
      for (const kind of new Set([...need.requiredCertificates, ...listing.certificates])) {
        const until = held.get(heldRef(org, kind));
        if (until !== undefined) heldUntil.set(kind, until);
      }
      const facts: MatchFacts = {
        needPark: { parkId: park.parkId, location: park.location, country: park.country },
        membershipInNeedPark: memberships.get(membershipRef(need.parkId, org)) ?? null,
        approvedSupplierSomewhere:
          approvedHere(need.parkId, org) || approvedHere(listing.parkId, org) || approvedElsewhere.has(org),
        heldUntil,
        reputation: reputation.get(org) ?? NEUTRAL_REPUTATION,
      };
      const result = evaluate(need, listing, facts, now);
      if (result.matched) {
        const supplierName = names.get(org);
        matches.push({
          ...result.match,
          computedAt,
          listingTitle: listing.title,
          listingKind: listing.kind,
          ...(supplierName !== undefined ? { supplierName } : {}),
          needOwnerOrgId: need.ownerOrgId,
          needTitle: need.title,
        });
      }
    }
    return matches.sort(byRank);
  }

  /**
   * Rewrites the inbox rows of these suppliers for one need from their current matches, and
   * notifies each supplier the first time the need reaches its inbox. The notification's dedupe
   * key makes a retry after a crash between the two writes harmless.
   */
  private async refreshInbox(
    need: Stored<Need>,
    suppliers: string[],
    matches: Match[],
    now: Date,
  ): Promise<number> {
    if (!suppliers.length) return 0;
    const refs = suppliers.map((supplierOrgId) => ({ supplierOrgId, needId: need.needId }));
    const existing = new Map(
      (await this.deps.matches.inboxEntries(refs)).map((e) => [e.supplierOrgId, e] as const),
    );
    const bySupplier = new Map<string, Match[]>();
    for (const m of matches) bySupplier.set(m.supplierOrgId, [...(bySupplier.get(m.supplierOrgId) ?? []), m]);
    const put: InboxEntry[] = [];
    const gone: typeof refs = [];
    const toNotify: InboxEntry[] = [];
    for (const supplierOrgId of suppliers) {
      const before = existing.get(supplierOrgId) ?? null;
      const entry = inboxEntryFor(bySupplier.get(supplierOrgId) ?? [], before);
      if (!entry) {
        if (before) gone.push({ supplierOrgId, needId: need.needId });
        continue;
      }
      if (!entry.notifiedAt) toNotify.push(entry);
      else if (before && sameInboxRow(before, entry)) continue;
      put.push(entry);
    }
    const delivered = await mapLimit(toNotify, NOTIFY_CONCURRENCY, async (entry) => {
      const fresh = await this.deps.notifications.notify({
        orgId: entry.supplierOrgId,
        kind: 'need.matched',
        entityId: need.needId,
        dedupeKey: `need.matched:${need.needId}`,
        data: {
          needId: need.needId,
          title: need.title,
          category: need.category,
          parkId: need.parkId,
          closesAt: need.closesAt,
          score: entry.score,
          listingId: entry.bestListingId,
        },
      });
      entry.notifiedAt = now.toISOString();
      return fresh;
    });
    await this.deps.matches.putInbox(put);
    await this.deps.matches.removeInbox(gone);
    return delivered.filter(Boolean).length;
  }

  private async getParks(parkIds: string[]): Promise<Park[]> {
    const unique = [...new Set(parkIds)];
    const parks: Park[] = [];
    for (let i = 0; i < unique.length; i += 100)
      parks.push(...(await this.deps.parks.getMany(unique.slice(i, i + 100))));
    return parks;
  }
}

/** Notifications sent at once, at most: each is a small transaction. */
const NOTIFY_CONCURRENCY = 16;
/** Active listings of one supplier read for a rename, at most (as for re-matching it). */
const MAX_LISTINGS_PER_SUPPLIER = 100;

const sameMatch = (a: Match, b: Match) =>
  a.score === b.score &&
  a.level === b.level &&
  a.distanceKm === b.distanceKm &&
  a.supplierOrgId === b.supplierOrgId &&
  a.listingTitle === b.listingTitle &&
  a.listingKind === b.listingKind &&
  a.supplierName === b.supplierName &&
  a.needOwnerOrgId === b.needOwnerOrgId &&
  a.needTitle === b.needTitle &&
  canonicalEqual(a.reasons, b.reasons);

/** Matches that differ from what is stored; an unchanged one keeps its item (and its computedAt). */
function changedOnly(found: Match[], previous: Match[]): Match[] {
  const before = new Map(previous.map((m) => [`${m.needId}|${m.listingId}`, m]));
  return found.filter((m) => {
    const old = before.get(`${m.needId}|${m.listingId}`);
    if (old && sameMatch(old, m)) {
      m.computedAt = old.computedAt;
      return false;
    }
    return true;
  });
}

const sameInboxRow = (a: InboxEntry, b: InboxEntry) =>
  a.score === b.score &&
  a.bestListingId === b.bestListingId &&
  canonicalEqual(a.listingIds, b.listingIds) &&
  canonicalEqual(a.reasons, b.reasons);

function dedupe<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
