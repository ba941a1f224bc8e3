import type { NotificationKind } from '../notifications/kinds';
import type { Lang } from '../shared/locale';

/**
 * One email to send, kept in the table until it is sent (the outbox): an instant notification, a
 * person's daily digest, or a message that is not a notification (an invitation). Its id is
 * derived from what it is for, so planning it twice finds it there already.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'bounced' | 'suppressed' | 'skipped';

interface OutboxBase {
  mailId: string;
  status: OutboxStatus;
  /** Send attempts made (a claim counts one). */
  attempts: number;
  /** Epoch ms at which it may be tried (again); while `sending`, when the claim lapses. */
  nextAttemptAtMs: number;
  createdAt: string;
  sentAt?: string;
  /** What the transport answered: its message id, or the last refusal. */
  providerMessageId?: string;
  lastError?: string;
}

/** An instant email about one notification, to one person. */
export interface InstantMail extends OutboxBase {
  purpose: 'instant';
  userId: string;
  notification: MailedNotification;
}

/** A person's digest for one day; its entries are the notifications planned into it. */
export interface DigestMail extends OutboxBase {
  purpose: 'digest';
  userId: string;
  /** The local date of the 08:00 it is sent at. */
  date: string;
}

/** A message that is not a notification (an invitation): template, recipient and variables. */
export interface DirectMail extends OutboxBase {
  purpose: 'direct';
  template: DirectTemplate;
  to: string;
  language: Lang;
  vars: Record<string, string>;
}

export type OutboxMail = InstantMail | DigestMail | DirectMail;

/** The part of a notification an email needs, copied when the email is planned. */
export interface MailedNotification {
  notificationId: string;
  orgId: string;
  kind: NotificationKind;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * Messages that are not notifications, with the variables each template takes (all required):
 * the teams issue's invitations go out through the same outbox, composer and transport.
 */
export const DIRECT_TEMPLATES = {
  invitation: ['orgName', 'role', 'inviterName', 'link', 'expiresAt'],
} as const satisfies Record<string, readonly string[]>;
export type DirectTemplate = keyof typeof DIRECT_TEMPLATES;

/** Outbox ids say what the email is for: the same purpose twice is the same email. */
export const mailIds = {
  instant: (notificationId: string, userId: string) => `instant:${notificationId}:${userId}`,
  digest: (userId: string, date: string) => `digest:${userId}:${date}`,
  digestEntry: (notificationId: string, userId: string) => `entry:${notificationId}:${userId}`,
  direct: (dedupeKey: string) => `direct:${dedupeKey}`,
};

/** Tries before an email is given up (dead-lettered): about a day and a half of backoff. */
export const MAX_ATTEMPTS = 8;
/** How long a claim holds an email for its sender before another may take it over. */
export const CLAIM_MS = 120_000;

/** Exponential backoff: 1, 4, 16, 64 minutes, … capped at 12 hours, with a little jitter. */
export function retryDelayMs(attempts: number, jitter: number = Math.random()): number {
  const base = Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 12 * 3600_000);
  return Math.round(base * (0.9 + 0.2 * jitter));
}

/** Why a send failed, as the dispatcher needs it: try again later, or never. */
export class MailRefused extends Error {
  override readonly name = 'MailRefused';
  constructor(
    message: string,
    /** The address does not exist or refuses us: suppress it, never retry. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
