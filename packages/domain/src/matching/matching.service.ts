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
import { candidateTiers, divisionOf } from './category-tiers';
import { evaluate, type MatchFacts } from './evaluate';
import { byRank, type InboxEntry, inboxEntryFor, type Match } from './match';
import type { MatchStep, MatchWork, MatchWorkQueue } from './match-work';
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
  /** Candidates or matches handled in one step. */
  pageSize: number;
  /** Steps one stream record runs before leaving the rest as work items: with `pageSize`, a record's bound. */
  stepsPerRecord: number;
}

export const DEFAULT_MATCHING: MatchingOptions = {
  target: 25,
  maxCandidatesPerTier: 500,
  maxNeedsPerListing: 500,
  pageSize: 25,
  stepsPerRecord: 2,
};

/** A supplier's listings handed on per step of a re-match (each becomes a listing's own run). */
const SUPPLIER_LISTINGS_PER_STEP = 10;

export interface MatchRun {
  /** Candidate items read by key (listings for a need, needs for a listing). */
  candidatesRead: number;
  matched: number;
  removed: number;
  notified: number;
}

const emptyRun = (): MatchRun => ({ candidatesRead: 0, matched: 0, removed: 0, notified: 0 });

export interface MatchingDeps {
  needs: NeedRepository;
  listings: ListingRepository;
  parks: ParkRepository;
  /** Suppliers' names, copied onto their matches for the owner's list. */
  orgs: Pick<OrgRepository, 'getMany'>;
  facts: MatchFactsReader;
  matches: MatchRepository;
  notifications: NotificationRepository;
  /** Where a run's next steps are left for the stream (see match-work.ts). */
  work: MatchWorkQueue;
  /** Read at each run, so the bidding context can plug its reader in after wiring. */
  reputation: () => ReputationReader;
  clock: Clock;
  options?: Partial<MatchingOptions>;
}

type Pair = { need: Stored<Need>; listing: Stored<Listing>; park: Park };
type Step = { run: MatchRun; next: MatchWork[] };

/**
 * Keeps matches in step with needs and listings. Every step recomputes from the current items
 * (not from the change that triggered it), so a redelivered or out-of-order stream record
 * converges to the same state; notifications are deduplicated per (supplier, need). A run is a
 * chain of steps of at most `pageSize` candidates or matches each (see match-work.ts).
 */
export class MatchingService {
  private readonly options: MatchingOptions;

  constructor(private readonly deps: MatchingDeps) {
    this.options = { ...DEFAULT_MATCHING, ...deps.options };
  }

  /** Ranks the listings that can serve an open need, nearest category tier first (every step, here). */
  matchNeed(needId: string): Promise<MatchRun> {
    return this.runToEnd({ kind: 'match-need', needId });
  }

  /** Finds the open needs an active listing can serve, and updates just those pairs (every step, here). */
  matchListing(listingId: string): Promise<MatchRun> {
    return this.runToEnd({ kind: 'match-listing', listingId });
  }

  /** After a supplier's approval or certificates change, its listings are matched again (every step, here). */
  rematchSupplier(orgId: string): Promise<MatchRun> {
    return this.runToEnd({ kind: 'rematch-supplier', orgId });
  }

  /**
   * What a stream record does: a few steps (a small run ends here), the rest left on the queue,
   * so that no record's work grows with the data.
   */
  async advance(sourceId: string, work: MatchWork): Promise<MatchRun> {
    const { run, left } = await this.steps(work, this.options.stepsPerRecord);
    await this.deps.work.enqueue(sourceId, left);
    return run;
  }

  /** Runs work and everything it begets in this process (tests, seeding, a bench's setup). */
  async runToEnd(work: MatchWork): Promise<MatchRun> {
    return (await this.steps(work, Number.POSITIVE_INFINITY)).run;
  }

  private async steps(work: MatchWork, max: number): Promise<{ run: MatchRun; left: MatchWork[] }> {
    const total = emptyRun();
    const queue = [work];
    for (let done = 0; done < max && queue.length; done++) {
      const { run, next } = await this.step(queue.shift() as MatchWork);
      total.candidatesRead += run.candidatesRead;
      total.matched += run.matched;
      total.removed += run.removed;
      total.notified += run.notified;
      queue.push(...next);
    }
    return { run: total, left: queue };
  }

