import { describe, expect, it } from 'vitest';
import { fixedClock, type Page, type PageRequest, type Stored } from '../core';
import type { Listing } from '../listings/listing';
import type { ListingRepository } from '../listings/ports';
import type { Need } from '../needs/need';
import type { NeedRepository } from '../needs/ports';
import type { NotificationDraft } from '../notifications/notification';
import type { NotificationRepository } from '../notifications/ports';
import type { Membership } from '../orgs/membership';
import type { Park } from '../parks/park';
import type { ParkRepository } from '../parks/ports';
import { type CategoryRange, inRange } from './category-tiers';
import { byRank, type InboxEntry, type Match } from './match';
import { MatchingService } from './matching.service';
import { type MatchFactsReader, type MatchRepository, membershipRef } from './ports';
import { neutralReputationReader } from './reputation';

const clock = fixedClock('2030-01-01T00:00:00Z');
const park = { parkId: 'park_1', location: { lat: 35.7, lon: 50.4 }, country: 'IR' } as Stored<Park>;

const needOf = (over: Partial<Need> = {}) =>
  ({
    needId: 'need_1',
    ownerOrgId: 'org_buyer',
    status: 'open',
    title: 'Copper pipe',
    category: '2420',
    quantity: 10,
    unit: 't',
    parkId: 'park_1',
    visibility: 'public',
    requiredCertificates: [],
    closesAt: '2030-02-01T00:00:00.000Z',
    closesAtMs: Date.parse('2030-02-01T00:00:00Z'),
    version: 2,
    ...over,
  }) as Stored<Need>;

let n = 0;
const listingOf = (category: string, over: Partial<Listing> = {}) =>
  ({
    listingId: `lst_${String(++n).padStart(6, '0')}`,
    supplierOrgId: `org_s${n}`,
    status: 'active',
    kind: 'product',
    title: `Listing ${n}`,
    category,
    unit: 't',
    capacityPerPeriod: 100,
    period: 'month',
    leadTimeDays: 7,
    serviceArea: { scope: 'national' },
    certificates: [],
    parkId: 'park_1',
    location: park.location,
    country: 'IR',
    ...over,
  }) as Stored<Listing>;

