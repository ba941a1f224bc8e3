import type { AuditEntry, Stored } from '../core';
import type { NotificationKind } from '../notifications/kinds';
import type { Lang } from '../shared/locale';
import type { DigestMail, DirectMail, InstantMail, MailedNotification, OutboxMail } from './outbox';
import type { StoredPreferences } from './preferences';

/** Someone who can receive email: a user of Parkbridge. */
export interface Person {
  userId: string;
  email: string;
  name: string;
  orgId: string | null;
  /** The language the web app last saw them use, if any. */
  lang?: Lang | undefined;
}

export interface PersonRecord {
  person: Person;
  preferences: Stored<StoredPreferences> | null;
}

export interface MailPeople {
  /** The people of an organisation, who receive its notifications. */
  ofOrg(orgId: string): Promise<Person[]>;
  /** One person and their stored settings. */
  get(userId: string): Promise<PersonRecord | null>;
  /** Stored settings of several people at once (missing: never set). */
  preferencesOf(userIds: string[]): Promise<Map<string, Stored<StoredPreferences>>>;
  byEmail(email: string): Promise<Person | null>;
  /** Saves settings (optimistic: `prev` is what was read) and, when given, the person's name. */
  save(
    next: StoredPreferences,
    prev: Stored<StoredPreferences> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    name?: string,
  ): Promise<Stored<StoredPreferences>>;
}

export interface Suppression {
  email: string;
  reason: 'bounce' | 'complaint';
  detail: string;
  at: string;
}

/** Addresses that bounced or complained: never sent to again. */
export interface SuppressionList {
  get(email: string): Promise<Suppression | null>;
  suppressedAmong(emails: string[]): Promise<Set<string>>;
  /** True when the address was not suppressed before. */
  add(s: Suppression): Promise<boolean>;
}

export type DigestPlanResult = 'planned' | 'exists' | 'digest_closed';

/** The outbox's storage: conditional writes make planning and claiming idempotent. */
export interface MailOutbox {
  /** False when this email was planned already. */
  planInstant(mail: InstantMail): Promise<boolean>;
  planDirect(mail: DirectMail): Promise<boolean>;
  /**
   * Adds a notification to a person's digest of one date, creating the digest when needed;
   * `digest_closed` when that digest is already being sent (plan it into the next one).
   */
  planDigestEntry(entry: {
    entryId: string;
    userId: string;
    notification: MailedNotification;
    digest: DigestMail;
  }): Promise<DigestPlanResult>;
  /** Emails whose time has come (pending, or claimed by a sender that went away). */
  due(now: Date, limit: number): Promise<OutboxMail[]>;
  /** Takes an email for sending; null when another sender has it or it is done. */
  claim(mailId: string, now: Date, claimMs: number): Promise<OutboxMail | null>;
  /** A digest's notifications, oldest first. */
  entries(digestMailId: string): Promise<MailedNotification[]>;
  /** Records how a claimed attempt ended (conditioned on the claim still being ours). */
  settle(mail: OutboxMail, outcome: SettleOutcome): Promise<void>;
  get(mailId: string): Promise<OutboxMail | null>;
  /** Emails given up after their last attempt, newest first (for operators). */
  dead(limit: number): Promise<OutboxMail[]>;
}

export type SettleOutcome =
  | { status: 'sent'; providerMessageId: string; at: string }
  | { status: 'pending'; nextAttemptAtMs: number; lastError: string }
  | { status: 'dead' | 'bounced' | 'suppressed' | 'skipped'; lastError: string };

/** What a template needs to name the thing a notification is about. */
export interface EntityNames {
  needs: Record<string, string>;
  deals: Record<string, string>;
  expos: Record<string, string>;
}

export interface EntityNamesReader {
  namesFor(notifications: readonly MailedNotification[]): Promise<EntityNames>;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  language: Lang;
  timeZone: string;
}

/** A finished email, as every transport takes it. */
export interface OutgoingMail {
  to: { address: string; name?: string | undefined };
  subject: string;
  text: string;
  html: string;
  language: Lang;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post). */
  headers: Record<string, string>;
  /** Stable per outbox email, so a receiver can tell a repeat. */
  messageId: string;
  /** What it is (a notification kind, `digest`, a template): a tag for the provider's events. */
  tag: string;
}

export type ComposeInput =
  | {
      type: 'instant';
      mailId: string;
      recipient: Recipient;
      notification: MailedNotification;
      names: EntityNames;
    }
  | {
      type: 'digest';
      mailId: string;
      recipient: Recipient;
      date: string;
      notifications: MailedNotification[];
      names: EntityNames;
    }
  | { type: 'direct'; mail: DirectMail };

/** The template system: every email Parkbridge sends is made here. */
export interface MailComposer {
  compose(input: ComposeInput): OutgoingMail;
}

/** Hands a finished email to SMTP or SES; throws MailRefused when the receiver said no. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
}

/** What an unsubscribe link turns off: one kind, or the daily digest. */
export type UnsubscribeScope = NotificationKind | 'digest';

export interface UnsubscribeTokens {
  sign(userId: string, scope: UnsubscribeScope): string;
  verify(token: string): { userId: string; scope: UnsubscribeScope } | null;
}
