import { z } from 'zod';
import type { Stored } from '../core';
import { PersonRoleSchema } from './roles';

/** How long an invitation may be accepted. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

export const InvitationInput = z.strictObject({
  email: z.email().max(254),
  role: PersonRoleSchema,
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const AcceptInvitationInput = z.strictObject({
  /** The secret from the email's link; a caller who found the invitation in their own list needs none. */
  token: z.string().min(20).max(100).optional(),
});

/** Stored states; `expired` is only ever computed (a pending invitation past its `expiresAt`). */
export const StoredInvitationStatus = z.enum(['pending', 'accepted', 'revoked']);
export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z.object({
  invitationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  email: z.string(),
  role: PersonRoleSchema,
  status: StoredInvitationStatus,
  invitedBy: z.string(),
  invitedByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expiresAtMs: z.int(),
  /** SHA-256 of the link's secret (hex): the secret itself is only ever in the email. */
  tokenHash: z.string(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  version: z.int(),
});
export type Invitation = z.infer<typeof Invitation>;

export const statusAt = (inv: Pick<Invitation, 'status' | 'expiresAtMs'>, now: Date): InvitationStatus =>
  inv.status === 'pending' && inv.expiresAtMs <= now.getTime() ? 'expired' : inv.status;

export const InvitationView = z.object({
  invitationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  email: z.string(),
  role: PersonRoleSchema,
  status: InvitationStatus,
  invitedByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  version: z.int(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const invitationView = (inv: Stored<Invitation>, now: Date): InvitationView => ({
  invitationId: inv.invitationId,
  orgId: inv.orgId,
  orgName: inv.orgName,
  email: inv.email,
  role: inv.role,
  status: statusAt(inv, now),
  invitedByName: inv.invitedByName,
  createdAt: inv.createdAt,
  expiresAt: inv.expiresAt,
  version: inv.version,
});