  /** One bounded step of a run: one page of candidates, matches or listings. */
  step(work: MatchWork): Promise<Step> {
    switch (work.kind) {
      case 'match-need':
        return this.needStep(work.needId, work.step);
      case 'match-listing':
        return this.listingStep(work.listingId, work.step);
      case 'rematch-supplier':
        return this.supplierStep(work.orgId, work.cursor);
    }
  }

  private async needStep(needId: string, at: MatchStep | undefined): Promise<Step> {
    const now = this.deps.clock.now();
    const need = await this.deps.needs.get(needId, true);
    const park =
      need?.status === 'open' && need.closesAtMs > now.getTime()
        ? await this.deps.parks.get(need.parkId)
        : null;
    if (!need || !park) return this.clearNeedPage(needId);
    const tiers = candidateTiers(need.category);
    const step = at ?? { phase: 'match', tier: 0, found: 0, read: 0 };
    const next = (s: MatchStep): MatchWork[] => [{ kind: 'match-need', needId, step: s }];
    if (step.phase === 'sweep') {
      // Matches from tiers farther than the run reached (the need was short of matches before).
      const page = await this.deps.matches.pageForNeed(needId, {
        limit: this.options.pageSize,
        cursor: step.cursor,
      });
      const tierOf = (m: Match) => (m.level === 'exact' ? 0 : tiers.findIndex((t) => t.level === m.level));
      const stale = page.items.filter((m) => tierOf(m) < 0 || tierOf(m) > step.tier);
      const run = await this.storeForNeed(need, [], stale, now);
      return { run, next: page.nextCursor ? next({ ...step, cursor: page.nextCursor }) : [] };
    }
    const tier = tiers[step.tier] as (typeof tiers)[number];
    const readInTier = step.read ?? 0;
    const page = await this.deps.listings.activeInRangePage(tier.range, {
      limit: Math.min(this.options.pageSize, this.options.maxCandidatesPerTier - readInTier),
      cursor: step.cursor,
    });
    const found = await this.evaluatePairs(
      page.items.map((listing) => ({ need, listing, park })),
      now,
    );
    const previous = await this.deps.matches.getMany(
      page.items.map((l) => ({ needId, supplierOrgId: l.supplierOrgId, listingId: l.listingId })),
    );
    const run = await this.storeForNeed(need, found, previous, now);
    run.candidatesRead = page.items.length;
    const total = (step.found ?? 0) + found.length;
    const read = readInTier + page.items.length;
    if (page.nextCursor && read < this.options.maxCandidatesPerTier)
      return { run, next: next({ ...step, cursor: page.nextCursor, found: total, read }) };
    if (total < this.options.target && step.tier + 1 < tiers.length)
      return { run, next: next({ phase: 'match', tier: step.tier + 1, found: total, read: 0 }) };
    return { run, next: next({ phase: 'sweep', tier: step.tier }) };
  }

  /**
   * Stores one page of a need's matches: `found` are current, and any of `previous` not among
   * them goes; each supplier touched gets its inbox row rewritten from all its matches for the need.
   */
  private async storeForNeed(
    need: Stored<Need>,
    found: Match[],
    previous: Match[],
    now: Date,
  ): Promise<MatchRun> {
    const keep = new Set(found.map((m) => m.listingId));
    const stale = previous.filter((m) => !keep.has(m.listingId));
    await this.deps.matches.put(changedOnly(found, previous));
    await this.deps.matches.remove(stale);
    const suppliers = [...new Set([...found, ...stale].map((m) => m.supplierOrgId))];
    const current = await mapLimit(suppliers, NOTIFY_CONCURRENCY, (s) =>
      this.deps.matches.forNeedAndSupplier(need.needId, s),
    );
    const notified = await this.refreshInbox(need, suppliers, current.flat(), now);
    return { candidatesRead: 0, matched: found.length, removed: stale.length, notified };
  }

  /** A need that is no longer open leaves every list and inbox, a page per step (each read page is deleted). */
  private async clearNeedPage(needId: string): Promise<Step> {
    const page = await this.deps.matches.pageForNeed(needId, { limit: this.options.pageSize });
    await this.deps.matches.remove(page.items);
    const suppliers = [...new Set(page.items.map((m) => m.supplierOrgId))];
    await this.deps.matches.removeInbox(suppliers.map((supplierOrgId) => ({ supplierOrgId, needId })));
    const run = { ...emptyRun(), removed: page.items.length };
    return { run, next: page.nextCursor ? [{ kind: 'match-need', needId }] : [] };
  }

