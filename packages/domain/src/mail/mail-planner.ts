import type { Clock } from '../core';
import { isNotificationKind } from '../notifications/kinds';
import { nextDigest } from './digest-schedule';
import { type DigestMail, type MailedNotification, mailIds } from './outbox';
import type { MailOutbox, MailPeople, SuppressionList } from './ports';
import { effectivePreferences } from './preferences';

export interface MailPlannerDeps {
  people: MailPeople;
  suppressions: SuppressionList;
  outbox: MailOutbox;
  /** The organisation's country, for the language and time zone of people who chose none. */
  countryOf: (orgId: string) => Promise<string | null>;
  clock: Clock;
}

/**
 * Turns one notification into the emails it means: for each person of the organisation, nothing
 * (off, or a suppressed address), an instant email, or a line in their next 08:00 digest. Every
 * write is conditional on its id, so a redelivered notification plans nothing twice.
 */
export class MailPlanner {
  constructor(private readonly d: MailPlannerDeps) {}

  async plan(n: MailedNotification): Promise<{ instant: number; digested: number }> {
    const planned = { instant: 0, digested: 0 };
    if (!isNotificationKind(n.kind)) return planned;
    const people = await this.d.people.ofOrg(n.orgId);
    if (!people.length) return planned;
    const [stored, suppressed, country] = await Promise.all([
      this.d.people.preferencesOf(people.map((p) => p.userId)),
      this.d.suppressions.suppressedAmong(people.map((p) => p.email)),
      this.d.countryOf(n.orgId),
    ]);
    const nowMs = this.d.clock.now().getTime();
    for (const person of people) {
      if (suppressed.has(person.email)) continue;
      const prefs = effectivePreferences(stored.get(person.userId) ?? null, { lang: person.lang, country });
      const mode = prefs.email[n.kind];
      if (mode === 'instant') {
        const fresh = await this.d.outbox.planInstant({
          purpose: 'instant',
          mailId: mailIds.instant(n.notificationId, person.userId),
          userId: person.userId,
          notification: n,
          status: 'pending',
          attempts: 0,
          nextAttemptAtMs: nowMs,
          createdAt: new Date(nowMs).toISOString(),
        });
        if (fresh) planned.instant++;
      } else if (mode === 'daily') {
        if (await this.intoDigest(n, person.userId, prefs.timeZone, nowMs)) planned.digested++;
      }
    }
    return planned;
  }

  /** Into the digest of the next 08:00 after the notification; if that one is already going out, the one after. */
  private async intoDigest(n: MailedNotification, userId: string, timeZone: string, nowMs: number) {
    for (let later = 0; later < 3; later++) {
      const { date, dueAt } = nextDigest(new Date(n.createdAt), timeZone, later);
      const digest: DigestMail = {
        purpose: 'digest',
        mailId: mailIds.digest(userId, date),
        userId,
        date,
        status: 'pending',
        attempts: 0,
        nextAttemptAtMs: dueAt.getTime(),
        createdAt: new Date(nowMs).toISOString(),
      };
      const result = await this.d.outbox.planDigestEntry({
        entryId: mailIds.digestEntry(n.notificationId, userId),
        userId,
        notification: n,
        digest,
      });
      if (result !== 'digest_closed') return result === 'planned';
    }
    throw new Error(`No open digest for ${userId} within three days of ${n.createdAt}.`);
  }
}
