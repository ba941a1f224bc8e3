import type { AuctionGuard, AuctionStateRead } from '../bids/ports';
import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { NotificationDraft } from '../notifications/notification';
import type { Membership } from '../orgs/membership';
import type { Allocation, Offering, OfferingBid, OfferingKind, OfferingStatus } from './offering';

type Audit = Omit<AuditEntry, 'entityId'>;

export interface OfferingFilter {
  status?: OfferingStatus | undefined;
  kind?: OfferingKind | undefined;
}

/** The filter as the repository applies it: `status` is the effective one, judged at `now`. */
export interface OfferingQuery extends OfferingFilter {
  includeDrafts: boolean;
  now: Date;
}

/** What a bid's write must find true when it commits, checked by its own conditions. */
export interface OfferingBidGate {
  offering: Stored<Offering>;
  now: Date;
  /** Set when an anti-sniping extension moves the close in the bid's own transaction. */
  extendTo: number | null;
}

export interface OfferingBidWrite {
  next: OfferingBid;
  prev: Stored<OfferingBid> | null;
  intent: 'create' | 'revise' | 'withdraw';
  audit: Audit;
  gate: OfferingBidGate;
  /** The auction state's condition (auction mode only). */
  auction: AuctionGuard | null;
}

export interface AwardOfferingWrite {
  offering: Stored<Offering>;
  bid: Stored<OfferingBid>;
  allocation: Allocation;
  /** The winner's membership of the park as read (null: none yet), and as it will be. */
  membership: { prev: Stored<Membership> | null; next: Membership };
  now: Date;
  audits: { offering: Audit; bid: Audit; allocation: Audit; membership: Audit };
  notifications: NotificationDraft[];
}

export interface OfferingRepository {
  get(offeringId: string): Promise<Stored<Offering> | null>;
  listByPark(parkId: string, filter: OfferingQuery, page: PageRequest): Promise<Page<Stored<Offering>>>;
  save(next: Offering, prev: Stored<Offering> | null, audit: Audit): Promise<Stored<Offering>>;
  /** The offering and one organisation's bid on it, in one consistent round trip. */
  offeringAndBid(
    offeringId: string,
    orgId: string,
  ): Promise<{ offering: Stored<Offering> | null; bid: Stored<OfferingBid> | null }>;
  /** The auction state and every bid of the offering, in one consistent Query. */
  book(offeringId: string): Promise<{ state: AuctionStateRead; bids: Stored<OfferingBid>[] }>;
  countLive(offeringId: string): Promise<number>;
  writeBid(w: OfferingBidWrite): Promise<Stored<OfferingBid>>;
  award(w: AwardOfferingWrite): Promise<{ allocation: Allocation; unsent: NotificationDraft[] }>;
  allocation(offeringId: string): Promise<Allocation | null>;
}
