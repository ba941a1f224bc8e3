import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, DomainError, mapLimit } from '@parkbridge/domain/core';
import type {
  DigestMail,
  DigestPlanResult,
  MailedNotification,
  MailOutbox,
  OutboxMail,
  SettleOutcome,
} from '@parkbridge/domain/mail';
import { type Db, getItem, queryAll, stripKeys, transact, ttlFrom } from '../core';
import {
  DEAD_MAIL_PK,
  digestLinesPk,
  dueKeys,
  duePk,
  dueSk,
  OUTBOX_SHARDS,
  outboxKey,
  SETTLED_TTL_S,
} from './mail.keys';

const LINE_EXISTS = 'mail.line_exists';
const DIGEST_CLOSED = 'mail.digest_closed';
/** A person's lines in one day's digest: more than this are left out of the email (and said so). */
export const MAX_DIGEST_LINES = 300;

const mailOf = (item: Record<string, unknown>) => stripKeys<OutboxMail>(item);

/**
 * The outbox in the table. Every write is conditional: planning an email whose id exists does
 * nothing, a claim succeeds for one sender only, and an outcome is recorded only by the sender
 * whose claim it still is.
 */
export class DynamoMailOutbox implements MailOutbox {
  constructor(private readonly db: Db) {}

  planInstant(mail: OutboxMail) {
    return this.putNew(mail);
  }

  planDirect(mail: OutboxMail) {
    return this.putNew(mail);
  }

