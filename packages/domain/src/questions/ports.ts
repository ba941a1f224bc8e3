import type { BidGate } from '../bids/ports';
import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { Need } from '../needs/need';
import type { NotificationDraft } from '../notifications/notification';
import type { QuotaCharge } from '../quotas/quota';
import type { Question } from './question';

type Audit = Omit<AuditEntry, 'entityId'>;

export interface QuestionRepository {
  /**
   * Stores a question in one transaction with the gate on the need and membership (and the
   * extension of the close, when the question came in the grace period). `dueMs`: when, still
   * unanswered, it would extend the close (null when it has already). `notices` commit with it.
   */
  ask(
    q: Question,
    gate: BidGate,
    dueMs: number | null,
    audit: Audit,
    notices: readonly NotificationDraft[],
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<Question>>;
  get(needId: string, questionId: string): Promise<Stored<Question> | null>;
  /**
   * The answer, its audit record and as many of `notices` as one transaction holds, all or nothing;
   * the notices that did not fit are returned, to be sent right after.
   */
  answer(
    next: Question,
    prev: Stored<Question>,
    audit: Audit,
    notices: readonly NotificationDraft[],
  ): Promise<{ question: Stored<Question>; unsent: NotificationDraft[] }>;
  /** All questions (for the owner), or the answered ones plus the viewer's own. */
  list(
    needId: string,
    visibleTo: { orgId: string } | 'all',
    page: PageRequest,
  ): Promise<Page<Stored<Question>>>;
  /** Unanswered questions whose grace point (close minus grace) has passed. */
  due(nowMs: number, limit: number): Promise<Stored<Question>[]>;
  reschedule(q: Stored<Question>, dueMs: number): Promise<void>;
  clearDue(q: Stored<Question>): Promise<void>;
  /**
   * Moves the need's close for an unanswered question, once: conditioned on the need being open
   * with the close and version read, and on the question being still unanswered and unused.
   */
  extendClose(input: {
    need: Stored<Need>;
    question: Stored<Question>;
    closesAtMs: number;
    now: Date;
    needAudit: Audit;
    questionAudit: Audit;
  }): Promise<void>;
}
