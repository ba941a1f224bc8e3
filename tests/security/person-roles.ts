import { expectedStatus, MATRIX } from './authorization-matrix';
import type { RouteKey } from './support/openapi';
import { type PersonCaller, personOf } from './support/scenario';

/**
 * The role dimension of the authorisation matrix: which person roles each route admits, beside
 * the organisation's kinds and its relation to the thing (authorization-matrix.ts). Admins are
 * always admitted; `all` admits every role (reads, and the few changes anyone may make: leave,
 * mark a notification read, accept an invitation, found an organisation).
 *
 * tests/security/person-roles.test.ts holds each route's `x-person-roles` (what `secured(...)`
 * declares) to this table, and sends every route's happy-path request as a buyer, a seller and a
 * viewer of each firm of the matrix and as the staff of each park authority. Each must get what
 * the organisation's admin gets in the same relation when the route admits the role, 403 when it
 * does not (the role is checked before the thing is read), or what `except` says: outcomes that
 * depend on the thing, not the route (which side of a deal the firm is on, four eyes on awards).
 * docs/security.md renders it (`npm run perf:doc`).
 */
export type Admits = 'all' | readonly ('buyer' | 'seller' | 'viewer' | 'staff')[];

export interface PersonRoleEntry {
  admits: Admits;
  except?: Partial<Record<PersonCaller, number>>;
  note?: string;
}

const all: PersonRoleEntry = { admits: 'all' };
/** A public route: no token, so no person role (as POST /v1/dev/login). */
const open: PersonRoleEntry = { admits: 'all', note: 'Public: no token, no person role.' };
const admin: PersonRoleEntry = { admits: [] };
const buyer: PersonRoleEntry = { admits: ['buyer'] };
const seller: PersonRoleEntry = { admits: ['seller'] };
const staff: PersonRoleEntry = { admits: ['staff'] };

/** A deal between side A's tenant (buyer) and supplier (seller): each side's other role is refused. */
const dealSides = (admits: Admits, note: string): PersonRoleEntry => ({
  admits,
  except: { 'tenant:seller': 403, 'supplier:buyer': 403 },
  note,
});