function world(needs: Stored<Need>[], listings: Stored<Listing>[], names = new Map<string, string>()) {
  const reads = { listings: 0, needs: 0, written: 0 };
  const matches = new Map<string, Match>();
  const inbox = new Map<string, InboxEntry>();
  const notified: NotificationDraft[] = [];
  const delivered = new Set<string>();
  const mKey = (m: Pick<Match, 'needId' | 'listingId'>) => `${m.needId}|${m.listingId}`;
  const iKey = (r: { supplierOrgId: string; needId: string }) => `${r.supplierOrgId}|${r.needId}`;
  /** Pages by offset, as the repositories page by key. */
  const paged = <T>(all: T[], page: PageRequest): Page<T> => {
    const from = Number(page.cursor ?? 0);
    const to = from + page.limit;
    return { items: all.slice(from, to), nextCursor: to < all.length ? String(to) : null };
  };
  const matchRepo: MatchRepository = {
    forNeed: async (needId) => [...matches.values()].filter((m) => m.needId === needId),
    forListing: async (id) => [...matches.values()].filter((m) => m.listingId === id),
    forBuyer: async (owner) => [...matches.values()].filter((m) => m.needOwnerOrgId === owner),
    forNeedAndSupplier: async (needId, org) =>
      [...matches.values()].filter((m) => m.needId === needId && m.supplierOrgId === org),
    getMany: async (refs) => refs.flatMap((r) => (matches.has(mKey(r)) ? [matches.get(mKey(r))!] : [])),
    pageForNeed: async (needId, page) =>
      paged(
        [...matches.values()].filter((m) => m.needId === needId),
        page,
      ),
    pageForListing: async (id, page) =>
      paged(
        [...matches.values()].filter((m) => m.listingId === id),
        page,
      ),
    countForNeed: async (needId, upTo) =>
      Math.min(upTo, [...matches.values()].filter((m) => m.needId === needId).length),
    put: async (ms) => {
      reads.written += ms.length;
      for (const m of ms) matches.set(mKey(m), m);
    },
    setSupplierName: async (ms, name) => {
      reads.written += ms.length;
      for (const m of ms) {
        const stored = matches.get(mKey(m));
        if (stored) matches.set(mKey(m), { ...stored, supplierName: name });
      }
    },
    remove: async (ms) => {
      for (const m of ms) matches.delete(mKey(m));
    },
    inboxEntries: async (refs) => refs.flatMap((r) => (inbox.has(iKey(r)) ? [inbox.get(iKey(r))!] : [])),
    putInbox: async (es) => {
      reads.written += es.length;
      for (const e of es) inbox.set(iKey(e), e);
    },
    removeInbox: async (refs) => {
      for (const r of refs) inbox.delete(iKey(r));
    },
    listForNeed: async (needId) => ({
      items: [...matches.values()].filter((m) => m.needId === needId).sort(byRank),
      nextCursor: null,
    }),
    inbox: async (org) => ({
      items: [...inbox.values()].filter((e) => e.supplierOrgId === org),
      nextCursor: null,
    }),
  };
  const approved = { status: 'approved', suspended: false, as: ['supplier'] } as unknown as Membership;
  const facts: MatchFactsReader = {
    memberships: async (refs) => new Map(refs.map((r) => [membershipRef(r.parkId, r.orgId), approved])),
    approvedSuppliers: async () => new Set(),
    heldUntil: async () => new Map(),
  };
  const notifications = {
    notify: async (d: NotificationDraft) => {
      const key = `${d.orgId}|${d.dedupeKey}`;
      if (delivered.has(key)) return false;
      delivered.add(key);
      notified.push(d);
      return true;
    },
  } as NotificationRepository;
  const service = new MatchingService({
    needs: {
      get: async (id: string) => needs.find((x) => x.needId === id) ?? null,
      getMany: async (ids: string[]) => needs.filter((x) => ids.includes(x.needId)),
      openInRange: async (range: CategoryRange, page: PageRequest) => {
        const found = paged(
          needs.filter((x) => x.status === 'open' && inRange(x.category, range)),
          page,
        );
        reads.needs += found.items.length;
        return found;
      },
    } satisfies Partial<NeedRepository> as unknown as NeedRepository,
    listings: {
      get: async (id: string) => listings.find((l) => l.listingId === id) ?? null,
      activeInRangePage: async (range: CategoryRange, page: PageRequest) => {
        const found = paged(
          listings.filter((l) => l.status === 'active' && inRange(l.category, range)),
          page,
        );
        reads.listings += found.items.length;
        return found;
      },
      activeByOrg: async (org: string) =>
        listings.filter((l) => l.supplierOrgId === org && l.status === 'active'),
      activeByOrgPage: async (org: string, page: PageRequest) =>
        paged(
          listings.filter((l) => l.supplierOrgId === org && l.status === 'active'),
          page,
        ),
    } satisfies Partial<ListingRepository> as unknown as ListingRepository,
    parks: { get: async () => park, getMany: async () => [park] } as unknown as ParkRepository,
    orgs: {
      getMany: async (ids: string[]) =>
        ids.map((orgId) => ({ orgId, name: names.get(orgId) ?? `Supplier ${orgId}` })) as never,
    },
    facts,
    matches: matchRepo,
    notifications,
    work: { enqueue: async () => {} },
    reputation: () => neutralReputationReader,
    clock,
  });
  return { service, reads, matches, inbox, notified };
}

