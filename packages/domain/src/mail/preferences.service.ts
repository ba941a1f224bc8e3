import { actorOf, type Caller, type Clock, DomainError, notFound, staleVersion } from '../core';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications/kinds';
import type { Lang } from '../shared/locale';
import type { MailPeople, PersonRecord, SuppressionList, UnsubscribeScope, UnsubscribeTokens } from './ports';
import { type EmailMode, type EmailModes, effectivePreferences, type MePatch } from './preferences';

/** What `GET /v1/me` shows: the person, their settings with defaults filled in, and mail trouble. */
export interface MeView {
  userId: string;
  name: string;
  emailAddress: string;
  orgId: string | null;
  language: Lang;
  timeZone: string;
  email: Record<NotificationKind, EmailMode>;
  /** Set when mail to this address bounced or was marked as spam: nothing is sent until it is fixed. */
  emailSuppressed: { reason: 'bounce' | 'complaint'; at: string } | null;
  /** The settings' version (the ETag). */
  version: number;
}

export interface UnsubscribeView {
  scope: UnsubscribeScope;
  /** The person's language, for the page that confirms it. */
  language: Lang;
  /** Whether that scope is off now. */
  off: boolean;
}

export class PreferencesService {
  constructor(
    private readonly d: {
      people: MailPeople;
      suppressions: SuppressionList;
      tokens: UnsubscribeTokens;
      countryOf: (orgId: string) => Promise<string | null>;
      clock: Clock;
    },
  ) {}

  async me(caller: Caller): Promise<MeView> {
    return this.view(await this.record(caller.userId));
  }

  async update(caller: Caller, patch: MePatch, ifMatch?: number): Promise<MeView> {
    return retryRaces(ifMatch, async () => {
      const record = await this.record(caller.userId);
      const prev = record.preferences;
      if (ifMatch !== undefined && ifMatch !== (prev?.version ?? 0)) throw staleVersion();
      const next = {
        userId: caller.userId,
        language: patch.language ?? prev?.language,
        timeZone: patch.timeZone ?? prev?.timeZone,
        email: { ...prev?.email, ...patch.email },
      };
      const saved = await this.d.people.save(
        strip(next),
        prev,
        { action: 'person.settings_changed', actor: actorOf(caller), before: prev ?? null, after: patch },
        patch.name,
      );
      const person = patch.name ? { ...record.person, name: patch.name } : record.person;
      return this.view({ person, preferences: saved });
    });
  }

  /** What a link would turn off, for the page that asks before it does. */
  async previewUnsubscribe(token: string): Promise<UnsubscribeView> {
    const { record, scope } = await this.fromToken(token);
    const me = await this.view(record);
    return { scope, language: me.language, off: scopeOff(me.email, scope) };
  }

  /** One click: turns the link's kind (or the whole digest) off. Idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    return retryRaces(undefined, () => this.turnOff(token));
  }

  private async turnOff(token: string): Promise<UnsubscribeView> {
    const { record, scope } = await this.fromToken(token);
    const me = await this.view(record);
    if (!scopeOff(me.email, scope)) {
      const kinds = scope === 'digest' ? NOTIFICATION_KINDS.filter((k) => me.email[k] === 'daily') : [scope];
      const email: EmailModes = Object.fromEntries(kinds.map((k) => [k, 'off']));
      const prev = record.preferences;
      await this.d.people.save(
        strip({
          userId: record.person.userId,
          language: prev?.language,
          timeZone: prev?.timeZone,
          email: { ...prev?.email, ...email },
        }),
        prev,
        {
          action: 'person.unsubscribed',
          actor: { userId: record.person.userId, orgId: record.person.orgId },
          before: prev ?? null,
          after: { email },
          reason: 'one-click unsubscribe link',
        },
      );
    }
    return { scope, language: me.language, off: true };
  }

  private async fromToken(token: string) {
    const claim = this.d.tokens.verify(token);
    // A forged or mangled link looks like one for nobody.
    if (!claim) throw notFound('subscription');
    const record = await this.d.people.get(claim.userId);
    if (!record) throw notFound('subscription');
    return { record, scope: claim.scope };
  }

  private async record(userId: string): Promise<PersonRecord> {
    const record = await this.d.people.get(userId);
    if (!record) throw notFound('user');
    return record;
  }

  private async view({ person, preferences }: PersonRecord): Promise<MeView> {
    const [country, suppression] = await Promise.all([
      person.orgId ? this.d.countryOf(person.orgId) : null,
      this.d.suppressions.get(person.email),
    ]);
    const prefs = effectivePreferences(preferences, { lang: person.lang, country });
    return {
      userId: person.userId,
      name: person.name,
      emailAddress: person.email,
      orgId: person.orgId,
      ...prefs,
      emailSuppressed: suppression ? { reason: suppression.reason, at: suppression.at } : null,
      version: preferences?.version ?? 0,
    };
  }
}

/**
 * Without If-Match a change that lost a race to another change of the same settings is simply
 * made again on what is there now (the fields it sets are its own); with one, the race is the
 * client's to see (412).
 */
async function retryRaces<T>(ifMatch: number | undefined, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const raced =
        err instanceof DomainError &&
        ['version.stale', 'entity.exists', 'write.concurrent'].includes(err.code);
      if (!raced || ifMatch !== undefined || i >= 3) throw err;
    }
  }
}

const scopeOff = (modes: Record<NotificationKind, EmailMode>, scope: UnsubscribeScope) =>
  scope === 'digest' ? !Object.values(modes).includes('daily') : modes[scope] === 'off';

/** Drops unset fields: the stored item keeps only what the person chose. */
function strip<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
