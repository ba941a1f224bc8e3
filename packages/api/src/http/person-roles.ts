import {
  type Caller,
  DomainError,
  isPersonRole,
  PERSON_ROLES,
  type PersonRole,
  requirePersonRole,
} from '@parkbridge/domain/core';

/**
 * Said by a changing route that any person may call whatever their role in the organisation (mark
 * a notification read, leave, accept an invitation, create an organisation without one yet).
 */
export const ANY_ROLE = 'anyRole';
export type PersonAdmit = PersonRole | typeof ANY_ROLE;

/** The person roles among what a route's `secured(...)` lists. */
export const splitPeople = (admits: readonly string[]): PersonAdmit[] =>
  admits.filter((a): a is PersonAdmit => a === ANY_ROLE || isPersonRole(a));

/**
 * The person roles a route admits, as the OpenAPI document states them (`x-person-roles`): the
 * ones it lists and always `admin`; every role when it lists none (reads) or says `anyRole`.
 */
export function admittedPeople(people: readonly PersonAdmit[]): PersonRole[] {
  if (!people.length || people.includes(ANY_ROLE)) return [...PERSON_ROLES];
  return PERSON_ROLES.filter((r) => r === 'admin' || people.includes(r));
}

/**
 * The 403 step for the person's role (the table confirmed it when the request was authenticated),
 * or null when the route admits it.
 */
export function personRoleRefusal(caller: Caller, people: readonly PersonAdmit[]): DomainError | null {
  if (!people.length || people.includes(ANY_ROLE)) return null;
  try {
    requirePersonRole(caller, ...(people as PersonRole[]));
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}
