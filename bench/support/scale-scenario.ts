// The country of issue #24, scaled: 100 parks, 100,000 firms, 200,000 listings, 20,000 open needs
// (and twice as many closed ones), taken at a fraction `f`. The copy is a sample of the country,
// not a thinned one: it keeps the country's density per ISIC class (about 476 listings and 48 open
// needs a class, over the ~420 classes) and its parks' size (1,000 firms), and samples classes and
// parks. What grows with `f` is what grows with the country: the market-wide partitions, the
// number of parks, firms and history; what a need or a listing meets in its own class does not.
import { batchWrite, type Db, type Item } from '@parkbridge/db';
import { listingItem, SUPPLY_PREFIX, supplyKey } from '@parkbridge/db/listings';
import { DEMAND_PREFIX, demandKey, needItemAttributes } from '@parkbridge/db/needs';
import { membershipKeys, orgKey } from '@parkbridge/db/orgs';
import { parkKeys } from '@parkbridge/db/parks';
import { categories } from '@parkbridge/domain/categories';
import { mapLimit, type Stored } from '@parkbridge/domain/core';
import type { Listing } from '@parkbridge/domain/listings';
import { divisionOf } from '@parkbridge/domain/matching';
import type { Need } from '@parkbridge/domain/needs';
import type { Membership, Org } from '@parkbridge/domain/orgs';
import type { Park } from '@parkbridge/domain/parks';

export const COUNTRY = {
  parks: 100,
  firms: 100_000,
  listings: 200_000,
  openNeeds: 20_000,
  closedNeeds: 40_000,
  /** ISIC classes the listings and needs spread over. */
  classes: 420,
  /** Read notifications a firm has kept (history grows with time; the copy grows it with `f`). */
  readNotifications: 10_000,
} as const;

/** The class every focus entity works in (the need published, the listing changed, the bids). */
export const FOCUS_CLASS = '2420';
/** A word three open needs and three listings carry, at every size: what "search a word" finds. */
export const RARE_WORD = 'zirconium';
/** A word one need or listing in ten carries: a search whose first page is full. */
export const COMMON_WORD = 'steel';
/** Bids already on the auction need when the last-second bid comes. */
export const BIDS_AT_CLOSE = 50;

const ESHTEHARD = { lat: 35.72472, lon: 50.37167 };

export interface ScaleScenario {
  f: number;
  parkIds: string[];
  classes: string[];
  operatorOrgId: string;
  /** Tenant of the first park: owns the need to publish and the auction need. */
  buyerOrgId: string;
  /** Supplier approved in the first park: the listing to change, the inboxes. */
  supplierOrgId: string;
  supplierListingId: string;
  /** Applied to the first park, waiting for approval; lists in the focus class. */
  applicantOrgId: string;
  /** Approved suppliers of the first park, ready to bid. */
  bidderOrgIds: string[];
  counts: Record<string, number>;
}

const pad = (n: number, w = 6) => String(n).padStart(w, '0');

/** Manufacturing classes (divisions 10–33), the focus class first, in a fixed shuffled order. */
function classPool(): string[] {
  const all = categories
    .all()
    .filter(
      (c) => c.level === 'class' && Number(c.code.slice(0, 2)) >= 10 && Number(c.code.slice(0, 2)) <= 33,
    )
    .map((c) => c.code)
    .filter((c) => c !== FOCUS_CLASS);
  // A fixed permutation (no Math.random): every run loads the same country.
  let seed = 24;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j] as string, all[i] as string];
  }
  return [FOCUS_CLASS, ...all];
}

export class ScenarioBuilder {
  readonly at: string;
  constructor(
    readonly f: number,
    readonly now: Date,
  ) {
    this.at = now.toISOString();
  }

  org(orgId: string, name: string, kinds: Org['kinds']): Item {
    const o: Stored<Org> = {
      orgId,
      name,
      kinds,
      country: 'IR',
      location: ESHTEHARD,
      createdAt: this.at,
      updatedAt: this.at,
      version: 1,
      auditHash: 'bench',
    };
    return { ...orgKey(orgId), type: 'org', ...o };
  }

  membership(parkId: string, orgId: string, as: Membership['as'], status: Membership['status']): Item {
    const m: Stored<Membership> = {
      parkId,
      orgId,
      as,
      status,
      suspended: false,
      reason: null,
      history: [],
      appliedAt: this.at,
      decidedAt: status === 'pending' ? null : this.at,
      version: status === 'pending' ? 1 : 2,
      auditHash: 'bench',
    } as Stored<Membership>;
    return { ...membershipKeys(m), type: 'membership', ...m };
  }

