import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { AttachmentChange } from '../documents/ports';
import type { CategoryRange } from '../matching/category-tiers';
import type { QuotaCharge } from '../quotas/quota';
import type { NeedAmendment } from './amendment';
import type { Need, NeedStatus } from './need';
import type { NeedAccess, NeedAudience } from './visibility';

type Audit = Omit<AuditEntry, 'entityId'>;

export interface NeedSearch {
  status: NeedStatus;
  category?: string | undefined;
  parkId?: string | undefined;
  /** Normalised words, each of which must occur in the need's search text. */
  terms: string[];
  /** Who is looking; the repository applies the visibility rule as a filter. */
  audience: NeedAudience;
}

export interface OwnNeedSearch {
  ownerOrgId: string;
  status?: NeedStatus | undefined;
  category?: string | undefined;
  parkId?: string | undefined;
  terms: string[];
}

export interface AmendmentPage extends Page<NeedAmendment> {
  access: NeedAccess | null;
}

/** Extra conditions on a need's write, beyond the version: its state must still allow the change. */
export interface NeedGuard {
  status: NeedStatus[];
  /** The need must still be before its close at the moment of the write. */
  beforeCloseAt?: Date | undefined;
}

export interface NeedRepository {
  get(needId: string, consistent?: boolean): Promise<Stored<Need> | null>;
  getMany(needIds: string[]): Promise<Stored<Need>[]>;
  /** With `files`, the uploads join or leave the need in the same transaction; `charges`, the quotas. */
  save(
    next: Need,
    prev: Stored<Need> | null,
    audit: Audit,
    guard?: NeedGuard,
    files?: AttachmentChange | null,
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<Need>>;
  /** The need and its amendment record (and its files' moves), in one transaction. */
  saveAmended(
    next: Need,
    prev: Stored<Need>,
    audit: Audit,
    amendment: NeedAmendment,
    guard: NeedGuard,
    files?: AttachmentChange | null,
  ): Promise<Stored<Need>>;
  getAmendment(needId: string, seq: number): Promise<NeedAmendment | null>;
  /**
   * A page of a need's amendments, oldest first, with who may see them (null: no such need), in
   * one read: the first page comes with the need itself, later ones with the amendments' copy.
   */
  listAmendments(needId: string, page: PageRequest): Promise<AmendmentPage>;
  search(query: NeedSearch, page: PageRequest): Promise<Page<Stored<Need>>>;
  searchOwn(query: OwnNeedSearch, page: PageRequest): Promise<Page<Stored<Need>>>;
  /** A page of the open needs whose category falls in the range (matching a listing, a page per step). */
  openInRange(range: CategoryRange, page: PageRequest): Promise<Page<Stored<Need>>>;
}

/**
 * Called (from the stream, so retried until it succeeds) after an open need was amended. The
 * market context notifies bidders with one; the bidding context adds its own to ask bidders to
 * reconfirm. Must be idempotent: the same amendment may arrive more than once.
 */
export interface NeedAmendedHook {
  name: string;
  onAmended(need: Stored<Need>, amendment: NeedAmendment): Promise<void>;
}

/** Called (from the stream) after a need was cancelled; the bidding context tells its bidders. Idempotent. */
export interface NeedCancelledHook {
  name: string;
  onCancelled(need: Stored<Need>): Promise<void>;
}

/** Who has a live bid on a need. The bidding context owns bids; see BidderReader's default in db/needs. */
export interface BidderReader {
  bidderOrgIds(needId: string): Promise<string[]>;
}
