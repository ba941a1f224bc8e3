import {
  type Caller,
  DomainError,
  ErrorKind,
  forbidden,
  hasRole,
  invalid,
  ROLES,
  type Role,
  staleVersion,
} from '@parkbridge/domain/core';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { signedIn } from './auth';
import type { AppEnv } from './env';
import { type PersonAdmit, personRoleRefusal, splitPeople } from './person-roles';
import { problemOf } from './problem';
import { earlierRefusal, STANCES, type Stance } from './subjects';

/**
 * Whom a route admits, one field per dimension of role: whether the caller must belong to an
 * organisation, the kinds of organisation admitted (the token's groups: tenant, supplier,
 * operator), the stance to the thing the path names (its owner, its park's operator...), and the
 * person's role inside the organisation (admin, buyer, seller, viewer; admin, staff).
 */
export interface Admits {
  /** False only for what a user without an organisation may do (create one, read public things). */
  organisation: boolean;
  /** Organisation kinds admitted; empty: any. */
  kinds: readonly Role[];
  /** How the caller must stand to the thing the path names, checked on the thing (subjects.ts). */
  stance: Stance | null;
  /** Person roles admitted (admins always); empty: every role, as reads are; `anyRole` for a change. */
  people: readonly PersonAdmit[];
}

/** What a route's `secured(...)` lists: a kind of organisation, a stance, `signedIn`, or a person role. */
export type Admit = Role | Stance | typeof SIGNED_IN | PersonAdmit;

/** Admits a signed-in user who has no organisation yet. */
export const SIGNED_IN = 'signedIn';

export function admitsOf(list: readonly Admit[]): Admits {
  const stances = list.filter((a): a is Stance => (STANCES as readonly string[]).includes(a));
  if (stances.length > 1) throw new Error(`A route takes one stance, not ${stances.join(', ')}.`);
  return {
    organisation: !list.includes(SIGNED_IN),
    kinds: list.filter((a): a is Role => (ROLES as readonly string[]).includes(a)),
    stance: stances[0] ?? null,
    people: splitPeople(list),
  };
}

/** One check per dimension of role the token decides: the 403 to answer, or null. */
type RoleCheck = (caller: Caller, admits: Admits) => DomainError | null;

const inAnOrganisation: RoleCheck = (caller, admits) =>
  admits.organisation && !caller.orgId
    ? forbidden('auth.no_organisation', 'Create or join an organisation first, then log in again.')
    : null;

const organisationKind: RoleCheck = (caller, { kinds }) =>
  kinds.length && !hasRole(caller, ...kinds)
    ? forbidden('auth.role_not_allowed', `This action needs the role ${kinds.join(' or ')}.`)
    : null;

const ROLE_CHECKS: readonly RoleCheck[] = [inAnOrganisation, organisationKind];

/**
 * The contract's order of checks, the same for every route: authentication (401) → can the
 * caller see the thing the path names (404) → role (403) → input (400) → If-Match (412) →
 * business rules (409/422). So nothing about someone else's thing leaks through a 403, a 400, a
 * 412 or a 422: whatever refuses a request after the 401, the caller first learns whether it may
 * see the thing, and an unseen thing is a 404 whatever the body, the headers or the rules.
 *
 * The 404 step is taken lazily. A request that passes every later step reaches the service, which
 * reads the thing and checks who sees it before its rules (as it always has), so an accepted
 * request costs no extra read. Only a request refused by a later step pays one: the subject
 * probes (subjects.ts) of its path parameters decide whether the refusal stands or is a 404.
 *
 * Input (400) is zod's validation of the route's schemas, which runs after this middleware;
 * If-Match (412) is read by the handler after validation. A versioned write that lost a race
 * answers 412 only to a client that sent If-Match (its version is stale now), 409 otherwise.
 */
export function inContractOrder(admits: Admits): MiddlewareHandler<AppEnv> {
  return async function orderOfChecks(c, next) {
    // 401 first, also for a token whose membership changed since it was issued (auth.ts).
    const caller = signedIn(c);
    const role = roleRefusal(caller, admits);
    // Refused by its kind: whether it sees the thing still comes first, its stance does not matter.
    if (role) throw (await earlier(c, caller, null)) ?? role;
    // A person's role inside the organisation: whether the thing is theirs (the stance) comes first.
    const person = personRoleRefusal(caller, admits.people);
    if (person) throw (await earlier(c, caller, admits.stance)) ?? person;
    const input = bodyRefusal(c);
    if (input) throw (await earlier(c, caller, admits.stance)) ?? input;
    await next();
    const refused = c.error;
    if (!refused || !outranksVisibility(refused)) return;
    const answer = (await earlier(c, caller, admits.stance)) ?? raceAnswer(c, refused);
    if (!(answer instanceof DomainError) || sameRefusal(answer, refused)) return;
    c.error = answer;
    c.res = undefined;
    c.res = problemOf(c, answer);
  };
}

const sameRefusal = (a: DomainError, b: Error) =>
  b instanceof DomainError && a.kind === b.kind && a.code === b.code;

function roleRefusal(caller: Caller, admits: Admits): DomainError | null {
  for (const check of ROLE_CHECKS) {
    const refusal = check(caller, admits);
    if (refusal) return refusal;
  }
  return null;
}

/** Refusals that come after "can the caller see it" in the order: 403, 400, 412, 409, 422. */
const LATER_KINDS: ReadonlySet<string> = new Set([
  ErrorKind.forbidden,
  ErrorKind.validation,
  ErrorKind.preconditionFailed,
  ErrorKind.conflict,
  ErrorKind.rule,
]);

function outranksVisibility(err: Error): boolean {
  if (err instanceof DomainError) return LATER_KINDS.has(err.kind);
  // Hono's own refusal of a body it cannot parse (malformed JSON) is input, too.
  return err instanceof HTTPException && err.status === 400;
}

async function earlier(c: Context<AppEnv>, caller: Caller, stance: Stance | null) {
  const subjects = c.get('subjects');
  if (!subjects) return null;
  return earlierRefusal(caller, c.req.param() as Record<string, string>, subjects, stance);
}

/** A lost race is stale only for a client that stated the version it read. */
function raceAnswer(c: Context<AppEnv>, err: Error): Error {
  if (
    err instanceof DomainError &&
    err.code === 'version.changed' &&
    c.req.header('if-match') !== undefined
  ) {
    return staleVersion();
  }
  return err;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Bodies are JSON in UTF-8, as the contract says: another media type, or JSON declared in another
 * charset (`application/json; charset=utf-16`), is refused before anything reads it.
 */
export function bodyRefusal(c: Context): DomainError | null {
  if (!WITH_BODY.has(c.req.method)) return null;
  const type = c.req.header('content-type');
  if (!type) return null;
  const [essence, ...parameters] = type.split(';').map((p) => p.trim());
  if (essence?.toLowerCase() !== 'application/json') {
    return invalid('request.unsupported_media_type', 'Send JSON (application/json).', [
      { path: 'content-type', message: 'Must be application/json.' },
    ]);
  }
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=').map((p) => p.trim());
    if (name?.toLowerCase() !== 'charset') continue;
    if (value.replace(/^"|"$/g, '').toLowerCase() !== 'utf-8') {
      return invalid('request.unsupported_charset', 'Send JSON in UTF-8.', [
        { path: 'content-type', message: 'The charset must be utf-8 (or left out).' },
      ]);
    }
  }
  return null;
}
