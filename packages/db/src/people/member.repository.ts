import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  conflict,
  type DomainError,
  isPersonRole,
  notFound,
  type PageRequest,
  type Stored,
} from '@parkbridge/domain/core';
import type { ActingAdmin, Member, MemberRepository } from '@parkbridge/domain/people';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import { getItem, queryPage } from '../core/query';
import { type TxItem, transact } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { personIndexKeys } from '../mail/mail.keys';
import { userKey } from '../users/user.repository';
import { MEMBER_PREFIX, memberKey } from './people.keys';
import { adminDelta, rosterMove, stillAdmin } from './roster';

type Audit = Omit<AuditEntry, 'entityId'>;

export class DynamoMemberRepository implements MemberRepository {
  constructor(private readonly db: Db) {}

  async get(orgId: string, userId: string) {
    const key = memberKey(orgId, userId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Member>>(item) : null;
  }

  async roleOf(orgId: string, userId: string) {
    const out = await this.db.doc.send(
      new GetCommand({
        TableName: this.db.tableName,
        Key: memberKey(orgId, userId),
        ConsistentRead: true,
        ProjectionExpression: '#role',
        ExpressionAttributeNames: { '#role': 'role' },
      }),
    );
    const role = out.Item?.role;
    return isPersonRole(role) ? role : null;
  }

  async list(orgId: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { pk: memberKey(orgId, '').pk, skPrefix: MEMBER_PREFIX, consistent: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Member>>(i)), nextCursor: res.nextCursor };
  }

  changeRole(next: Member, prev: Stored<Member>, by: ActingAdmin, audit: Audit) {
    const admins = adminDelta(prev.role, next.role);
    return writeVersioned(this.db, {
      keys: memberKey(next.orgId, next.userId),
      entityId: next.memberId,
      next: next as Stored<Member>,
      prev,
      audit,
      extra: { type: 'member' },
      onExists: () => notFound('member'),
      with: [stillAdmin(this.db, by), ...(admins ? [rosterMove(this.db, next.orgId, 0, admins)] : [])],
    });
  }

  async remove(prev: Stored<Member>, by: ActingAdmin | null, audit: Audit) {
    const now = this.db.clock.now();
    const step = auditStep(this.db, { ...audit, entityId: prev.memberId }, prev, now);
    const items: TxItem[] = [
      {
        item: {
          Delete: {
            TableName: this.db.tableName,
            Key: memberKey(prev.orgId, prev.userId),
            ConditionExpression: '#version = :seen',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':seen': prev.version },
          },
        },
        onConditionFailed: (old) =>
          old
            ? conflict('write.concurrent', 'The member changed at the same time; read again.')
            : notFound('member'),
      },
      step.tx,
      leaveOrganisation(this.db, prev.userId, prev.orgId),
      rosterMove(this.db, prev.orgId, -1, adminDelta(prev.role, null)),
      ...(by ? [stillAdmin(this.db, by)] : []),
    ];
    await transact(this.db, items);
  }
}

/**
 * A new member's item, its first audit record and the roster's counts: for a founder, a person
 * accepting an invitation, and the migration that makes existing users admins.
 */
export function memberWrites(
  db: Db,
  member: Member,
  audit: Audit,
): { items: TxItem[]; member: Stored<Member> } {
  const step = auditStep(db, { ...audit, entityId: member.memberId }, null, new Date(member.joinedAt));
  const stored: Stored<Member> = { ...member, ...step.next };
  const items: TxItem[] = [
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...memberKey(member.orgId, member.userId), type: 'member', ...stored },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () =>
        conflict('invitation.already_member', 'You are a member of this organisation already.'),
    },
    step.tx,
    rosterMove(db, member.orgId, 1, adminDelta(null, member.role)),
  ];
  return { items, member: stored };
}

/** The user item's organisation: set when joining (only if none), cleared when leaving. */
export function joinOrganisation(db: Db, userId: string, orgId: string, onTaken: () => DomainError): TxItem {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: userKey(userId),
        // A colleague joins the organisation's people (gsi1), who receive its notifications by email.
        UpdateExpression: 'SET orgId = :org, gsi1pk = :people, gsi1sk = :userId',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(orgId) OR orgId = :null)',
        ExpressionAttributeValues: {
          ':org': orgId,
          ':null': null,
          ':people': personIndexKeys(orgId, userId).gsi1pk,
          ':userId': userId,
        },
      },
    },
    onConditionFailed: onTaken,
  };
}

function leaveOrganisation(db: Db, userId: string, orgId: string): TxItem {
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: userKey(userId),
        // …and leaves them: no more of its email.
        UpdateExpression: 'SET orgId = :null REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'orgId = :org',
        ExpressionAttributeValues: { ':org': orgId, ':null': null },
      },
    },
    onConditionFailed: () =>
      conflict('write.concurrent', 'The person’s organisation changed at the same time.'),
  };
}
