import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BidGate } from '@parkbridge/domain/bids';
import { retryWrite } from '@parkbridge/domain/bids';
import { type AuditEntry, conflict, type PageRequest, type Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import type { NotificationDraft } from '@parkbridge/domain/notifications';
import type { Question, QuestionRepository } from '@parkbridge/domain/questions';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import {
  gateItems,
  QUESTION_EXTENDED,
  QUESTION_EXTENSION_UNUSED,
  QUESTION_EXTENSION_VALUES,
} from '../bids/need-gate';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { pad } from '../core/keys';
import { getItem, queryPage } from '../core/query';
import { transact } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { needKey } from '../needs/need.keys';
import { notificationWrites } from '../notifications/notification.repository';
import { quotaWrites } from '../quotas/quota.repository';
import { QUESTION_DUE_PK, QUESTION_PREFIX, questionDueKeys, questionKey } from './question.keys';

type Audit = Omit<AuditEntry, 'entityId'>;

/** TransactWriteItems holds 100 items; an answer's own writes take 2, each notice 2. */
const MAX_TX_ITEMS = 100;

export class DynamoQuestionRepository implements QuestionRepository {
  constructor(private readonly db: Db) {}

  async ask(
    q: Question,
    gate: BidGate,
    dueMs: number | null,
    audit: Audit,
    notices: readonly NotificationDraft[],
    charges?: readonly QuotaCharge[],
  ) {
    const step = auditStep(this.db, { ...audit, entityId: q.questionId }, null, gate.now);
    const next: Stored<Question> = { ...q, ...step.next };
    await transact(
      this.db,
      [
        {
          item: {
            Put: {
              TableName: this.db.tableName,
              Item: {
                ...questionKey(q.needId, q.questionId),
                ...(dueMs === null ? {} : questionDueKeys(q.questionId, dueMs)),
                type: 'question',
                ...next,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => retryWrite(),
        },
        step.tx,
        ...gateItems(this.db, q.askerOrgId, gate, 'question'),
        ...notices.flatMap((n) => notificationWrites(this.db, n, gate.now).items),
        ...quotaWrites(this.db, charges),
      ],
      { operation: 'question.ask' },
    );
    return next;
  }

  async get(needId: string, questionId: string) {
    const key = questionKey(needId, questionId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Question>>(item) : null;
  }

  /** Answering takes the question out of the due index (the Put rewrites the item without its keys). */
  async answer(next: Question, prev: Stored<Question>, audit: Audit, notices: readonly NotificationDraft[]) {
    const now = this.db.clock.now();
    const room = Math.floor((MAX_TX_ITEMS - 2) / 2);
    const question = await writeVersioned(this.db, {
      keys: questionKey(next.needId, next.questionId),
      entityId: next.questionId,
      next: next as Stored<Question>,
      prev,
      audit,
      extra: { type: 'question' },
      condition: {
        expression: 'attribute_type(answer, :null)',
        values: { ':null': 'NULL' },
        onFailed: () => conflict('question.answered', 'The question has an answer already.'),
      },
      with: notices.slice(0, room).flatMap((n) => notificationWrites(this.db, n, now).items),
    });
    return { question, unsent: notices.slice(room) };
  }

  async list(needId: string, visibleTo: { orgId: string } | 'all', page: PageRequest) {
    const res = await queryPage(
      this.db,
      {
        pk: needKey(needId).pk,
        skPrefix: QUESTION_PREFIX,
        filter:
          visibleTo === 'all'
            ? undefined
            : {
                FilterExpression: 'NOT attribute_type(answer, :null) OR askerOrgId = :me',
                ExpressionAttributeValues: { ':null': 'NULL', ':me': visibleTo.orgId },
              },
      },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Question>>(i)), nextCursor: res.nextCursor };
  }

  async due(nowMs: number, limit: number) {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': QUESTION_DUE_PK, ':now': `${pad(nowMs, 15)}#~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => stripKeys<Stored<Question>>(i));
  }

  async reschedule(q: Stored<Question>, dueMs: number) {
    const due = questionDueKeys(q.questionId, dueMs);
    await this.db.doc
      .send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: questionKey(q.needId, q.questionId),
          UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
          ConditionExpression: 'attribute_exists(gsi1pk)',
          ExpressionAttributeValues: { ':pk': due.gsi1pk, ':sk': due.gsi1sk },
        }),
      )
      .catch(ignoreConditionFailed);
  }

  async clearDue(q: Stored<Question>) {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: questionKey(q.needId, q.questionId),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      }),
    );
  }

  async extendClose(input: {
    need: Stored<Need>;
    question: Stored<Question>;
    closesAtMs: number;
    now: Date;
    needAudit: Audit;
    questionAudit: Audit;
  }) {
    const { need, question, now } = input;
    const needStep = auditStep(this.db, { ...input.needAudit, entityId: need.needId }, need, now);
    const qStep = auditStep(
      this.db,
      { ...input.questionAudit, entityId: question.questionId },
      question,
      now,
    );
    await transact(
      this.db,
      [
        {
          item: {
            Update: {
              TableName: this.db.tableName,
              Key: needKey(need.needId),
              UpdateExpression:
                'SET closesAt = :closesAt, closesAtMs = :closesAtMs, extensionCount = extensionCount + :one, ' +
                `#version = :version, auditHash = :hash, updatedAt = :at, ${QUESTION_EXTENDED}`,
              ConditionExpression: `#status = :open AND closesAtMs > :now AND closesAtMs = :seenClose AND #version = :seenVersion AND ${QUESTION_EXTENSION_UNUSED}`,
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ...QUESTION_EXTENSION_VALUES,
                ':closesAt': new Date(input.closesAtMs).toISOString(),
                ':closesAtMs': input.closesAtMs,
                ':one': 1,
                ':version': needStep.next.version,
                ':hash': needStep.next.auditHash,
                ':at': now.toISOString(),
                ':open': 'open',
                ':now': now.getTime(),
                ':seenClose': need.closesAtMs,
                ':seenVersion': need.version,
              },
            },
          },
          onConditionFailed: () => retryWrite(),
        },
        needStep.tx,
        {
          item: {
            Update: {
              TableName: this.db.tableName,
              Key: questionKey(question.needId, question.questionId),
              UpdateExpression:
                'SET extendedClose = :true, #version = :version, auditHash = :hash REMOVE gsi1pk, gsi1sk',
              ConditionExpression:
                'attribute_type(answer, :null) AND extendedClose = :false AND #version = :seen',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: {
                ':true': true,
                ':false': false,
                ':null': 'NULL',
                ':version': qStep.next.version,
                ':hash': qStep.next.auditHash,
                ':seen': question.version,
              },
            },
          },
          onConditionFailed: () => retryWrite(),
        },
        qStep.tx,
      ],
      { operation: 'question.extend_close' },
    );
  }
}

function ignoreConditionFailed(err: unknown) {
  if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return;
  throw err;
}
