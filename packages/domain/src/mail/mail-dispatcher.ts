import { type Clock, mapLimit } from '../core';
import {
  CLAIM_MS,
  MAX_ATTEMPTS,
  MailRefused,
  type OutboxMail,
  type OutboxStatus,
  retryDelayMs,
} from './outbox';
import type {
  EntityNamesReader,
  MailComposer,
  MailOutbox,
  MailPeople,
  MailSender,
  OutgoingMail,
  Recipient,
  SettleOutcome,
  SuppressionList,
} from './ports';
import { effectivePreferences } from './preferences';

export interface MailDispatcherDeps {
  outbox: MailOutbox;
  people: MailPeople;
  suppressions: SuppressionList;
  names: EntityNamesReader;
  composer: MailComposer;
  sender: MailSender;
  countryOf: (orgId: string) => Promise<string | null>;
  /** Puts an address that refused us on the suppression list and tells its person. */
  suppress: (email: string, reason: 'bounce', detail: string) => Promise<unknown>;
  clock: Clock;
  /** Sends in flight at once (SES allows a rate per second; SMTP a few connections). */
  concurrency?: number;
  onError?: (err: unknown, mail: OutboxMail) => void;
}

export type DeliveryResult = OutboxStatus | 'not_claimed';

/**
 * Sends what the outbox holds: claims an email (so two senders never send the same one), builds
 * it from the templates in the recipient's current language, hands it to the transport, and
 * records the outcome. A refusal that will not change (no such mailbox) suppresses the address at
 * once; anything else is tried again with exponential backoff and, after MAX_ATTEMPTS, kept as
 * dead for an operator to look at.
 */
export class MailDispatcher {
  constructor(private readonly d: MailDispatcherDeps) {}

  async run(now: Date = this.d.clock.now(), limit = 200): Promise<{ processed: number }> {
    const due = await this.d.outbox.due(now, limit);
    const results = await mapLimit(due, this.d.concurrency ?? 4, (m) => this.deliver(m.mailId));
    return { processed: results.filter((r) => r !== 'not_claimed').length };
  }

  async deliver(mailId: string): Promise<DeliveryResult> {
    const mail = await this.d.outbox.claim(mailId, this.d.clock.now(), CLAIM_MS);
    if (!mail) return 'not_claimed';
    let outcome: SettleOutcome;
    let refusedAddress: string | null = null;
    try {
      const built = await this.build(mail);
      if (typeof built === 'string') {
        outcome = {
          status: built,
          lastError: built === 'suppressed' ? 'address suppressed' : 'nothing to send',
        };
      } else {
        const sent = await this.d.sender.send(built);
        outcome = {
          status: 'sent',
          providerMessageId: sent.providerMessageId,
          at: this.d.clock.now().toISOString(),
        };
      }
    } catch (err) {
      this.d.onError?.(err, mail);
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof MailRefused && err.permanent) {
        outcome = { status: 'bounced', lastError: message };
        refusedAddress = await this.addressOf(mail);
      } else if (mail.attempts >= MAX_ATTEMPTS) {
        outcome = { status: 'dead', lastError: message };
      } else {
        const retryAt = this.d.clock.now().getTime() + retryDelayMs(mail.attempts);
        outcome = { status: 'pending', nextAttemptAtMs: retryAt, lastError: message };
      }
    }
    await this.d.outbox.settle(mail, outcome);
    if (refusedAddress && outcome.status === 'bounced') {
      await this.d.suppress(refusedAddress, 'bounce', outcome.lastError);
    }
    return outcome.status;
  }

  /** The email as it goes out now, or why nothing goes out. */
  private async build(mail: OutboxMail): Promise<OutgoingMail | 'suppressed' | 'skipped'> {
    if (mail.purpose === 'direct') {
      if (await this.d.suppressions.get(mail.to)) return 'suppressed';
      return this.d.composer.compose({ type: 'direct', mail });
    }
    const recipient = await this.recipient(mail.userId);
    if (!recipient) return 'skipped';
    if (await this.d.suppressions.get(recipient.recipient.email)) return 'suppressed';
    const modes = recipient.modes;
    if (mail.purpose === 'instant') {
      // Turned off since it was planned: the person's latest word wins.
      if (modes[mail.notification.kind] === 'off') return 'skipped';
      const names = await this.d.names.namesFor([mail.notification]);
      return this.d.composer.compose({
        type: 'instant',
        mailId: mail.mailId,
        recipient: recipient.recipient,
        notification: mail.notification,
        names,
      });
    }
    const notifications = (await this.d.outbox.entries(mail.mailId)).filter((n) => modes[n.kind] !== 'off');
    if (!notifications.length) return 'skipped';
    const names = await this.d.names.namesFor(notifications);
    return this.d.composer.compose({
      type: 'digest',
      mailId: mail.mailId,
      recipient: recipient.recipient,
      date: mail.date,
      notifications,
      names,
    });
  }

  private async recipient(userId: string) {
    const record = await this.d.people.get(userId);
    if (!record) return null;
    const { person, preferences } = record;
    const country = person.orgId ? await this.d.countryOf(person.orgId) : null;
    const prefs = effectivePreferences(preferences, { lang: person.lang, country });
    const recipient: Recipient = {
      userId,
      email: person.email,
      name: person.name,
      language: prefs.language,
      timeZone: prefs.timeZone,
    };
    return { recipient, modes: prefs.email };
  }

  private async addressOf(mail: OutboxMail): Promise<string | null> {
    if (mail.purpose === 'direct') return mail.to;
    return (await this.d.people.get(mail.userId))?.person.email ?? null;
  }
}

/** Statuses an email ends in. */
export const FINAL_STATUSES: readonly OutboxStatus[] = ['sent', 'dead', 'bounced', 'suppressed', 'skipped'];
