import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import {
  DynamoEntityNames,
  DynamoMailOutbox,
  DynamoMailPeople,
  DynamoSuppressionList,
} from '@parkbridge/db/mail';
import {
  invitationMailer,
  type MailComposer,
  MailDispatcher,
  MailMessages,
  MailPlanner,
  type MailSender,
  MailSuppressions,
  PreferencesService,
  type UnsubscribeTokens,
} from '@parkbridge/domain/mail';
import type { CoreContext } from './core';

/**
 * The mail context: people's email settings, the outbox (planned from notifications by the
 * `mail.plan` consumer, sent by the dispatcher), suppression, and messages that are not
 * notifications. What differs per process is given by its composition root through `configure`:
 * the unsubscribe signing key (HTTP and senders) and the template system with a transport
 * (senders only, so the HTTP bundles carry neither nodemailer nor SES).
 */
export function createMailContext(db: Db, _rules: Rules, core: CoreContext) {
  const repos = {
    people: new DynamoMailPeople(db),
    outbox: new DynamoMailOutbox(db),
    suppressions: new DynamoSuppressionList(db),
    names: new DynamoEntityNames(db),
  };
  const countryOf = async (orgId: string) => (await core.repos.orgs.get(orgId))?.country ?? null;
  let tokens: UnsubscribeTokens | null = null;
  const signer: UnsubscribeTokens = {
    sign: (userId, scope) => configured(tokens).sign(userId, scope),
    verify: (token) => configured(tokens).verify(token),
  };
  let webOrigin: string | undefined;
  const messages = new MailMessages({ outbox: repos.outbox, clock: db.clock });
  core.invitations.sendWith(invitationMailer({ messages, countryOf, webOrigin: () => webOrigin }));
  const suppressions = new MailSuppressions({
    suppressions: repos.suppressions,
    people: repos.people,
    notifications: core.repos.notifications,
    clock: db.clock,
  });
  return {
    repos,
    tokens: signer,
    planner: new MailPlanner({ ...repos, countryOf, clock: db.clock }),
    preferences: new PreferencesService({
      people: repos.people,
      suppressions: repos.suppressions,
      tokens: signer,
      countryOf,
      clock: db.clock,
    }),
    suppressions,
    /** Messages that are not notifications (invitations): `send({ template, to, language, vars, dedupeKey })`. */
    messages,
    /** The signing key of unsubscribe links, and the web app's origin that invitation links lead to. */
    configure(options: { tokens: UnsubscribeTokens; webOrigin?: string | undefined }) {
      tokens = options.tokens;
      webOrigin = options.webOrigin;
    },
    /** A sender of the outbox over the given templates and transport. */
    dispatcher(options: {
      composer: MailComposer;
      sender: MailSender;
      concurrency?: number;
      onError?: (err: unknown) => void;
    }) {
      return new MailDispatcher({
        ...repos,
        countryOf,
        suppress: (email, reason, detail) => suppressions.suppress(email, reason, detail),
        clock: db.clock,
        ...options,
      });
    },
  };
}

export type MailContext = ReturnType<typeof createMailContext>;

function configured(tokens: UnsubscribeTokens | null): UnsubscribeTokens {
  if (!tokens) throw new Error('Mail is not configured in this process: no unsubscribe signing key.');
  return tokens;
}
