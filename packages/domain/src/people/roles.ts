import { z } from 'zod';
import { PERSON_ROLES, type PersonRole } from '../core/caller';
import type { OrgKind } from '../orgs/org';

export const PersonRoleSchema = z.enum(PERSON_ROLES as [PersonRole, ...PersonRole[]]);

/** The roles a firm gives its people, and those of an operator organisation (a park authority). */
export const FIRM_ROLES = ['admin', 'buyer', 'seller', 'viewer'] as const satisfies readonly PersonRole[];
export const OPERATOR_ROLES = ['admin', 'staff'] as const satisfies readonly PersonRole[];

/** The roles people of an organisation of these kinds may have. */
export const rolesFor = (kinds: readonly OrgKind[]): readonly PersonRole[] =>
  kinds.includes('operator') ? OPERATOR_ROLES : FIRM_ROLES;
