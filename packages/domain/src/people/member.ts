import { z } from 'zod';
import type { Stored } from '../core';
import { PersonRoleSchema } from './roles';

/**
 * A person's place in an organisation. One per person (a user belongs to one organisation); its
 * `memberId` names this stint for the audit trail, so leaving and joining again starts a new one.
 * Names and addresses are the user's own (read beside it), never copied here.
 */
export const Member = z.object({
  memberId: z.string(),
  orgId: z.string(),
  userId: z.string(),
  role: PersonRoleSchema,
  joinedAt: z.string(),
  /** Who invited them; null for the founder and for people made admins by the migration. */
  invitedBy: z.string().nullable(),
  version: z.int(),
});
export type Member = z.infer<typeof Member>;

export const MemberPatch = z.strictObject({ role: PersonRoleSchema });
export type MemberPatch = z.infer<typeof MemberPatch>;

/** A member as the organisation's people see them. */
export const MemberView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: PersonRoleSchema,
  joinedAt: z.string(),
  version: z.int(),
});
export type MemberView = z.infer<typeof MemberView>;

export const memberView = (
  m: Stored<Member>,
  who: { name: string; email: string } | undefined,
): MemberView => ({
  userId: m.userId,
  name: who?.name ?? '',
  email: who?.email ?? '',
  role: m.role,
  joinedAt: m.joinedAt,
  version: m.version,
});
