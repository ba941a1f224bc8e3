import { forbidden, unauthenticated } from './errors';

export const Role = { tenant: 'tenant', supplier: 'supplier', operator: 'operator' } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

/**
 * A person's role inside their organisation, the second dimension of authorisation beside the
 * organisation's kinds (`Role`): a firm has admins, buyers, sellers and viewers; an operator
 * organisation admins and staff. An admin may do whatever any other role of the organisation may.
 */
export const PersonRole = {
  admin: 'admin',
  buyer: 'buyer',
  seller: 'seller',
  viewer: 'viewer',
  staff: 'staff',
} as const;
export type PersonRole = (typeof PersonRole)[keyof typeof PersonRole];
export const PERSON_ROLES = Object.values(PersonRole);
export const isPersonRole = (value: unknown): value is PersonRole =>
  typeof value === 'string' && (PERSON_ROLES as readonly string[]).includes(value);

/** Who is calling, as proven by a verified token. Every service takes it explicitly. */
export interface Caller {
  userId: string;
  orgId: string | null;
  roles: readonly Role[];
  /** The person's role in `orgId` (null without an organisation), confirmed against the table on every request. */
  personRole: PersonRole | null;
}

export interface OrgCaller extends Caller {
  orgId: string;
}

export const hasRole = (caller: Caller, ...roles: Role[]): boolean =>
  roles.some((r) => caller.roles.includes(r));

export function requireCaller(caller: Caller | null | undefined): Caller {
  if (!caller) throw unauthenticated();
  return caller;
}

/** Roles come from the token; a caller with none of `roles` is refused with 403. */
export function requireRole(caller: Caller, ...roles: Role[]): OrgCaller {
  if (!hasRole(caller, ...roles) || !caller.orgId) {
    throw forbidden('auth.role_not_allowed', `This action needs the role ${roles.join(' or ')}.`);
  }
  return caller as OrgCaller;
}

/** Whether the caller's person role is one of `roles`; an admin always is. */
export const actsAs = (caller: Caller, ...roles: PersonRole[]): boolean =>
  caller.personRole === 'admin' || (caller.personRole !== null && roles.includes(caller.personRole));

/** A caller whose role in the organisation is none of `roles` (nor admin) is refused with 403. */
export function requirePersonRole(caller: Caller, ...roles: PersonRole[]): OrgCaller {
  const member = requireOrg(caller);
  if (!actsAs(member, ...roles)) {
    const allowed = ['admin', ...roles.filter((r) => r !== 'admin')].join(' or ');
    throw forbidden('auth.person_role_not_allowed', `This action needs a person whose role is ${allowed}.`);
  }
  return member;
}

export function requireOrg(caller: Caller): OrgCaller {
  if (!caller.orgId) {
    throw forbidden('auth.no_organisation', 'Create or join an organisation first, then log in again.');
  }
  return caller as OrgCaller;
}
