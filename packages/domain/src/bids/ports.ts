import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { AttachmentChange } from '../documents/ports';
import type { Need } from '../needs/need';
import type { QuotaCharge } from '../quotas/quota';
import type { AuctionMove } from './auction.rules';
import type { Bid, BidRevision } from './bid';

type Audit = Omit<AuditEntry, 'entityId'>;

/** The need as the bidding context reads and moves it (close, extensions, award); the market owns the rest. */
export interface BiddingNeedRepository {
  /** A strongly consistent read of the need item; null when there is none. */
  get(needId: string): Promise<Stored<Need> | null>;
}

/** Moves the need's effective close inside a bid's or question's own transaction. */
export interface CloseExtension {
  closesAtMs: number;
  /** An unanswered question's extension: the need's one, so the write also requires it unused. */
  byQuestion?: boolean;
  /** The need's audit record for the extension (its chain continues from the version read). */
  audit: Audit;
}

/**
 * What a bid's write must find true when it commits: checked by the write's own conditions, never
 * by reading first. The need as read supplies the values the conditions compare against.
 */
export interface BidGate {
  need: Stored<Need>;
  now: Date;
  /**
   * An approved, unsuspended supplier membership that must still hold; `inPark` when it must also
   * be a tenant membership (a firm located in the delivery park, which the park-first window admits).
   */
  membership: { parkId: string; orgId: string; inPark?: boolean } | null;
  /** The firm is not located in the need's park, so the park-first window must be over. */
  parkFirstOnNeed: boolean;
  /** Certificate kinds the supplier must hold (verified, valid) at the moment of the write. */
  certificates: readonly string[];
  extension: CloseExtension | null;
}

/** The auction state's condition for this write: keeps "beat the best by the decrement" true under races. */
export interface AuctionGuard {
  amendment: number;
  orgId: string;
  priceMinor: number;
  move: AuctionMove | { kind: 'recompute'; best: { orgId: string; priceMinor: number } | null };
  /** Set when the write's decisions (a sniping extension) relied on the bids read: no bid may come between. */
  seenBidSeq: number | null;
  /** Set when the write extends the close: the anti-sniping count it read. */
  snipingSeen: number | null;
}

export interface AuctionStateRead {
  bestMinor: number | null;
  leaderOrgId: string | null;
  /** Bumped by every accepted auction bid or withdrawal. */
  bidSeq: number;
  snipingExtensions: number;
}

export interface BidWrite {
  next: Bid;
  prev: Stored<Bid> | null;
  intent: 'create' | 'revise' | 'reconfirm' | 'withdraw' | 'reconfirmation_required';
  revision: BidRevision | null;
  audit: Audit;
  gate: BidGate | null;
  auction: AuctionGuard | null;
  /** Files joining or leaving the bid, in the bid's own transaction. */
  files?: AttachmentChange | null;
  /** The bidder's quotas, charged in the bid's transaction. */
  charges?: readonly QuotaCharge[];
}

/** A need's auction states (one per amendment) and its bids, read together. */
export interface AuctionBook {
  states: ReadonlyMap<number, AuctionStateRead>;
  bids: Stored<Bid>[];
}

export interface BidRepository {
  get(needId: string, orgId: string): Promise<Stored<Bid> | null>;
  /** The need and one supplier's bid on it, in one round trip (strongly consistent). */
  needAndBid(needId: string, orgId: string): Promise<{ need: Stored<Need> | null; bid: Stored<Bid> | null }>;
  /** Every auction state and bid of the need, in one round trip (strongly consistent). */
  auctionBook(needId: string): Promise<AuctionBook>;
  /** Every bid on a need (a bounded partition), strongly consistent. */
  listForNeed(needId: string): Promise<Stored<Bid>[]>;
  /** Counts the bids that count (submitted under the current amendment) without reading them out. */
  countLive(needId: string, amendment: number): Promise<number>;
  revisions(needId: string, orgId: string, page: PageRequest): Promise<Page<BidRevision>>;
  auctionState(needId: string, amendment: number): Promise<AuctionStateRead>;
  write(w: BidWrite): Promise<Stored<Bid>>;
}