export const PERSON_ROLES: Record<RouteKey, PersonRoleEntry> = {
  'POST /v1/dev/login': { admits: 'all', note: 'Local server only; no token.' },
  'GET /v1/dev/mail': { admits: 'all', note: 'Local server only; no token.' },
  // You and your email: each person's own settings, whatever their role.
  'GET /v1/me': all,
  'PATCH /v1/me': all,
  'GET /v1/email/unsubscribe': open,
  'POST /v1/email/unsubscribe': open,
  // Finding things: the public park pages, and the directory every member may search.
  'GET /v1/public/parks': open,
  'GET /v1/public/parks/{parkId}': open,
  'GET /v1/public/parks/{parkId}/firms': open,
  'GET /v1/suppliers': all,

  'GET /v1/currencies': all,
  'GET /v1/parks': all,
  'POST /v1/parks': staff,
  'GET /v1/parks/{parkId}': all,
  'PATCH /v1/parks/{parkId}': staff,
  'GET /v1/categories': all,
  'GET /v1/categories/{code}': all,

  'POST /v1/orgs': all,
  'GET /v1/orgs/{orgId}': all,
  'PATCH /v1/orgs/{orgId}': { admits: [], note: 'The profile and the four-eyes threshold are the admins’.' },
  'POST /v1/parks/{parkId}/memberships': admin,
  'GET /v1/parks/{parkId}/memberships': all,
  'GET /v1/memberships': all,
  'POST /v1/parks/{parkId}/memberships/{orgId}/approve': staff,
  'POST /v1/parks/{parkId}/memberships/{orgId}/reject': staff,
  'POST /v1/parks/{parkId}/memberships/{orgId}/suspend': staff,
  'POST /v1/parks/{parkId}/memberships/{orgId}/reinstate': staff,
  'POST /v1/orgs/{orgId}/certificates': admin,
  'GET /v1/orgs/{orgId}/certificates': all,
  'POST /v1/orgs/{orgId}/certificates/{certId}/verify': staff,
  'POST /v1/orgs/{orgId}/certificates/{certId}/reject': staff,
  'GET /v1/orgs/{orgId}/reputation': all,

  'GET /v1/orgs/{orgId}/members': all,
  'GET /v1/orgs/{orgId}/members/{userId}': all,
  'PATCH /v1/orgs/{orgId}/members/{userId}': admin,
  'DELETE /v1/orgs/{orgId}/members/{userId}': {
    admits: 'all',
    except: { 'tenant:buyer': 403, 'tenant:seller': 403, 'tenant:viewer': 403 },
    note: 'Anyone may leave; only an admin removes someone else (here: another person of the firm).',
  },
  'POST /v1/orgs/{orgId}/invitations': admin,
  'GET /v1/orgs/{orgId}/invitations': admin,
  'DELETE /v1/orgs/{orgId}/invitations/{invitationId}': admin,
  'GET /v1/invitations/mine': all,
  'POST /v1/invitations/{invitationId}/accept': all,

  'GET /v1/notifications': all,
  'POST /v1/notifications/{notificationId}/read': all,
  'GET /v1/audit': all,

  'POST /v1/chains': buyer,
  'GET /v1/chains': all,
  'GET /v1/chains/{chainId}': all,
  'PATCH /v1/chains/{chainId}': buyer,
  'POST /v1/chains/{chainId}/inputs/{inputId}/need': buyer,

  'POST /v1/needs': buyer,
  'GET /v1/needs': all,
  'GET /v1/needs/{needId}': all,
  'PATCH /v1/needs/{needId}': buyer,
  'POST /v1/needs/{needId}/publish': buyer,
  'POST /v1/needs/{needId}/cancel': buyer,
  'POST /v1/needs/{needId}/extend': buyer,
  'POST /v1/needs/{needId}/amend': buyer,
  'GET /v1/needs/{needId}/amendments': all,

  'POST /v1/listings': seller,
  'GET /v1/listings': all,
  'GET /v1/listings/{listingId}': all,
  'PATCH /v1/listings/{listingId}': seller,
  'DELETE /v1/listings/{listingId}': seller,
  'GET /v1/needs/{needId}/matches': all,
  'GET /v1/matches': all,

  'POST /v1/needs/{needId}/questions': seller,
  'POST /v1/needs/{needId}/questions/{questionId}/answer': buyer,
  'GET /v1/needs/{needId}/questions': all,

  'POST /v1/needs/{needId}/bids': seller,
  'GET /v1/needs/{needId}/bids': all,
  'GET /v1/needs/{needId}/bids/mine': all,
  'PUT /v1/needs/{needId}/bids/mine': seller,
  'DELETE /v1/needs/{needId}/bids/mine': seller,
  'POST /v1/needs/{needId}/bids/mine/reconfirm': seller,
  'GET /v1/needs/{needId}/bids/mine/revisions': all,
  'GET /v1/needs/{needId}/auction': all,
  'POST /v1/needs/{needId}/award': {
    admits: ['buyer'],
    except: { 'tenant:buyer': 202 },
    note: 'Four eyes: side A’s tenant asks a second admin above 50,000 IRR; its buyer’s award of 100,000 waits (202).',
  },
  'GET /v1/needs/{needId}/award/request': all,
  'POST /v1/needs/{needId}/award/approve': {
    admits: [],
    note: 'Another admin than the one who asked (a buyer asked here).',
  },
  'POST /v1/needs/{needId}/award/decline': {
    admits: ['buyer'],
    note: 'An admin, or the buyer who asked (side A’s buyer asked here) withdrawing it.',
  },
  'GET /v1/orgs/{orgId}/award-requests': admin,

  'POST /v1/parks/{parkId}/offerings': staff,
  'GET /v1/parks/{parkId}/offerings': all,
  'GET /v1/public/parks/{parkId}/offerings': open,
  'GET /v1/public/offerings/{offeringId}': open,
  'GET /v1/offerings/{offeringId}': all,
  'POST /v1/offerings/{offeringId}/publish': staff,
  'POST /v1/offerings/{offeringId}/cancel': staff,
  'POST /v1/offerings/{offeringId}/bids': {
    admits: ['buyer'],
    note: 'Park space is bought or leased: the firm’s buyers (and admins) bid for it.',
  },
  'GET /v1/offerings/{offeringId}/bids/mine': all,
  'PUT /v1/offerings/{offeringId}/bids/mine': buyer,
  'DELETE /v1/offerings/{offeringId}/bids/mine': buyer,
  'GET /v1/offerings/{offeringId}/bids': all,
  'GET /v1/offerings/{offeringId}/auction': all,
  'POST /v1/offerings/{offeringId}/award': staff,

  'GET /v1/parks/{parkId}/chain-map': all,
  'GET /v1/parks/{parkId}/chain-map/edges': all,
  'GET /v1/parks/{parkId}/chain-map.csv': all,

  'GET /v1/deals': all,
  'GET /v1/deals/{dealId}': all,
  'POST /v1/deals/{dealId}/confirm': seller,
  'POST /v1/deals/{dealId}/deliver': seller,
  'POST /v1/deals/{dealId}/accept-delivery': buyer,
  'POST /v1/deals/{dealId}/cancel': dealSides(['buyer', 'seller'], 'Each side by its own role.'),
  'POST /v1/deals/{dealId}/rate': dealSides(['buyer', 'seller'], 'Each side by its own role.'),
  'GET /v1/deals/{dealId}/messages': dealSides(
    'all',
    'The deal room is each side’s buyers or sellers (and admins and viewers): a firm’s sales team does not read its purchasing deals.',
  ),
  'POST /v1/deals/{dealId}/messages': dealSides(['buyer', 'seller'], 'As the deal room’s reads.'),
  'GET /v1/deals/{dealId}/purchase-order': dealSides('all', 'As the deal room.'),

  'POST /v1/uploads': {
    admits: ['buyer', 'seller', 'staff'],
    note: 'Files go on needs, bids, certificates and deal messages: anyone but a viewer.',
  },
  'POST /v1/uploads/{uploadId}/complete': { admits: ['buyer', 'seller', 'staff'] },
  'GET /v1/attachments/{attachmentId}': all,

  'POST /v1/expos': staff,
  'GET /v1/expos': all,
  'GET /v1/expos/{expoId}': all,
  'POST /v1/expos/{expoId}/pavilions': staff,
  'GET /v1/pavilions/{pavilionId}': all,
  'GET /v1/expos/{expoId}/floorplan': all,
  'GET /v1/public/expos/{expoId}': open,
  'GET /v1/expos/{expoId}/stats': all,
  'GET /v1/expos/{expoId}/bookings': all,
  'POST /v1/pavilions/{pavilionId}/slots': staff,
  'GET /v1/pavilion-recommendations': all,
  'GET /v1/slots/{slotId}': all,
  'PATCH /v1/slots/{slotId}': staff,
  'POST /v1/slots/{slotId}/hold': seller,
  'POST /v1/slots/{slotId}/waitlist': seller,
  'GET /v1/slots/{slotId}/waitlist': all,
  'DELETE /v1/slots/{slotId}/waitlist': {
    admits: ['seller'],
    // Everyone may see the slot; only the place in its queue is missing (404 to its admins): the role comes first.
    except: Object.fromEntries(
      (['supplier', 'otherTenant', 'otherSupplier'] as const).flatMap((r) => [
        [`${r}:buyer`, 403],
        [`${r}:viewer`, 403],
      ]),
    ),
  },
  'GET /v1/bookings': all,
  'GET /v1/bookings/{bookingId}': all,
  'POST /v1/bookings/{bookingId}/submit': seller,
  'POST /v1/bookings/{bookingId}/approve': staff,
  'POST /v1/bookings/{bookingId}/reject': staff,
  'POST /v1/bookings/{bookingId}/cancel': { admits: ['seller', 'staff'] },
};

export const admitsRole = (entry: PersonRoleEntry, role: string) =>
  entry.admits === 'all' || role === 'admin' || (entry.admits as readonly string[]).includes(role);

/** What a person caller must get on a route's happy-path request. */
export function expectedForPerson(key: RouteKey, caller: PersonCaller): number {
  const entry = PERSON_ROLES[key];
  const matrix = MATRIX[key];
  if (!entry || !matrix) throw new Error(`${key} is not in the matrix or the role dimension`);
  const except = entry.except?.[caller];
  if (except !== undefined) return except;
  const { relation, role } = personOf(caller);
  const admin = expectedStatus(matrix, relation);
  if (admitsRole(entry, role)) return admin;
  // The order of checks: a person who may not see the thing learns only that (404), before their role.
  return admin === 401 || admin === 404 ? admin : 403;
}