  park(parkId: string, operatorOrgId: string): Item {
    const park: Stored<Park> = {
      parkId,
      name: `Bench park ${parkId}`,
      kind: 'industrial_park',
      country: 'IR',
      location: ESHTEHARD,
      currency: 'IRR',
      timeZone: 'Asia/Tehran',
      operatorOrgId,
      createdAt: this.at,
      updatedAt: this.at,
      version: 1,
      auditHash: 'bench',
    } as Stored<Park>;
    return { ...parkKeys(park), type: 'park', ...park };
  }

  listing(listingId: string, supplierOrgId: string, category: string, title: string): Stored<Listing> {
    return {
      listingId,
      supplierOrgId,
      status: 'active',
      kind: 'product',
      title,
      description: `Made to order in ISIC ${category}, shipped nationwide from our plant.`,
      category,
      unit: 't',
      capacityPerPeriod: 500,
      period: 'month',
      leadTimeDays: 14,
      serviceArea: { scope: 'national' },
      certificates: [],
      parkId: null,
      location: ESHTEHARD,
      country: 'IR',
      createdAt: this.at,
      updatedAt: this.at,
      version: 1,
      auditHash: 'bench',
    } as Stored<Listing>;
  }

  need(
    needId: string,
    ownerOrgId: string,
    parkId: string,
    category: string,
    status: Need['status'],
    title: string,
    over: Partial<Need> = {},
  ): Stored<Need> {
    const closesAt = new Date(this.now.getTime() + 14 * 86_400_000).toISOString();
    return {
      needId,
      ownerOrgId,
      status,
      title,
      description: `Regular supply for our line; ISIC ${category}; delivery to the park gate.`,
      category,
      quantity: 20,
      unit: 't',
      parkId,
      currency: 'IRR',
      closesAt,
      closesAtMs: Date.parse(closesAt),
      originalClosesAt: closesAt,
      mode: 'sealed',
      requiredCertificates: [],
      parkFirstHours: 0,
      visibility: 'public',
      extensionCount: 0,
      publishedAt: status === 'draft' ? null : this.at,
      parkFirstUntil: null,
      parkFirstUntilMs: 0,
      amendmentCount: 0,
      cancelReason: null,
      awardedBidId: null,
      createdAt: this.at,
      updatedAt: this.at,
      version: 2,
      auditHash: 'bench',
      ...over,
    } as Stored<Need>;
  }
}