  async planDigestEntry(e: {
    entryId: string;
    userId: string;
    notification: MailedNotification;
    digest: DigestMail;
  }): Promise<DigestPlanResult> {
    const d = e.digest;
    const now = this.db.clock.now();
    const due = dueKeys(d.mailId, d.nextAttemptAtMs);
    try {
      await transact(this.db, [
        {
          item: {
            Put: {
              TableName: this.db.tableName,
              Item: {
                ...outboxKey(e.entryId),
                type: 'mail-digest-line',
                mailId: e.entryId,
                digestMailId: d.mailId,
                userId: e.userId,
                notification: e.notification,
                gsi3pk: digestLinesPk(d.mailId),
                gsi3sk: `${e.notification.createdAt}#${e.notification.notificationId}`,
                ttl: ttlFrom(new Date(d.nextAttemptAtMs), SETTLED_TTL_S),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => conflict(LINE_EXISTS, 'Planned already.'),
        },
        {
          item: {
            // Creates the digest, or joins a pending one; a digest already claimed refuses lines.
            Update: {
              TableName: this.db.tableName,
              Key: outboxKey(d.mailId),
              UpdateExpression: [
                'SET #type = :type, purpose = :purpose',
                'mailId = :mailId, userId = :userId, #date = :date',
                '#status = if_not_exists(#status, :pending)',
                'attempts = if_not_exists(attempts, :zero)',
                'nextAttemptAtMs = if_not_exists(nextAttemptAtMs, :due)',
                'createdAt = if_not_exists(createdAt, :now)',
                'gsi3pk = if_not_exists(gsi3pk, :duePk)',
                'gsi3sk = if_not_exists(gsi3sk, :dueSk)',
                '#lines = if_not_exists(#lines, :zero) + :one',
              ].join(', '),
              ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
              ExpressionAttributeNames: {
                '#type': 'type',
                '#date': 'date',
                '#status': 'status',
                '#lines': 'lines',
              },
              ExpressionAttributeValues: {
                ':type': 'mail',
                ':purpose': 'digest',
                ':mailId': d.mailId,
                ':userId': d.userId,
                ':date': d.date,
                ':pending': 'pending',
                ':zero': 0,
                ':one': 1,
                ':due': d.nextAttemptAtMs,
                ':now': now.toISOString(),
                ':duePk': due.gsi3pk,
                ':dueSk': due.gsi3sk,
              },
            },
          },
          onConditionFailed: () => conflict(DIGEST_CLOSED, 'That digest is on its way.'),
        },
      ]);
      return 'planned';
    } catch (err) {
      if (err instanceof DomainError && err.code === LINE_EXISTS) return 'exists';
      if (err instanceof DomainError && err.code === DIGEST_CLOSED) return 'digest_closed';
      throw err;
    }
  }

  async due(now: Date, limit: number): Promise<OutboxMail[]> {
    const upTo = dueSk(now.getTime(), '\uffff');
    const perShard = Math.max(1, Math.ceil(limit / OUTBOX_SHARDS));
    const shards = await mapLimit(
      Array.from({ length: OUTBOX_SHARDS }, (_, s) => s),
      OUTBOX_SHARDS,
      async (shard) => {
        const out = await this.db.doc.send(
          new QueryCommand({
            TableName: this.db.tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :upTo',
            ExpressionAttributeValues: { ':pk': duePk(shard), ':upTo': upTo },
            Limit: perShard,
          }),
        );
        return (out.Items ?? []).map(mailOf);
      },
    );
    return shards.flat().sort((a, b) => a.nextAttemptAtMs - b.nextAttemptAtMs);
  }

  async claim(mailId: string, now: Date, claimMs: number): Promise<OutboxMail | null> {
    const until = now.getTime() + claimMs;
    try {
      const out = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: outboxKey(mailId),
          UpdateExpression:
            'SET #status = :sending, nextAttemptAtMs = :until, attempts = attempts + :one, gsi3sk = :sk',
          // Pending and due, or claimed by a sender whose claim has lapsed (it died mid-send).
          ConditionExpression:
            '(#status = :pending AND nextAttemptAtMs <= :now) OR (#status = :sending AND nextAttemptAtMs < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':now': now.getTime(),
            ':until': until,
            ':one': 1,
            ':sk': dueSk(until, mailId),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? mailOf(out.Attributes) : null;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return null;
      throw err;
    }
  }

  async entries(digestMailId: string): Promise<MailedNotification[]> {
    const items = await queryAll(
      this.db,
      { index: 'gsi3', pk: digestLinesPk(digestMailId) },
      MAX_DIGEST_LINES,
    );
    return items.slice(0, MAX_DIGEST_LINES).map((i) => i.notification as MailedNotification);
  }

  async settle(mail: OutboxMail, outcome: SettleOutcome): Promise<void> {
    const now = this.db.clock.now();
    const set = ['#status = :status', 'lastError = :error'];
    const remove: string[] = [];
    const values: Record<string, unknown> = {
      ':status': outcome.status,
      ':sending': 'sending',
      ':attempts': mail.attempts,
      ':error': 'lastError' in outcome ? outcome.lastError : null,
    };
    if (outcome.status === 'sent') {
      set.push('sentAt = :at', 'providerMessageId = :pid');
      Object.assign(values, { ':at': outcome.at, ':pid': outcome.providerMessageId });
    }
    if (outcome.status === 'pending') {
      set.push('nextAttemptAtMs = :next', 'gsi3sk = :sk');
      Object.assign(values, {
        ':next': outcome.nextAttemptAtMs,
        ':sk': dueSk(outcome.nextAttemptAtMs, mail.mailId),
      });
    } else if (outcome.status === 'dead') {
      set.push('gsi3pk = :deadPk', 'gsi3sk = :deadSk', '#ttl = :ttl');
      Object.assign(values, {
        ':deadPk': DEAD_MAIL_PK,
        ':deadSk': `${now.toISOString()}#${mail.mailId}`,
        ':ttl': ttlFrom(now, SETTLED_TTL_S),
      });
    } else {
      set.push('#ttl = :ttl');
      values[':ttl'] = ttlFrom(now, SETTLED_TTL_S);
      remove.push('gsi3pk', 'gsi3sk');
    }
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: outboxKey(mail.mailId),
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          // Still our claim: a sender whose claim lapsed must not overwrite the next one's outcome.
          ConditionExpression: '#status = :sending AND attempts = :attempts',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...(set.some((s) => s.includes('#ttl')) ? { '#ttl': 'ttl' } : {}),
          },
          ExpressionAttributeValues: values,
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  async get(mailId: string): Promise<OutboxMail | null> {
    const item = await getItem(this.db, outboxKey(mailId).pk, 'MAIL', true);
    return item ? mailOf(item) : null;
  }

  async dead(limit: number): Promise<OutboxMail[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': DEAD_MAIL_PK },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(mailOf);
  }

  private async putNew(mail: OutboxMail): Promise<boolean> {
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: {
            ...outboxKey(mail.mailId),
            type: 'mail',
            ...mail,
            ...dueKeys(mail.mailId, mail.nextAttemptAtMs),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
