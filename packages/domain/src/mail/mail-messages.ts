import type { Clock } from '../core';
import type { Lang } from '../shared/locale';
import { normalizeEmail } from '../users/user';
import { DIRECT_TEMPLATES, type DirectTemplate, mailIds } from './outbox';
import type { MailOutbox } from './ports';

export interface DirectMessage<T extends DirectTemplate> {
  template: T;
  to: string;
  language: Lang;
  vars: Record<(typeof DIRECT_TEMPLATES)[T][number], string>;
  /** What makes it one message: the same key twice sends once (an invitation's id, say). */
  dedupeKey: string;
}

/**
 * Messages that are not notifications (an invitation to an address with no account yet): the
 * same outbox, templates, transport, retries and suppression as every other email. Call it in
 * the request that decides to send; the dispatcher sends within its next run.
 */
export class MailMessages {
  constructor(private readonly d: { outbox: MailOutbox; clock: Clock }) {}

  /** False when a message with this key was queued already. */
  async send<T extends DirectTemplate>(message: DirectMessage<T>): Promise<boolean> {
    const expected: readonly string[] = DIRECT_TEMPLATES[message.template];
    const given = Object.keys(message.vars);
    const missing = expected.filter((v) => typeof (message.vars as Record<string, unknown>)[v] !== 'string');
    const extra = given.filter((v) => !expected.includes(v));
    if (missing.length || extra.length) {
      throw new Error(
        `The ${message.template} template takes ${expected.join(', ')}; missing ${missing.join(', ') || 'none'}, unknown ${extra.join(', ') || 'none'}.`,
      );
    }
    const now = this.d.clock.now();
    return this.d.outbox.planDirect({
      purpose: 'direct',
      mailId: mailIds.direct(message.dedupeKey),
      template: message.template,
      to: normalizeEmail(message.to),
      language: message.language,
      vars: message.vars as Record<string, string>,
      status: 'pending',
      attempts: 0,
      nextAttemptAtMs: now.getTime(),
      createdAt: now.toISOString(),
    });
  }
}
