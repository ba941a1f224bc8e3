import { z } from 'zod';
import { Money } from '../core/money';
import { GeoPoint } from '../shared/geo';
import { CountryCode, LocalizedText, Text } from '../shared/locale';

/** What an organisation is in the park economy; operator orgs are made by an operator, never self-declared. */
export const OrgKind = z.enum(['tenant', 'supplier', 'operator']);
export type OrgKind = z.infer<typeof OrgKind>;
export const SelfDeclaredKind = z.enum(['tenant', 'supplier']);

export const OrgInput = z.strictObject({
  name: Text(200),
  names: LocalizedText.optional(),
  kinds: z
    .array(SelfDeclaredKind)
    .min(1)
    .max(2)
    .refine((k) => new Set(k).size === k.length, 'Kinds must not repeat.'),
  country: CountryCode,
  city: Text(200).optional(),
  location: GeoPoint.optional(),
  website: z.url().max(300).optional(),
  description: Text(4000).optional(),
  /** Shown by name on the public pages of the parks it belongs to (absent: not shown). */
  publicProfile: z.boolean().optional(),
});
export type OrgInput = z.infer<typeof OrgInput>;

/**
 * Four eyes on large awards: a non-admin's award whose total is above this waits for another
 * admin's approval (null or absent: no approval needed).
 */
const AwardApprovalAbove = Money.nullable().optional();

export const OrgPatch = OrgInput.omit({ kinds: true })
  .partial()
  .extend({ awardApprovalAbove: AwardApprovalAbove });
export type OrgPatch = z.infer<typeof OrgPatch>;

export const Org = OrgInput.extend({
  kinds: z.array(OrgKind),
  awardApprovalAbove: AwardApprovalAbove,
  orgId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Org = z.infer<typeof Org>;
