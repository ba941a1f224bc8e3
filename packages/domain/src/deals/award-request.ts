import { z } from 'zod';
import { type Caller, type Money, Money as MoneySchema } from '../core';

/**
 * Four eyes on large awards: an organisation may set `awardApprovalAbove`; a non-admin's award whose
 * total is above it waits as a request until another admin approves it. One pending request per
 * need at a time.
 */
export const AwardRequestStatus = z.enum(['pending', 'approved', 'declined', 'superseded']);
export type AwardRequestStatus = z.infer<typeof AwardRequestStatus>;

export const AwardRequest = z.object({
  requestId: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  orgId: z.string(),
  bidId: z.string(),
  total: MoneySchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: AwardRequestStatus,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  dealId: z.string().nullable(),
  version: z.int(),
});
export type AwardRequest = z.infer<typeof AwardRequest>;

/**
 * Whether this award must wait for a second admin. Totals in another currency than the threshold's
 * cannot be compared, so they wait too: four eyes errs on the side of asking.
 */
export function needsApproval(threshold: Money | null | undefined, total: Money, caller: Caller): boolean {
  if (!threshold || caller.personRole === 'admin') return false;
  return total.currency !== threshold.currency || total.amount > threshold.amount;
}
