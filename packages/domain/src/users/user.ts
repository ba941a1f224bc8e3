import { z } from 'zod';
import type { Role } from '../core/caller';
import type { OrgKind } from '../orgs/org';
import { Lang } from '../shared/locale';

export const User = z.object({
  userId: z.string(),
  email: z.email(),
  name: z.string(),
  orgId: z.string().nullable(),
  lang: Lang.optional(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

/** Token groups follow the organisation's kinds: an operator org's users are operators. */
export const rolesForKinds = (kinds: readonly OrgKind[]): Role[] => [...new Set(kinds)].sort() as Role[];

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
