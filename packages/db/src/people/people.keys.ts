import { normalizeEmail } from '@parkbridge/domain/users';

/** A person's place in an organisation, in the organisation's partition (one Query lists them). */
export const MEMBER_PREFIX = 'PERSON#';
export const memberKey = (orgId: string, userId: string) => ({
  pk: `ORG#${orgId}`,
  sk: `${MEMBER_PREFIX}${userId}`,
});

/**
 * The organisation's counts of people and of admins. Every change of a role or of membership moves
 * them in its own transaction, conditioned so that the count of admins never drops below one: two
 * admins demoting each other at once cannot both commit.
 */
export const rosterKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ROSTER' });

export const invitationKey = (invitationId: string) => ({ pk: `INVITE#${invitationId}`, sk: 'INVITE' });

/**
 * An invitation's index keys: gsi1 lists an organisation's invitations, newest first; gsi2 lists
 * an address's pending ones (kept only while pending, so accepted and revoked ones drop out).
 */
export const invitationIndexKeys = (inv: {
  invitationId: string;
  orgId: string;
  email: string;
  createdAt: string;
  status: string;
}) => ({
  gsi1pk: `ORG#${inv.orgId}#INVITES`,
  gsi1sk: `${inv.createdAt}#${inv.invitationId}`,
  ...(inv.status === 'pending'
    ? { gsi2pk: inviteesPartition(inv.email), gsi2sk: `${inv.createdAt}#${inv.invitationId}` }
    : {}),
});
export const inviteesPartition = (email: string) => `INVITEE#${normalizeEmail(email)}`;

/** One pending invitation per organisation and address: the guard names the invitation that holds it. */
export const inviteeGuardKey = (orgId: string, email: string) => ({
  pk: `ORG#${orgId}`,
  sk: `INVITEE#${normalizeEmail(email)}`,
});
