import { createHash } from 'node:crypto';
import { pad } from '../core/keys';

/** A person's own settings, beside their user item (one Query reads both). */
export const preferencesKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PREFS' });

/** gsi1 on a user item: the people of an organisation, who receive its notifications. */
export const orgPeoplePk = (orgId: string) => `ORG#${orgId}#PEOPLE`;
export const personIndexKeys = (orgId: string, userId: string) => ({
  gsi1pk: orgPeoplePk(orgId),
  gsi1sk: userId,
});

/** An address never written to again (it bounced, or its owner called us spam). */
export const suppressionKey = (email: string) => ({ pk: `SUPPRESS#${email}`, sk: 'SUPPRESS' });

/** One email of the outbox (or one line of a digest), under its purpose-derived id. */
export const outboxKey = (mailId: string) => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' });

/**
 * gsi3: emails waiting to be sent, by the time they may be, spread over a few partitions so a
 * morning's digests do not all land on one. The dispatcher reads every shard up to now.
 */
export const OUTBOX_SHARDS = 4;
export const dueShard = (mailId: string): number =>
  createHash('sha1').update(mailId).digest().readUInt16BE(0) % OUTBOX_SHARDS;
export const duePk = (shard: number) => `MAIL#DUE#${shard}`;
export const dueSk = (atMs: number, mailId: string) => `${pad(atMs, 13)}#${mailId}`;
export const dueKeys = (mailId: string, atMs: number) => ({
  gsi3pk: duePk(dueShard(mailId)),
  gsi3sk: dueSk(atMs, mailId),
});

/** gsi3 on a digest line: the lines of one digest, oldest first. */
export const digestLinesPk = (digestMailId: string) => `MAIL#LINES#${digestMailId}`;

/** gsi3 on an email given up after its last attempt: newest first, for operators. */
export const DEAD_MAIL_PK = 'MAIL#DEAD';

/** Outbox items go once they are settled and no one needs their record (DynamoDB's TTL). */
export const SETTLED_TTL_S = 90 * 86400;
