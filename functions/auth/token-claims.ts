import type { Clock, Role } from '@parkbridge/domain/core';
import type { OrgRepository, UserRepository } from '@parkbridge/domain/orgs';
import { rolesForKinds } from '@parkbridge/domain/users';

export interface SignedInUser {
  /** Cognito's `sub`: the user's id in Parkbridge too. */
  sub: string;
  email: string;
  name?: string | undefined;
}

export interface TokenClaims {
  orgId: string | null;
  groups: Role[];
}

export interface TokenClaimsDeps {
  users: Pick<UserRepository, 'get' | 'createOrGet'>;
  orgs: Pick<OrgRepository, 'get'>;
  clock: Clock;
}

/**
 * The organisation and groups a token carries, from the table (the only source of truth): the
 * first sign-in creates the user (no organisation yet); the groups follow the organisation's kinds.
 */
export async function tokenClaimsFor(deps: TokenClaimsDeps, who: SignedInUser): Promise<TokenClaims> {
  const user =
    (await deps.users.get(who.sub)) ??
    (await deps.users.createOrGet({
      userId: who.sub,
      email: who.email,
      name: who.name || (who.email.split('@')[0] ?? who.email),
      orgId: null,
      createdAt: deps.clock.now().toISOString(),
    }));
  // The email already belongs to another user id (a re-created Cognito account): grant nothing
  // until an operator links them (docs/operations.md).
  if (user.userId !== who.sub || !user.orgId) return { orgId: null, groups: [] };
  const org = await deps.orgs.get(user.orgId);
  return org ? { orgId: org.orgId, groups: rolesForKinds(org.kinds) } : { orgId: null, groups: [] };
}
