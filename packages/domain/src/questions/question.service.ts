import { announceExtension } from '../bids/extension-notice';
import type { BiddingNeedRepository, BidRepository } from '../bids/ports';
import { retrying } from '../bids/retry';
import { supplierStanding } from '../bids/supplier-gate';
import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  DomainError,
  newId,
  notFound,
  type PageRequest,
  requireOrg,
  requireRole,
  ruleBroken,
  type Stored,
  SYSTEM_ACTOR,
} from '../core';
import { isBiddable, type Need } from '../needs/need';
import type { NotificationRepository } from '../notifications/ports';
import type { MembershipRepository } from '../orgs/ports';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { QuestionRepository } from './ports';
import type { Question } from './question';

export interface QuestionRules {
  /** An unanswered question this close to the close extends it ... */
  questionGraceS: number;
  /** ... by this much, once per need however many questions are asked. */
  questionExtensionS: number;
}

export interface QuestionServiceDeps {
  questions: QuestionRepository;
  needs: BiddingNeedRepository;
  bids: BidRepository;
  memberships: MembershipRepository;
  notifications: NotificationRepository;
  clock: Clock;
  rules: QuestionRules;
  /** Questions are counted per person and organisation (none when absent). */
  quotas?: QuotaPolicy;
}

/**
 * Clarification questions. Suppliers who may bid ask; the owner answers; an answered question is
 * shown to every supplier who may bid, never with the asker. A question left unanswered into the
 * last `questionGraceS` extends the close by `questionExtensionS`, once per need: however many
 * questions are asked, a need cannot be stalled by them (the need's write requires the extension
 * unused, so racing questions cannot both take it).
 */
export class QuestionService {
  constructor(private readonly d: QuestionServiceDeps) {}

  async ask(caller: Caller, needId: string, text: string): Promise<Stored<Question>> {
    const supplier = requireRole(caller, 'supplier');
    let extended: { need: Need; closesAtMs: number } | null = null;
    const saved = await retrying(async () => {
      extended = null;
      const need = await this.readNeed(needId);
      if (need.ownerOrgId === supplier.orgId) throw ruleBroken('question.own_need', 'This is your own need.');
      if (!isBiddable(need, this.d.clock.now())) throw closed(need);
      const standing = await supplierStanding(this.d.memberships, supplier.orgId, need, this.d.clock.now());
      const now = this.d.clock.now();
      if (!isBiddable(need, now)) throw closed(need);
      const graceMs = this.d.rules.questionGraceS * 1000;
      const extendBy = this.d.rules.questionExtensionS * 1000;
      const extendable = extendBy > 0 && !need.questionExtended;
      const extendNow = extendable && need.closesAtMs - now.getTime() < graceMs;
      const q: Question = {
        questionId: newId('question', now.getTime()),
        needId,
        askerOrgId: supplier.orgId,
        text,
        answer: null,
        askedAt: now.toISOString(),
        answeredAt: null,
        extendedClose: extendNow,
        version: 0,
      };
      const closesAtMs = need.closesAtMs + extendBy;
      const stored = await this.d.questions.ask(
        q,
        {
          need,
          now,
          membership: standing.membership,
          parkFirstOnNeed: standing.parkFirstOnNeed,
          certificates: [],
          extension: extendNow
            ? { closesAtMs, audit: extensionAudit(need, closesAtMs), byQuestion: true }
            : null,
        },
        extendNow || !extendable ? null : graceBegins(need.closesAtMs, graceMs),
        { action: 'question.asked', actor: actorOf(supplier), before: null, after: q, parkId: need.parkId },
        // The owner hears of it in the same transaction: asked and told, or neither.
        [
          {
            orgId: need.ownerOrgId,
            kind: 'question.asked',
            entityId: needId,
            data: { needId, questionId: q.questionId },
            dedupeKey: `question-asked#${q.questionId}`,
          },
        ],
        (this.d.quotas ?? NO_QUOTAS).charges(supplier, 'question.ask'),
      );
      if (extendNow) extended = { need, closesAtMs };
      return stored;
    });
    // An extension is announced after its commit, as a bid's anti-sniping extension is (idempotent).
    const ext = extended as { need: Need; closesAtMs: number } | null;
    if (ext) await this.announce(ext.need, ext.closesAtMs);
    return saved;
  }

