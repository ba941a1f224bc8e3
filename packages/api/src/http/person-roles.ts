import {
  type Caller,
  isPersonRole,
  PERSON_ROLES,
  type PersonRole,
  type Role,
  requirePersonRole,
} from '@parkbridge/domain/core';

/**
 * Said by a changing route that any person may call whatever their role in the organisation (mark
 * a notification read, leave, accept an invitation, create an organisation without one yet).
 */
export const ANY_ROLE = 'anyRole';
export type PersonAdmit = PersonRole | typeof ANY_ROLE;

/** What `secured(...)` lists: kinds of organisation (the token's groups) and person roles. */
export type Admit = Role | PersonAdmit;

export function splitAdmits(admits: readonly Admit[]): { kinds: Role[]; people: PersonAdmit[] } {
  const people = admits.filter((a): a is PersonAdmit => a === ANY_ROLE || isPersonRole(a));
  return { kinds: admits.filter((a): a is Role => !people.includes(a as PersonAdmit)), people };
}

/**
 * The person roles a route admits, as the OpenAPI document states them (`x-person-roles`): the
 * ones it lists and always `admin`; every role when it lists none (reads) or says `anyRole`.
 */
export function admittedPeople(people: readonly PersonAdmit[]): PersonRole[] {
  if (!people.length || people.includes(ANY_ROLE)) return [...PERSON_ROLES];
  return PERSON_ROLES.filter((r) => r === 'admin' || people.includes(r));
}

/** The 403 step for the person's role (the table confirmed it when the request was authenticated). */
export function checkPersonRole(caller: Caller, people: readonly PersonAdmit[]): void {
  if (!people.length || people.includes(ANY_ROLE)) return;
  requirePersonRole(caller, ...(people as PersonRole[]));
}
