import { z } from 'zod';
import { Text } from '../shared/locale';
import { SelfDeclaredKind } from './org';

export const MembershipStatus = z.enum(['pending', 'approved', 'rejected']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const MembershipApplication = z.strictObject({
  as: z
    .array(SelfDeclaredKind)
    .min(1)
    .max(2)
    .refine((k) => new Set(k).size === k.length, 'Roles must not repeat.')
    .optional(),
});

export const MembershipDecision = z.strictObject({ reason: Text(1000).optional() });
export const MembershipSuspension = z.strictObject({ reason: Text(1000) });

export const MembershipEvent = z.object({
  at: z.string(),
  byUserId: z.string(),
  action: z.enum(['applied', 'approved', 'rejected', 'suspended', 'reinstated']),
  reason: z.string().nullable(),
});

/** Suspension is kept apart from approval: a suspended firm stays approved on record, but cannot act. */
export const Membership = z.object({
  parkId: z.string(),
  orgId: z.string(),
  as: z.array(SelfDeclaredKind),
  status: MembershipStatus,
  suspended: z.boolean(),
  reason: z.string().nullable(),
  history: z.array(MembershipEvent),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Membership = z.infer<typeof Membership>;

/** An in-park firm (a tenant of the park) or an outside firm approved to serve it, as the case may be. */
export const isActiveAs = (m: Membership | null | undefined, role: 'tenant' | 'supplier'): boolean =>
  !!m && m.status === 'approved' && !m.suspended && m.as.includes(role);
