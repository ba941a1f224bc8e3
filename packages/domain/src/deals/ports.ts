import type { Bid } from '../bids/bid';
import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { AttachmentChange } from '../documents/ports';
import type { Need } from '../needs/need';
import type { NotificationDraft } from '../notifications/notification';
import type { QuotaCharge } from '../quotas/quota';
import type { ReputationTotals } from '../reputation/reputation';
import type { AwardRequest } from './award-request';
import type { Deal, DealRole } from './deal';
import type { DealMessage } from './deal-room';

type Audit = Omit<AuditEntry, 'entityId'>;

export type ReputationCounter = Exclude<keyof ReputationTotals, 'orgId'>;

export interface AwardWrite {
  need: Stored<Need>;
  bid: Stored<Bid>;
  deal: Deal;
  now: Date;
  needAudit: Audit;
  bidAudit: Audit;
  dealAudit: Audit;
  /** Delivered in the award's transaction, as many as fit; the rest are returned to send after it. */
  notifications: readonly NotificationDraft[];
  /** The pending award request the award settles (approved, or superseded by an admin's own award). */
  settles?: { prev: Stored<AwardRequest>; next: AwardRequest; audit: Audit } | undefined;
}

export interface AwardRequestRepository {
  /** The need's pending request, read strongly consistent; null when none waits. */
  pending(needId: string): Promise<Stored<AwardRequest> | null>;
  /** An organisation's pending requests, oldest first (its admins' list). */
  listPending(orgId: string, page: PageRequest): Promise<Page<Stored<AwardRequest>>>;
  /** Fails with `award.approval_pending` when the need has a pending request already. */
  create(request: AwardRequest, audit: Audit, notification: NotificationDraft): Promise<Stored<AwardRequest>>;
  /** Settles a pending request without an award (declined), from the version read. */
  settle(next: AwardRequest, prev: Stored<AwardRequest>, audit: Audit): Promise<Stored<AwardRequest>>;
}

export interface DealRepository {
  /**
   * The award, all or nothing: the need becomes awarded (only after its effective close, only from
   * the version read), the bid awarded, the deal created, the bidders notified, each with its audit.
   */
  award(w: AwardWrite): Promise<{ deal: Stored<Deal>; unsent: NotificationDraft[] }>;
  get(dealId: string): Promise<Stored<Deal> | null>;
  listByOrg(orgId: string, role: DealRole, page: PageRequest): Promise<Page<Stored<Deal>>>;
  /**
   * The deal's purchase order number, given on first use as the next of its buyer's sequence (of two
   * first reads at once, both get the number the one that committed gave).
   */
  purchaseOrderOf(deal: Deal, at: Date): Promise<{ number: string; issuedAt: string }>;
  /** A lifecycle step or rating, with the reputation totals it moves and its notifications, in one transaction. */
  save(
    next: Deal,
    prev: Stored<Deal>,
    audit: Audit,
    effects: {
      reputation: { orgId: string; add: Partial<Record<ReputationCounter, number>> }[];
      notifications: NotificationDraft[];
    },
  ): Promise<Stored<Deal>>;
}

export interface DealMessageRepository {
  /** The message, the other side's notification, the files' moves and the audit record, at once. */
  post(
    message: DealMessage,
    effects: {
      notification: NotificationDraft;
      files: AttachmentChange | null;
      audit: Audit;
      charges?: readonly QuotaCharge[];
    },
  ): Promise<void>;
  /** Oldest first. */
  list(dealId: string, page: PageRequest): Promise<Page<DealMessage>>;
}
