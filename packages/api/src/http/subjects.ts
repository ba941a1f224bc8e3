import type { Caller } from '@parkbridge/domain/core';
import { DomainError, ErrorKind, requireOrg } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/**
 * Resolves when the caller may see (or stands as required to) the thing a request's path names;
 * throws the domain's `not_found` (or, for a stance, `forbidden`) when it may not. `params` are
 * the request's path parameters.
 */
export type SubjectCheck = (caller: Caller, params: Record<string, string>) => Promise<unknown>;

/**
 * How a route requires the caller to stand to the thing its path names, beyond seeing it: the
 * checks a service makes on the thing before it reads the request's input, named once here and
 * declared by each route (`secured('supplier', 'ownListing')`). Another party's listing, need,
 * bid or booking is 404 to a writer; another park's operator is refused with 403 or 404 as the
 * service decides.
 */
export const STANCES = [
  'ownOrganisation',
  'ownListing',
  'ownNeed',
  'ownChain',
  'ownBid',
  'ownBooking',
  'dealBuyer',
  'dealSeller',
  'parkOperator',
  'expoOperator',
  'pavilionOperator',
  'slotOperator',
  'offeringOperator',
  'ownOfferingBid',
] as const;
export type Stance = (typeof STANCES)[number];

/** The checks of a set of routes: by path parameter (can the caller see it), and by stance. */
export interface Subjects {
  seen: Readonly<Record<string, SubjectCheck>>;
  stances: Readonly<Partial<Record<Stance, SubjectCheck>>>;
}

/**
 * Path parameters that name a part of the thing named before them (a chain's input, a need's
 * question): whoever may see the whole may ask about the part, so the whole's check answers.
 */
export const PART_PARAMETERS: Readonly<Record<string, string>> = { inputId: 'chainId', questionId: 'needId' };

// Ids are prefixed ULIDs, category codes a few letters or digits: anything else names nothing, so
// it is answered without a read (and a hostile value never reaches a key condition).
const PLAUSIBLE_ID = /^[\w.-]{1,100}$/;

/** Puts the checks of the mounted routes on every /v1 request, for the order of checks. */
export function provideSubjects(subjects: Subjects): MiddlewareHandler<AppEnv> {
  return async function subjectChecks(c, next) {
    c.set('subjects', subjects);
    await next();
  };
}

/** Merges the checks of several route groups (a Lambda function mounts some groups only). */
export function mergeSubjects(parts: readonly Partial<Subjects>[]): Subjects {
  return {
    seen: Object.assign({}, ...parts.map((p) => p.seen ?? {})),
    stances: Object.assign({}, ...parts.map((p) => p.stances ?? {})),
  };
}

/**
 * The refusal that comes before a later one, or null: `not_found` when the caller cannot see a
 * thing the path names, then the stance's own refusal (404 or 403) when the route declares one.
 * A check that cannot decide (a caller with no organisation) leaves the later refusal standing.
 */
export async function earlierRefusal(
  caller: Caller,
  params: Record<string, string>,
  subjects: Subjects,
  stance: Stance | null,
): Promise<DomainError | null> {
  const implausible = Object.entries(params).find(([, id]) => !PLAUSIBLE_ID.test(id));
  if (implausible) return unknown(implausible[0]);
  for (const [name] of Object.entries(params)) {
    const seen = name in PART_PARAMETERS ? undefined : subjects.seen[name];
    if (!seen) continue;
    const refusal = await refusalOf(() => seen(caller, params), [ErrorKind.notFound]);
    if (refusal) return refusal;
  }
  const check = stance ? subjects.stances[stance] : undefined;
  if (!check) return null;
  return refusalOf(() => check(caller, params), [ErrorKind.notFound, ErrorKind.forbidden]);
}

async function refusalOf(
  check: () => Promise<unknown>,
  kinds: readonly ErrorKind[],
): Promise<DomainError | null> {
  try {
    await check();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return kinds.includes(err.kind) ? err : null;
    throw err;
  }
}

const unknown = (param: string) => {
  const what = param.replace(/Id$/, '');
  return new DomainError(ErrorKind.notFound, `${what}.not_found`, `No such ${what}.`);
};

/**
 * Core's things, in every runtime: parks, organisations, certificates and notifications are seen
 * as their reads say; a park is acted on by its operator, an organisation by its members.
 */
export function coreSubjects(app: Container): Subjects {
  return {
    seen: {
      parkId: (_caller, { parkId = '' }) => app.parks.get(parkId),
      orgId: (_caller, { orgId = '' }) => app.orgs.get(orgId),
      certId: (caller, { orgId = '', certId = '' }) => app.certificates.visible(caller, orgId, certId),
      notificationId: (caller, { notificationId = '' }) => app.notifications.visible(caller, notificationId),
    },
    stances: {
      parkOperator: (caller, { parkId = '' }) => app.parks.requireOperated(requireOrg(caller).orgId, parkId),
      ownOrganisation: (caller, { orgId = '' }) => app.orgs.requireOwn(caller, orgId),
    },
  };
}
