import { type AuditEntry, conflict, newId, type Stored } from '@parkbridge/domain/core';
import type { Org, OrgRepository } from '@parkbridge/domain/orgs';
import type { Member } from '@parkbridge/domain/people';
import { batchGet, type Db, getItem, stripKeys, writeVersioned } from '../core';
import { personIndexKeys } from '../mail/mail.keys';
import { memberWrites } from '../people/member.repository';
import { userKey } from '../users/user.repository';

export const orgKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' });

type Audit = Omit<AuditEntry, 'entityId'>;

export class DynamoOrgRepository implements OrgRepository {
  constructor(private readonly db: Db) {}

  async get(orgId: string) {
    const item = await getItem(this.db, `ORG#${orgId}`, 'ORG');
    return item ? stripKeys<Stored<Org>>(item) : null;
  }

  async getMany(orgIds: string[]): Promise<Stored<Org>[]> {
    return (await batchGet(this.db, orgIds.map(orgKey))).map((o) => stripKeys<Stored<Org>>(o));
  }

  /** The organisation, its founder as its first admin (the person's own audit trail starts) and its roster. */
  createWithFounder(org: Org, founderUserId: string, audit: Audit) {
    const founder: Member = {
      memberId: newId('member', Date.parse(org.createdAt)),
      orgId: org.orgId,
      userId: founderUserId,
      role: 'admin',
      joinedAt: org.createdAt,
      invitedBy: null,
      version: 0,
    };
    return writeVersioned(this.db, {
      keys: orgKey(org.orgId),
      entityId: org.orgId,
      next: org as Stored<Org>,
      prev: null,
      audit,
      extra: { type: 'org' },
      with: [
        {
          item: {
            Update: {
              TableName: this.db.tableName,
              Key: userKey(founderUserId),
              // The founder joins the organisation's people (gsi1), who receive its notifications by email.
              UpdateExpression: 'SET orgId = :org, gsi1pk = :people, gsi1sk = :userId',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(orgId) OR orgId = :null)',
              ExpressionAttributeValues: {
                ':org': org.orgId,
                ':null': null,
                ':people': personIndexKeys(org.orgId, founderUserId).gsi1pk,
                ':userId': founderUserId,
              },
            },
          },
          onConditionFailed: () => conflict('org.already_member', 'You belong to an organisation already.'),
        },
        ...memberWrites(this.db, founder, {
          action: 'member.joined',
          actor: audit.actor,
          before: null,
          after: { orgId: org.orgId, userId: founderUserId, role: 'admin', founder: true },
        }).items,
      ],
    });
  }

  save(next: Org, prev: Stored<Org>, audit: Audit) {
    return writeVersioned(this.db, {
      keys: orgKey(next.orgId),
      entityId: next.orgId,
      next: next as Stored<Org>,
      prev,
      audit,
      extra: { type: 'org' },
    });
  }
}
