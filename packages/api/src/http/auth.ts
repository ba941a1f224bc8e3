import {
  type Caller,
  DomainError,
  ErrorKind,
  isPersonRole,
  type PersonRole,
  ROLES,
  type Role,
  requireCaller,
} from '@parkbridge/domain/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** Turns a request into a verified caller (null: no or bad credentials). Local and Lambda differ only here. */
export type CallerResolver = (c: Context<AppEnv>) => Promise<Caller | null>;

/** Claims as docs/api.md defines them; the same whether jose verified them or API Gateway did. */
export function callerFromClaims(claims: Record<string, unknown>): Caller | null {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub) return null;
  const org = claims.org ?? claims['custom:org'];
  const orgId = typeof org === 'string' && org ? org : null;
  return {
    userId: sub,
    orgId,
    roles: parseGroups(claims.groups ?? claims['cognito:groups']),
    personRole: orgId && isPersonRole(claims.role) ? claims.role : null,
  };
}

// API Gateway hands array claims to the Lambda as one string, "[tenant supplier]".
function parseGroups(raw: unknown): Role[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return list.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
}

/** Where a token's organisation and role are checked against the table (the people repository). */
export interface MembershipCheck {
  roleOf(orgId: string, userId: string): Promise<PersonRole | null>;
}

/**
 * Sets `caller` for every request; routes then declare who they admit with `secured` (openapi.ts). A token that
 * names an organisation is only as good as the membership behind it: its role must be the
 * person's role in the table now (one strongly consistent read), so a person removed or given
 * another role is refused from their next call, whatever the token's age. Such a token is no
 * credential any more (401 `auth.membership_changed`); signing in again gives one that is.
 */
export function authenticate(resolve: CallerResolver, members: MembershipCheck): MiddlewareHandler<AppEnv> {
  return async function authenticateCaller(c, next) {
    const caller = await resolve(c);
    if (caller?.orgId && (await members.roleOf(caller.orgId, caller.userId)) !== caller.personRole) {
      c.set('caller', null);
      c.set('refusal', membershipChanged());
    } else {
      c.set('caller', caller);
    }
    await next();
  };
}

const membershipChanged = () =>
  new DomainError(
    ErrorKind.unauthenticated,
    'auth.membership_changed',
    'Your place in the organisation changed (removed, or another role) since this token was issued: sign in again.',
  );

/** The verified caller, or the 401 that says why there is none. */
export function signedIn(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (caller) return caller;
  throw c.get('refusal') ?? requireCaller(caller);
}

/** The caller, for handlers behind `secured` (which guarantees one). */
export const callerOf = (c: Context<AppEnv>): Caller => signedIn(c);
