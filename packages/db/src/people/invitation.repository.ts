import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import { conflict, DomainError } from '@parkbridge/domain/core';
import {
  type ActingAdmin,
  alreadyAccepted,
  expired,
  type Invitation,
  type InvitationRepository,
  inAnotherOrganisation,
  type Member,
  revoked,
} from '@parkbridge/domain/people';
import type { Db } from '../core/db';
import { getItem, queryPage } from '../core/query';
import type { TxItem } from '../core/transact';
import { stripKeys, writeVersioned } from '../core/versioned-write';
import { joinOrganisation, memberWrites } from './member.repository';
import { invitationIndexKeys, invitationKey, inviteeGuardKey, inviteesPartition } from './people.keys';
import { stillAdmin } from './roster';

type Audit = Omit<AuditEntry, 'entityId'>;

export class DynamoInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Db) {}

  async get(invitationId: string) {
    const key = invitationKey(invitationId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Invitation>>(item) : null;
  }

  async listByOrg(orgId: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      { index: 'gsi1', pk: `ORG#${orgId}#INVITES`, descending: true },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Invitation>>(i)), nextCursor: res.nextCursor };
  }

  async listByEmail(email: string, page: PageRequest) {
    const res = await queryPage(
      this.db,
      {
        index: 'gsi2',
        pk: inviteesPartition(email),
        descending: true,
        // Expiry is a matter of time, not of a write: an expired invitation stays indexed, unlisted.
        filter: {
          FilterExpression: 'expiresAtMs > :now',
          ExpressionAttributeValues: { ':now': this.db.clock.now().getTime() },
        },
      },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Invitation>>(i)), nextCursor: res.nextCursor };
  }

  create(invitation: Invitation, by: ActingAdmin, audit: Audit) {
    return writeVersioned(this.db, {
      keys: { ...invitationKey(invitation.invitationId), ...invitationIndexKeys(invitation) },
      entityId: invitation.invitationId,
      next: invitation as Stored<Invitation>,
      prev: null,
      audit,
      extra: { type: 'invitation' },
      with: [
        {
          item: {
            Put: {
              TableName: this.db.tableName,
              Item: {
                ...inviteeGuardKey(invitation.orgId, invitation.email),
                type: 'invitee-guard',
                invitationId: invitation.invitationId,
                expiresAtMs: invitation.expiresAtMs,
              },
              // A pending invitation to this address holds the guard until it is accepted, revoked or expires.
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAtMs <= :now',
              ExpressionAttributeValues: { ':now': this.db.clock.now().getTime() },
            },
          },
          onConditionFailed: () =>
            conflict(
              'invitation.already_pending',
              `${invitation.email} has a pending invitation to your organisation already.`,
            ),
        },
        stillAdmin(this.db, by),
      ],
    });
  }

  revoke(next: Invitation, prev: Stored<Invitation>, by: ActingAdmin, audit: Audit) {
    return this.settling(
      next.invitationId,
      writeVersioned(this.db, {
        keys: { ...invitationKey(next.invitationId), ...invitationIndexKeys(next) },
        entityId: next.invitationId,
        next: next as Stored<Invitation>,
        prev,
        audit,
        extra: { type: 'invitation' },
        condition: settledOnce(),
        with: [releaseGuard(this.db, next), stillAdmin(this.db, by)],
      }),
    );
  }

  async accept(
    next: Invitation,
    prev: Stored<Invitation>,
    member: Member,
    audits: { invitation: Audit; member: Audit },
  ) {
    const now = this.db.clock.now();
    const joined = memberWrites(this.db, member, audits.member);
    const memberItems: TxItem[] = [
      ...joined.items,
      joinOrganisation(this.db, member.userId, member.orgId, inAnotherOrganisation),
      releaseGuard(this.db, next),
    ];
    const write = writeVersioned(this.db, {
      keys: { ...invitationKey(next.invitationId), ...invitationIndexKeys(next) },
      entityId: next.invitationId,
      next: next as Stored<Invitation>,
      prev,
      audit: audits.invitation,
      extra: { type: 'invitation' },
      condition: {
        ...settledOnce(),
        expression: '#status = :pending AND expiresAtMs > :now',
        values: { ':pending': 'pending', ':now': now.getTime() },
      },
      with: memberItems,
    });
    await this.settling(next.invitationId, write);
    return joined.member;
  }

  /**
   * Accepting and revoking race on the invitation's version. The one that loses finds the version
   * moved; what the invitation became says which problem it is.
   */
  private async settling<T>(invitationId: string, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (err) {
      if (
        !(err instanceof DomainError) ||
        !['version.changed', 'version.stale', 'write.concurrent'].includes(err.code)
      )
        throw err;
      const now = await this.get(invitationId);
      if (now?.status === 'accepted') throw alreadyAccepted();
      if (now?.status === 'revoked') throw revoked();
      throw conflict('write.concurrent', 'The invitation changed at the same time; try again.');
    }
  }
}

/**
 * An invitation is settled once: accepted or revoked, whichever commits first (they race on the
 * invitation's version); the loser learns which it was.
 */
function settledOnce() {
  return {
    expression: '#status = :pending',
    names: { '#status': 'status' },
    values: { ':pending': 'pending' },
    onFailed: (old: Record<string, unknown> | undefined) => {
      if (old?.status === 'accepted') return alreadyAccepted();
      if (old?.status === 'revoked') return revoked();
      return expired(String(old?.expiresAt ?? ''));
    },
  };
}

/** Frees the address for a new invitation (only if the guard is still this invitation's). */
function releaseGuard(db: Db, inv: Invitation): TxItem {
  return {
    item: {
      Delete: {
        TableName: db.tableName,
        Key: inviteeGuardKey(inv.orgId, inv.email),
        ConditionExpression: 'attribute_not_exists(pk) OR invitationId = :id',
        ExpressionAttributeValues: { ':id': inv.invitationId },
      },
    },
  };
}
