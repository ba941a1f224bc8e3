import { z } from 'zod';
import { canonicalEqual } from '../core/equality';
import type { Need } from './need';
import { AMENDABLE_FIELDS, type NeedAmendmentInput } from './need-requests';

export const NeedChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type NeedChange = z.infer<typeof NeedChange>;

/** The record of one amendment of an open need: what changed, why, and whether the close moved. */
export const NeedAmendment = z
  .object({
    needId: z.string(),
    seq: z.int().min(1),
    at: z.string(),
    byUserId: z.string(),
    reason: z.string(),
    changes: z.array(NeedChange),
    closesAtBefore: z.string(),
    closesAtAfter: z.string(),
  })
  .meta({ id: 'NeedAmendment' });
export type NeedAmendment = z.infer<typeof NeedAmendment>;

/** The fields an amendment really changes (asking for the value a field has already is no change). */
export function amendmentChanges(need: Need, input: NeedAmendmentInput): NeedChange[] {
  const changes: NeedChange[] = [];
  for (const field of AMENDABLE_FIELDS) {
    // Files are compared by id and recorded by name, by the service that plans them.
    if (field === 'attachments') continue;
    const after = input[field];
    if (after === undefined) continue;
    const before = need[field];
    const same =
      field === 'requiredCertificates'
        ? canonicalEqual([...(before as string[])].sort(), [...(after as string[])].sort())
        : canonicalEqual(before, after);
    if (!same) changes.push({ field, before, after });
  }
  return changes;
}