describe('MatchingService', () => {
  it('reads only the need’s class when it yields enough matches, however crowded the division', async () => {
    const listings = [
      ...Array.from({ length: 30 }, () => listingOf('2420')),
      ...Array.from({ length: 300 }, () => listingOf('2421')),
      ...Array.from({ length: 300 }, () => listingOf('2410')),
    ];
    const w = world([needOf()], listings);
    const run = await w.service.matchNeed('need_1');
    expect(run).toMatchObject({ candidatesRead: 30, matched: 30 });
    expect(w.reads.listings).toBe(30);
  });

  it('widens to the group, then the division, while the class is thin', async () => {
    const listings = [
      listingOf('2420'),
      listingOf('242'),
      listingOf('2429'),
      listingOf('2410'),
      listingOf('2511'),
    ];
    const w = world([needOf()], listings);
    const run = await w.service.matchNeed('need_1');
    expect(run).toMatchObject({ candidatesRead: 4, matched: 4 });
    const levels = [...w.matches.values()].sort(byRank).map((m) => m.level);
    expect(levels).toEqual(['exact', 'group', 'group', 'division']);
  });

  it('converges to the same matches on a rerun and notifies each supplier once', async () => {
    const w = world([needOf()], [listingOf('2420'), listingOf('2420')]);
    await w.service.matchNeed('need_1');
    const first = [...w.matches.values()];
    await w.service.matchNeed('need_1');
    expect([...w.matches.values()]).toEqual(first);
    expect(w.notified).toHaveLength(2);
    expect(w.notified.map((d) => d.dedupeKey)).toEqual(['need.matched:need_1', 'need.matched:need_1']);
    expect([...w.inbox.values()].every((e) => e.notifiedAt)).toBe(true);
  });

  it('writes nothing on a rerun when nothing changed, and rewrites a match whose score moved', async () => {
    const listings = [listingOf('2420'), listingOf('2420')];
    const w = world([needOf()], listings);
    await w.service.matchNeed('need_1');
    expect(w.reads.written).toBe(4);
    w.reads.written = 0;
    await w.service.matchNeed('need_1');
    expect(w.reads.written).toBe(0);
    listings[0] = { ...listings[0]!, leadTimeDays: 40 };
    await w.service.matchNeed('need_1');
    expect(w.reads.written).toBe(2);
  });

  it('clears the matches and inbox rows of a need that is no longer open', async () => {
    const needs = [needOf()];
    const w = world(needs, [listingOf('2420')]);
    await w.service.matchNeed('need_1');
    expect(w.inbox.size).toBe(1);
    needs[0] = needOf({ status: 'cancelled' });
    await w.service.matchNeed('need_1');
    expect(w.matches.size).toBe(0);
    expect(w.inbox.size).toBe(0);
  });

  it('lets a new wider-tier listing join only needs that are short of nearer matches', async () => {
    const full = needOf({ needId: 'need_full' });
    const thin = needOf({ needId: 'need_thin', category: '2431' });
    const listings = Array.from({ length: 25 }, () => listingOf('2420'));
    const w = world([full, thin], listings);
    await w.service.matchNeed('need_full');
    const wide = listingOf('2410');
    listings.push(wide);
    const run = await w.service.matchListing(wide.listingId);
    expect(run.matched).toBe(1);
    expect(
      [...w.matches.values()].filter((m) => m.listingId === wide.listingId).map((m) => m.needId),
    ).toEqual(['need_thin']);
  });

  it('copies what the owner’s list shows onto each match, and a supplier’s new name onto its matches alone', async () => {
    const mine = listingOf('2420', { title: 'Seamless copper pipe', kind: 'capacity' });
    const other = listingOf('2420');
    const names = new Map([[mine.supplierOrgId, 'Old Copper Co']]);
    const w = world([needOf(), needOf({ needId: 'need_2' })], [mine, other], names);
    await w.service.matchNeed('need_1');
    await w.service.matchNeed('need_2');
    const copies = () =>
      [...w.matches.values()]
        .filter((m) => m.listingId === mine.listingId)
        .map((m) => [m.needId, m.listingTitle, m.listingKind, m.supplierName, m.needOwnerOrgId]);
    expect(copies()).toEqual([
      ['need_1', 'Seamless copper pipe', 'capacity', 'Old Copper Co', 'org_buyer'],
      ['need_2', 'Seamless copper pipe', 'capacity', 'Old Copper Co', 'org_buyer'],
    ]);

    names.set(mine.supplierOrgId, 'New Copper Co');
    w.reads.written = 0;
    expect(await w.service.renameSupplier(mine.supplierOrgId)).toBe(2);
    expect(copies().map((c) => c[3])).toEqual(['New Copper Co', 'New Copper Co']);
    expect(w.reads.written).toBe(2);
    expect(await w.service.renameSupplier(mine.supplierOrgId)).toBe(0);
    // A rerun of matching keeps the new name: nothing to write.
    w.reads.written = 0;
    await w.service.matchNeed('need_1');
    expect(w.reads.written).toBe(0);
  });
});
