import { forbidden, unauthenticated } from './errors';

export const Role = { tenant: 'tenant', supplier: 'supplier', operator: 'operator' } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

/** Who is calling, as proven by a verified token. Every service takes it explicitly. */
export interface Caller {
  userId: string;
  orgId: string | null;
  roles: readonly Role[];
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

export function requireOrg(caller: Caller): OrgCaller {
  if (!caller.orgId) {
    throw forbidden('auth.no_organisation', 'Create or join an organisation first, then log in again.');
  }
  return caller as OrgCaller;
}
