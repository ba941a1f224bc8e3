import { forbidden, ruleBroken } from '@parkbridge/domain/core';
import type { ActingAdmin } from '@parkbridge/domain/people';
import type { Db } from '../core/db';
import type { TxItem } from '../core/transact';
import { memberKey, rosterKey } from './people.keys';

/**
 * Moves the organisation's counts by `people` and `admins`. Taking an admin away is conditioned on
 * another admin remaining: the last admin can neither leave, be removed nor be demoted.
 */
export function rosterMove(db: Db, orgId: string, people: number, admins: number): TxItem {
  const dropsAdmin = admins < 0;
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: rosterKey(orgId),
        UpdateExpression: 'ADD memberCount :people, adminCount :admins SET #type = :type',
        ConditionExpression: dropsAdmin ? 'adminCount > :one' : undefined,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':people': people,
          ':admins': admins,
          ':type': 'roster',
          ...(dropsAdmin ? { ':one': 1 } : {}),
        },
      },
    },
    onConditionFailed: () =>
      ruleBroken(
        'member.last_admin',
        'An organisation keeps at least one admin: make someone else admin first.',
      ),
  };
}

/** The one acting must still be an admin when the change commits (not only when the request began). */
export function stillAdmin(db: Db, by: ActingAdmin): TxItem {
  return {
    item: {
      ConditionCheck: {
        TableName: db.tableName,
        Key: memberKey(by.orgId, by.userId),
        ConditionExpression: '#role = :admin',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':admin': 'admin' },
      },
    },
    onConditionFailed: () =>
      forbidden('auth.person_role_not_allowed', 'You are no longer an admin of this organisation.'),
  };
}

/** Counts for a change of role from `from` to `to`. */
export const adminDelta = (from: string | null, to: string | null) =>
  (to === 'admin' ? 1 : 0) - (from === 'admin' ? 1 : 0);