/** The items of the scaled country (without the focus entities made through the services). */
export function scaledCountry(f: number, now: Date, items: ItemSink): ScaleScenario {
  const b = new ScenarioBuilder(f, now);
  const counts: Record<string, number> = {};
  // The rosters the repositories keep beside needs and listings (park demand, supplier supply).
  const rosters = new Map<string, Item>();
  const enrol = (key: { pk: string; sk: string }, type: string, attribute: string, value: unknown) => {
    const id = `${key.pk}|${key.sk}`;
    const roster = rosters.get(id) ?? { ...key, type };
    roster[attribute] = value;
    rosters.set(id, roster);
  };
  const add = (kind: string, item: Item) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    items.push(item);
    if (item.type === 'listing' && item.status === 'active') {
      const l = item as unknown as Listing;
      enrol(
        supplyKey(l.supplierOrgId, divisionOf(l.category)),
        'supplier-supply',
        `${SUPPLY_PREFIX}${l.listingId}`,
        {
          t: l.title,
          c: l.category,
        },
      );
    }
    if (item.type === 'need' && item.status === 'open') {
      const n = item as unknown as Need;
      enrol(demandKey(n.parkId, divisionOf(n.category)), 'park-demand', `${DEMAND_PREFIX}${n.needId}`, {
        c: n.category,
        o: n.ownerOrgId,
      });
    }
  };
  const parks = Math.max(1, Math.round(COUNTRY.parks * f));
  const firms = Math.round(COUNTRY.firms * f);
  const classes = classPool().slice(0, Math.max(1, Math.round(COUNTRY.classes * f)));
  const listings = Math.round(COUNTRY.listings * f);
  const openNeeds = Math.round(COUNTRY.openNeeds * f);
  const closedNeeds = Math.round(COUNTRY.closedNeeds * f);
  const operatorOrgId = 'org_BENCHOPERATOR';
  const parkIds = Array.from({ length: parks }, (_, i) => `park_B${pad(i, 3)}`);
  add('org', b.org(operatorOrgId, 'Bench park authority', ['operator']));
  for (const parkId of parkIds) add('park', b.park(parkId, operatorOrgId));

  // Half the firms are tenants (buyers), half suppliers; each is an approved member of one park.
  const tenants: { orgId: string; parkId: string }[] = [];
  const suppliers: { orgId: string; parkId: string }[] = [];
  for (let i = 0; i < firms; i++) {
    const parkId = parkIds[Math.floor(i / 2) % parks] as string;
    const supplier = i % 2 === 1;
    const orgId = `org_B${supplier ? 'S' : 'T'}${pad(i)}`;
    add('org', b.org(orgId, `Firm ${i}`, supplier ? ['supplier'] : ['tenant']));
    add('membership', b.membership(parkId, orgId, supplier ? ['supplier'] : ['tenant'], 'approved'));
    (supplier ? suppliers : tenants).push({ orgId, parkId });
  }
  // Listings: the suppliers' offers, spread evenly over the sampled classes; one in ten says steel.
  for (let i = 0; i < listings; i++) {
    const s = suppliers[i % suppliers.length] as { orgId: string };
    const category = classes[i % classes.length] as string;
    const title = i % 10 === 0 ? `Alloy ${COMMON_WORD} part ${i}` : `Component ${i}`;
    add('listing', listingItem(b.listing(`lst_B${pad(i, 7)}`, s.orgId, category, title)));
  }
  // Needs: open and closed, half public and half for their park only.
  const needOf = (i: number, status: Need['status']) => {
    const t = tenants[i % tenants.length] as { orgId: string; parkId: string };
    const category = classes[i % classes.length] as string;
    const title = i % 10 === 0 ? `Sheet ${COMMON_WORD} batch ${i}` : `Supply batch ${i}`;
    const need = b.need(`need_B${status[0]}${pad(i, 6)}`, t.orgId, t.parkId, category, status, title, {
      visibility: i % 2 ? 'park' : 'public',
    });
    return { ...needItemAttributes(need), ...need };
  };
  for (let i = 0; i < openNeeds; i++) add('need (open)', needOf(i, 'open'));
  for (let i = 0; i < closedNeeds; i++) add('need (closed)', needOf(i, 'closed'));

  const firstPark = parkIds[0] as string;
  const inFirstPark = (list: typeof suppliers) => list.filter((x) => x.parkId === firstPark);
  const parkSuppliers = inFirstPark(suppliers);
  const buyer = inFirstPark(tenants)[0] as { orgId: string };
  const supplier = parkSuppliers[0] as { orgId: string };
  // The rare word: three open needs of the buyer, and three listings of the supplier.
  for (let k = 0; k < 3; k++) {
    const need = b.need(
      `need_BRARE${k}`,
      buyer.orgId,
      firstPark,
      classes[k % classes.length] as string,
      'open',
      `${RARE_WORD} oxide powder ${k}`,
    );
    add('need (open)', { ...needItemAttributes(need), ...need });
    add(
      'listing',
      listingItem(
        b.listing(
          `lst_BRARE${k}`,
          supplier.orgId,
          classes[k % classes.length] as string,
          `${RARE_WORD} crucible`,
        ),
      ),
    );
  }
  const supplierListingId = 'lst_BFOCUS';
  add('listing', listingItem(b.listing(supplierListingId, supplier.orgId, FOCUS_CLASS, 'Seamless pipe')));
  const applicantOrgId = 'org_BAPPLICANT';
  add('org', b.org(applicantOrgId, 'Applicant supplier', ['supplier']));
  add('membership', b.membership(firstPark, applicantOrgId, ['supplier'], 'pending'));
  for (let k = 0; k < 4; k++)
    add(
      'listing',
      listingItem(
        b.listing(`lst_BAPPLICANT${k}`, applicantOrgId, classes[k % classes.length] as string, `Offer ${k}`),
      ),
    );
  for (const roster of rosters.values()) {
    counts.roster = (counts.roster ?? 0) + 1;
    items.push(roster);
  }
  const bidderOrgIds = parkSuppliers.slice(1, 1 + BIDS_AT_CLOSE).map((s) => s.orgId);
  if (bidderOrgIds.length < BIDS_AT_CLOSE)
    for (let k = bidderOrgIds.length; k < BIDS_AT_CLOSE; k++) {
      const orgId = `org_BBIDDER${pad(k, 3)}`;
      add('org', b.org(orgId, `Bidder ${k}`, ['supplier']));
      add('membership', b.membership(firstPark, orgId, ['supplier'], 'approved'));
      bidderOrgIds.push(orgId);
    }
  return {
    f,
    parkIds,
    classes,
    operatorOrgId,
    buyerOrgId: buyer.orgId,
    supplierOrgId: supplier.orgId,
    supplierListingId,
    applicantOrgId,
    bidderOrgIds,
    counts,
  };
}

/** Where scenario items go: collected, then written in parallel batches. */
export interface ItemSink {
  push(item: Item): void;
}

/** BatchWriteItem in parallel chunks: loading is not what the bench measures. */
export async function loadItems(db: Db, items: readonly Item[], concurrency = 4): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 500) chunks.push(items.slice(i, i + 500));
  await mapLimit(chunks, concurrency, (chunk) =>
    batchWrite(
      db,
      chunk.map((put) => ({ put })),
    ),
  );
}