  private async listingStep(listingId: string, at: MatchStep | undefined): Promise<Step> {
    const now = this.deps.clock.now();
    const listing = await this.deps.listings.get(listingId, true);
    const active = listing?.status === 'active' ? listing : null;
    const step = at ?? { phase: 'sweep', tier: 0 };
    const next = (s: MatchStep): MatchWork[] => [{ kind: 'match-listing', listingId, step: s }];
    if (!active || step.phase === 'sweep') {
      // A listing gone clears every match (reading the first page again: what was read is deleted);
      // an active one drops the matches of needs that closed or left its division.
      const page = await this.deps.matches.pageForListing(listingId, {
        limit: this.options.pageSize,
        cursor: active ? step.cursor : undefined,
      });
      const needs = new Map(
        (await this.deps.needs.getMany([...new Set(page.items.map((m) => m.needId))])).map((n) => [
          n.needId,
          n,
        ]),
      );
      const stale = page.items.filter((m) => {
        const need = needs.get(m.needId);
        return (
          !active ||
          need?.status !== 'open' ||
          need.closesAtMs <= now.getTime() ||
          divisionOf(need.category) !== divisionOf(active.category)
        );
      });
      await this.deps.matches.remove(stale);
      const notified = await this.refreshInboxes(stale, needs, now);
      const run = { ...emptyRun(), removed: stale.length, notified };
      if (!active) return { run, next: page.nextCursor ? [{ kind: 'match-listing', listingId }] : [] };
      return {
        run,
        next: next(
          page.nextCursor ? { ...step, cursor: page.nextCursor } : { phase: 'match', tier: 0, read: 0 },
        ),
      };
    }
    const tiers = candidateTiers(active.category);
    const tier = tiers[step.tier] as (typeof tiers)[number];
    const budget = this.options.maxNeedsPerListing - (step.read ?? 0);
    const page = await this.deps.needs.openInRange(tier.range, {
      limit: Math.min(this.options.pageSize, budget),
      cursor: step.cursor,
    });
    const needs = page.items.filter((n) => n.closesAtMs > now.getTime());
    const parks = new Map((await this.getParks(needs.map((n) => n.parkId))).map((p) => [p.parkId, p]));
    const pairs = needs.flatMap((need) => {
      const park = parks.get(need.parkId);
      return park ? [{ need, listing: active, park }] : [];
    });
    const previous = new Map(
      (
        await this.deps.matches.getMany(
          page.items.map((n) => ({ needId: n.needId, supplierOrgId: active.supplierOrgId, listingId })),
        )
      ).map((m) => [m.needId, m]),
    );
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
    const notified = await this.refreshInboxes(
      [...found, ...stale],
      new Map(page.items.map((n) => [n.needId, n])),
      now,
    );
    const run = { candidatesRead: page.items.length, matched: found.length, removed: stale.length, notified };
    const read = (step.read ?? 0) + page.items.length;
    if (read >= this.options.maxNeedsPerListing) return { run, next: [] };
    if (page.nextCursor) return { run, next: next({ ...step, cursor: page.nextCursor, read }) };
    if (step.tier + 1 < tiers.length)
      return { run, next: next({ phase: 'match', tier: step.tier + 1, read }) };
    return { run, next: [] };
  }

  /** Each (need, supplier) of these matches gets its inbox row rewritten from its current matches. */
  private async refreshInboxes(
    touched: Match[],
    needs: Map<string, Stored<Need>>,
    now: Date,
  ): Promise<number> {
    let notified = 0;
    const pairs = new Map(touched.map((m) => [`${m.needId}|${m.supplierOrgId}`, m]));
    for (const { needId, supplierOrgId } of pairs.values()) {
      const need = needs.get(needId);
      if (!need) {
        await this.deps.matches.removeInbox([{ supplierOrgId, needId }]);
        continue;
      }
      const current =
        need.status === 'open' ? await this.deps.matches.forNeedAndSupplier(needId, supplierOrgId) : [];
      notified += await this.refreshInbox(need, [supplierOrgId], current, now);
    }
    return notified;
  }

  /** One page of a supplier's listings: each is handed on as a listing's own run. */
  private async supplierStep(orgId: string, cursor: string | undefined): Promise<Step> {
    const page = await this.deps.listings.activeByOrgPage(orgId, {
      limit: SUPPLIER_LISTINGS_PER_STEP,
      cursor,
    });
    const next: MatchWork[] = page.items.map((l) => ({ kind: 'match-listing', listingId: l.listingId }));
    if (page.nextCursor) next.push({ kind: 'rematch-supplier', orgId, cursor: page.nextCursor });
    return { run: emptyRun(), next };
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