  async answer(caller: Caller, needId: string, questionId: string, text: string): Promise<Stored<Question>> {
    const owner = requireRole(caller, 'tenant');
    const need = await this.readNeed(needId);
    if (need.ownerOrgId !== owner.orgId) throw notFound('need');
    const prev = await this.d.questions.get(needId, questionId);
    if (!prev) throw notFound('question');
    if (prev.answer !== null) throw conflict('question.answered', 'The question has an answer already.');
    // The asker and every bidder hear of the answer, in the answer's own transaction (past what one
    // transaction holds, right after it); the notification does not say who asked.
    const bidders = (await this.d.bids.listForNeed(needId))
      .filter((b) => b.status !== 'withdrawn')
      .map((b) => b.supplierOrgId);
    const notices = [...new Set([prev.askerOrgId, ...bidders])].map((orgId) => ({
      orgId,
      kind: 'question.answered',
      entityId: needId,
      data: { needId, questionId },
      dedupeKey: `question-answered#${questionId}`,
    }));
    const now = this.d.clock.now().toISOString();
    const next: Question = { ...prev, answer: text, answeredAt: now };
    const { question, unsent } = await this.d.questions.answer(
      next,
      prev,
      { action: 'question.answered', actor: actorOf(owner), before: prev, after: next, parkId: need.parkId },
      notices,
    );
    for (const n of unsent) await this.d.notifications.notify(n);
    return question;
  }

  /** The owner reads every question; a supplier who may take part reads the answered ones and its own. */
  async list(caller: Caller, needId: string, page: PageRequest) {
    const member = requireOrg(caller);
    const need = await this.readNeed(needId);
    if (need.ownerOrgId === member.orgId) return this.d.questions.list(needId, 'all', page);
    requireRole(caller, 'supplier');
    if (!(await this.mayTakePart(member.orgId, need))) throw notFound('need');
    return this.d.questions.list(needId, { orgId: member.orgId }, page);
  }

  /**
   * The job: every unanswered question whose grace point has passed extends its need's close once.
   * A question whose need's close has moved since is rescheduled; an answered one is dropped.
   */
  async extendForUnanswered(now: Date, limit = 100): Promise<{ processed: number }> {
    const graceMs = this.d.rules.questionGraceS * 1000;
    const extendBy = this.d.rules.questionExtensionS * 1000;
    let processed = 0;
    for (const q of await this.d.questions.due(now.getTime(), limit)) {
      const need = await this.d.needs.get(q.needId);
      if (
        need?.status !== 'open' ||
        now.getTime() >= need.closesAtMs ||
        q.answer !== null ||
        q.extendedClose ||
        need.questionExtended ||
        extendBy === 0
      ) {
        await this.d.questions.clearDue(q);
        continue;
      }
      if (need.closesAtMs - now.getTime() >= graceMs) {
        await this.d.questions.reschedule(q, graceBegins(need.closesAtMs, graceMs));
        continue;
      }
      const closesAtMs = need.closesAtMs + extendBy;
      try {
        await this.d.questions.extendClose({
          need,
          question: q,
          closesAtMs,
          now,
          needAudit: extensionAudit(need, closesAtMs),
          questionAudit: {
            action: 'question.extended_close',
            actor: SYSTEM_ACTOR,
            before: { extendedClose: false },
            after: { extendedClose: true, closesAt: new Date(closesAtMs).toISOString() },
            parkId: need.parkId,
          },
        });
      } catch (err) {
        // Lost a race (the need moved, the question was answered): the next run decides again.
        if (err instanceof DomainError) continue;
        throw err;
      }
      await this.announce(need, closesAtMs);
      processed++;
    }
    return { processed };
  }

  private async announce(need: Need, closesAtMs: number) {
    const bidders = (await this.d.bids.listForNeed(need.needId))
      .filter((b) => b.status !== 'withdrawn')
      .map((b) => b.supplierOrgId);
    await announceExtension(this.d.notifications, need, closesAtMs, bidders, 'unanswered_question');
  }

  private async mayTakePart(orgId: string, need: Need): Promise<boolean> {
    try {
      // Reading is not bidding: the park-first window does not hide the answers (the end of time is past it).
      await supplierStanding(this.d.memberships, orgId, need, new Date(8.64e15));
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'rule') return false;
      throw err;
    }
  }

  private async readNeed(needId: string): Promise<Stored<Need>> {
    const need = await this.d.needs.get(needId);
    if (!need || need.status === 'draft') throw notFound('need');
    return need;
  }
}

/** The first millisecond at which less than the grace period remains. */
const graceBegins = (closesAtMs: number, graceMs: number) => closesAtMs - graceMs + 1;

const closed = (need: Need) =>
  ruleBroken(
    'question.need_closed',
    need.status === 'open' ? `The need closed at ${need.closesAt}.` : `The need is ${need.status}.`,
  );

const extensionAudit = (need: Need, closesAtMs: number) => ({
  action: 'need.extended',
  actor: SYSTEM_ACTOR,
  before: { closesAt: need.closesAt, extensionCount: need.extensionCount },
  after: { closesAt: new Date(closesAtMs).toISOString(), extensionCount: need.extensionCount + 1 },
  parkId: need.parkId,
  reason: 'unanswered_question',
});
