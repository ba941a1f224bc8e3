import type { Clock, PersonRole, Role } from '@parkbridge/domain/core';
import type { OrgRepository, UserRepository } from '@parkbridge/domain/orgs';
import type { MemberRepository } from '@parkbridge/domain/people';
import { rolesForKinds } from '@parkbridge/domain/users';

export interface SignedInUser {
  /** Cognito's `sub`: the user's id in Parkbridge too. */
  sub: string;
  email: string;
  name?: string | undefined;
}

export interface TokenClaims {
  orgId: string | null;
  /** The person's role in the organisation; null without one. */
  role: PersonRole | null;
  groups: Role[];
}

export interface TokenClaimsDeps {
  users: Pick<UserRepository, 'get' | 'createOrGet'>;
  orgs: Pick<OrgRepository, 'get'>;
  members: Pick<MemberRepository, 'roleOf'>;
  clock: Clock;
}

const NONE: TokenClaims = { orgId: null, role: null, groups: [] };

/**
 * The organisation, role and groups a token carries, from the table (the only source of truth):
 * the first sign-in creates the user (no organisation yet); the role is the person's in the
 * organisation; the groups follow the organisation's kinds.
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
  if (user.userId !== who.sub || !user.orgId) return NONE;
  const [org, role] = await Promise.all([
    deps.orgs.get(user.orgId),
    deps.members.roleOf(user.orgId, user.userId),
  ]);
  // No role: the membership ended between the two reads; the next sign-in tells the truth.
  return org && role ? { orgId: org.orgId, role, groups: rolesForKinds(org.kinds) } : NONE;
}
