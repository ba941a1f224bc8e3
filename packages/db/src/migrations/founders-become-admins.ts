import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, DomainError, newId } from '@parkbridge/domain/core';
import type { Member } from '@parkbridge/domain/people';
import type { Db } from '../core/db';
import { transact } from '../core/transact';
import { personIndexKeys } from '../mail/mail.keys';
import { memberWrites } from '../people/member.repository';
import { userKey } from '../users/user.repository';
import type { Migration } from './migration';

const ALREADY = 'invitation.already_member';
const LEFT = 'migration.user_left';

/**
 * Before people had roles, an organisation had exactly one person, its founder, recorded only as
 * the user's `orgId`. This makes each such user the admin of their organisation (member item,
 * audit record, the roster's counts). It reads users with a Scan, once, at deploy time (no request
 * ever scans); a user who is a member already is left alone, so it can run any number of times.
 */
export const foundersBecomeAdmins: Migration = {
  name: '2026-12-people-founders-become-admins',
  description: 'Every user who belongs to an organisation but has no role in it becomes its admin.',
  async run(db) {
    let changed = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.doc.send(
        new ScanCommand({
          TableName: db.tableName,
          FilterExpression: '#type = :user AND attribute_type(orgId, :string)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':user': 'user', ':string': 'S' },
          ExclusiveStartKey: start,
        }),
      );
      for (const user of page.Items ?? []) {
        if (await makeAdmin(db, String(user.userId), String(user.orgId), String(user.createdAt))) changed++;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return { changed };
  },
};

async function makeAdmin(db: Db, userId: string, orgId: string, since: string): Promise<boolean> {
  const now = db.clock.now();
  const member: Member = {
    memberId: newId('member', now.getTime()),
    orgId,
    userId,
    role: 'admin',
    joinedAt: since,
    invitedBy: null,
    version: 0,
  };
  const joined = memberWrites(db, member, {
    action: 'member.joined',
    actor: { userId: 'migration', orgId: null },
    before: null,
    after: { orgId, userId, role: 'admin', migrated: true },
  });
  try {
    await transact(db, [
      ...joined.items,
      // Still in that organisation when it commits; and one of the people its notifications are
      // emailed to, as a founder or colleague who joins today is (the user item's mail index).
      {
        item: {
          Update: {
            TableName: db.tableName,
            Key: userKey(userId),
            UpdateExpression: 'SET gsi1pk = :people, gsi1sk = :userId',
            ConditionExpression: 'orgId = :org',
            ExpressionAttributeValues: {
              ':org': orgId,
              ':people': personIndexKeys(orgId, userId).gsi1pk,
              ':userId': userId,
            },
          },
        },
        onConditionFailed: () => conflict(LEFT, 'The user left the organisation meanwhile.'),
      },
    ]);
    return true;
  } catch (err) {
    // A member already, or no longer in that organisation: nothing to do. Anything else (a
    // transaction conflict) fails the run, to be run again.
    if (err instanceof DomainError && [ALREADY, LEFT].includes(err.code)) return false;
    throw err;
  }
}
