import type { RouteKey } from './support/openapi';
import { CALLERS, type CallerName } from './support/scenario';

/**
 * Who may call what: every route of the API × every kind of caller, with the status each must
 * get on the route's happy-path request (tests/security/support/routes.ts makes the resource on
 * side A: the "own" callers belong to the organisations and the park that own it, the "other"
 * callers to a second park with its own firms). The rules it encodes:
 *
 * - no token: 401 on every /v1 route but the local dev login;
 * - the contract's order of checks: whether the caller may see the thing its path names comes
 *   before its role, so a resource the caller may not see is 404 whatever its role (never 403);
 * - a role the route does not admit (or no organisation at all), on a thing the caller sees: 403;
 * - a public resource (a park, an expo, an organisation's profile) that the caller may see but
 *   not change: 403 or 404, as long as nothing private is revealed;
 * - business rules stay what they are (409 for a state conflict, 422 for a rule), and are
 *   listed so that a change of them is seen.
 *
 * tests/security/matrix.test.ts runs it against the app; docs/security.md renders it
 * (`npm run perf:doc`). A route without a row fails tests/security/coverage.test.ts.
 */

/** Statuses in the order of CALLERS. */
export type MatrixRow = readonly [number, number, number, number, number, number, number, number];

export interface MatrixEntry {
  expect: MatrixRow;
  note?: string;
}

//             anon  ten  sup   op  oTen oSup  oOp  new
const row = (...s: MatrixRow) => s;

export const MATRIX: Record<RouteKey, MatrixEntry> = {
  'POST /v1/dev/login': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Local server only (absent from the deployed stack): no token needed.',
  },

  'GET /v1/parks': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'POST /v1/parks': { expect: row(401, 403, 403, 201, 403, 403, 201, 403) },
  'GET /v1/parks/{parkId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'PATCH /v1/parks/{parkId}': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
    note: 'A park is public: another operator may see it, not change it (403).',
  },
  'GET /v1/categories': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/currencies': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/categories/{code}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },

  'GET /v1/public/parks': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Public by contract (workflow 11): no token needed; a token changes nothing.',
  },
  'GET /v1/public/parks/{parkId}': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Counts and open expos only: no drafts, no needs’ text, no bids, no slot holders.',
  },
  'GET /v1/public/parks/{parkId}/firms': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Only members that chose `publicProfile`.',
  },
  'GET /v1/suppliers': {
    expect: row(401, 200, 200, 200, 200, 200, 200, 403),
    note: 'Any member of an organisation may browse the supplier directory.',
  },

  'POST /v1/orgs': {
    expect: row(401, 409, 409, 409, 409, 409, 409, 201),
    note: 'A user belongs to one organisation: 409 for everyone who has one.',
  },
  'GET /v1/orgs/{orgId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'PATCH /v1/orgs/{orgId}': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'POST /v1/parks/{parkId}/memberships': {
    expect: row(401, 422, 409, 403, 422, 201, 403, 403),
    note: 'The request applies as supplier: a tenant-only firm has not declared that kind (422); side A’s supplier is a member already (409); any other supplier may apply.',
  },
  'GET /v1/parks/{parkId}/memberships': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },
  'GET /v1/memberships': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'POST /v1/parks/{parkId}/memberships/{orgId}/approve': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/reject': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/suspend': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/reinstate': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
  },
  'POST /v1/orgs/{orgId}/certificates': { expect: row(401, 404, 201, 404, 404, 404, 404, 403) },
  'GET /v1/orgs/{orgId}/certificates': {
    expect: row(401, 200, 200, 200, 200, 200, 200, 200),
    note: 'Everyone may list; others than the firm see verified certificates only.',
  },
  'POST /v1/orgs/{orgId}/certificates/{certId}/verify': {
    expect: row(401, 404, 403, 200, 404, 404, 404, 404),
    note: 'A claimed certificate is private to the firm and the operators of parks it applied to: another park’s operator gets 404.',
  },
  'POST /v1/orgs/{orgId}/certificates/{certId}/reject': {
    expect: row(401, 404, 403, 200, 404, 404, 404, 404),
    note: 'As verify.',
  },
  'GET /v1/orgs/{orgId}/reputation': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },

  'GET /v1/dev/mail': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Local server only (absent from the deployed stack): what the local SMTP server received.',
  },
  'GET /v1/me': {
    expect: row(401, 200, 200, 200, 200, 200, 200, 200),
    note: 'Everyone signed in has their own settings, with or without an organisation.',
  },
  'PATCH /v1/me': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/email/unsubscribe': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'No login: the signed token in the link is the proof, whoever (or no one) sends it. A forged token answers 404.',
  },
  'POST /v1/email/unsubscribe': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'One-click unsubscribe (RFC 8058): the token alone decides, and it can only turn mail off.',
  },
  'GET /v1/orgs/{orgId}/members': {
    expect: row(401, 200, 404, 404, 404, 404, 404, 403),
    note: 'An organisation’s people are its own business: anyone else gets 404.',
  },
  'GET /v1/orgs/{orgId}/members/{userId}': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'PATCH /v1/orgs/{orgId}/members/{userId}': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'DELETE /v1/orgs/{orgId}/members/{userId}': {
    expect: row(401, 204, 404, 404, 404, 404, 404, 403),
    note: 'An admin removes anyone but the last admin; every member may remove themselves (leave).',
  },
  'POST /v1/orgs/{orgId}/invitations': { expect: row(401, 201, 404, 404, 404, 404, 404, 403) },
  'GET /v1/orgs/{orgId}/invitations': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'DELETE /v1/orgs/{orgId}/invitations/{invitationId}': {
    expect: row(401, 204, 404, 404, 404, 404, 404, 403),
  },
  'GET /v1/invitations/mine': {
    expect: row(401, 200, 200, 200, 200, 200, 200, 200),
    note: 'Each caller’s own invitations, by the address they signed up with (a newcomer’s too).',
  },
  'POST /v1/invitations/{invitationId}/accept': {
    expect: row(401, 404, 404, 404, 404, 404, 404, 404),
    note: 'Only the invited address accepts (the recipe’s own caller, 201): to everyone else, the inviting admin too, the invitation does not exist.',
  },
  'GET /v1/notifications': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'POST /v1/notifications/{notificationId}/read': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'GET /v1/audit': {
    expect: row(401, 403, 403, 200, 403, 403, 200, 403),
    note: 'Operators only; records tied to a park are filtered to that park’s operator (another operator gets an empty page).',
  },

  'POST /v1/chains': {
    expect: row(401, 201, 403, 403, 422, 403, 403, 403),
    note: 'A tenant of another park cannot declare a chain in this one (422, the park is public).',
  },
  'GET /v1/chains': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'GET /v1/chains/{chainId}': {
    expect: row(401, 200, 404, 200, 404, 404, 404, 403),
    note: 'Its owner and the operator of its park.',
  },
  'PATCH /v1/chains/{chainId}': { expect: row(401, 200, 404, 403, 404, 404, 404, 403) },
  'POST /v1/chains/{chainId}/inputs/{inputId}/need': { expect: row(401, 201, 404, 403, 404, 404, 404, 403) },

  'POST /v1/needs': {
    expect: row(401, 201, 403, 403, 422, 403, 403, 403),
    note: 'A tenant of another park cannot post a need for delivery to this one (422).',
  },
  'GET /v1/needs': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'GET /v1/needs/{needId}': {
    expect: row(401, 200, 200, 200, 404, 200, 404, 403),
    note: 'An open public need: its owner, the park’s operator and approved suppliers (of any park).',
  },
  'PATCH /v1/needs/{needId}': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'POST /v1/needs/{needId}/publish': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'POST /v1/needs/{needId}/cancel': { expect: row(401, 200, 403, 403, 404, 403, 404, 403) },
  'POST /v1/needs/{needId}/extend': { expect: row(401, 200, 403, 403, 404, 403, 404, 403) },
  'POST /v1/needs/{needId}/amend': { expect: row(401, 200, 403, 403, 404, 403, 404, 403) },
  'GET /v1/needs/{needId}/amendments': { expect: row(401, 200, 200, 200, 404, 200, 404, 403) },

  'POST /v1/listings': { expect: row(401, 403, 201, 403, 403, 201, 403, 403) },
  'GET /v1/listings': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'GET /v1/listings/{listingId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'PATCH /v1/listings/{listingId}': { expect: row(401, 403, 200, 403, 403, 404, 403, 403) },
  'DELETE /v1/listings/{listingId}': { expect: row(401, 403, 204, 403, 403, 404, 403, 403) },
  'GET /v1/needs/{needId}/matches': {
    expect: row(401, 200, 404, 404, 404, 404, 404, 403),
    note: 'The owner’s view: everyone else gets 404.',
  },
  'GET /v1/matches': { expect: row(401, 403, 200, 403, 403, 200, 403, 403) },

  'POST /v1/needs/{needId}/questions': { expect: row(401, 403, 201, 403, 404, 201, 404, 403) },
  'POST /v1/needs/{needId}/questions/{questionId}/answer': {
    expect: row(401, 200, 403, 403, 404, 403, 404, 403),
  },
  'GET /v1/needs/{needId}/questions': {
    expect: row(401, 200, 200, 403, 404, 200, 404, 403),
    note: 'Questions are for the owner and the suppliers who can bid: the park’s operator sees the need but is a role not admitted (403); a tenant or operator of another park does not see it (404).',
  },

  'POST /v1/needs/{needId}/bids': { expect: row(401, 403, 201, 403, 404, 201, 404, 403) },
  'GET /v1/needs/{needId}/bids': { expect: row(401, 200, 403, 403, 404, 403, 404, 403) },
  'GET /v1/needs/{needId}/bids/mine': { expect: row(401, 403, 200, 403, 404, 404, 404, 403) },
  'PUT /v1/needs/{needId}/bids/mine': { expect: row(401, 403, 200, 403, 404, 404, 404, 403) },
  'DELETE /v1/needs/{needId}/bids/mine': { expect: row(401, 403, 200, 403, 404, 404, 404, 403) },
  'POST /v1/needs/{needId}/bids/mine/reconfirm': { expect: row(401, 403, 200, 403, 404, 404, 404, 403) },
  'GET /v1/needs/{needId}/bids/mine/revisions': {
    expect: row(401, 403, 200, 403, 404, 200, 404, 403),
    note: 'The caller’s own revisions: another supplier who may see the need gets an empty page.',
  },
  'GET /v1/needs/{needId}/auction': { expect: row(401, 403, 200, 403, 404, 404, 404, 403) },
  'POST /v1/needs/{needId}/award': { expect: row(401, 201, 403, 403, 404, 403, 404, 403) },

  'GET /v1/needs/{needId}/award/request': {
    expect: row(401, 200, 403, 403, 404, 403, 404, 403),
    note: 'Four eyes: the award a buyer asked for waits for another admin of the need’s owner.',
  },
  'POST /v1/needs/{needId}/award/approve': { expect: row(401, 201, 403, 403, 404, 403, 404, 403) },
  'POST /v1/needs/{needId}/award/decline': { expect: row(401, 200, 403, 403, 404, 403, 404, 403) },
  'GET /v1/orgs/{orgId}/award-requests': { expect: row(401, 200, 403, 403, 404, 403, 403, 403) },
  'POST /v1/parks/{parkId}/offerings': {
    expect: row(401, 403, 403, 201, 403, 403, 403, 403),
    note: 'Only the park’s operator offers its space; another park’s operator sees the park, not its pen (403).',
  },
  'GET /v1/parks/{parkId}/offerings': {
    expect: row(401, 200, 200, 200, 200, 200, 200, 200),
    note: 'Open offerings are for every investor, member or not; drafts only for the operator.',
  },
  'GET /v1/public/parks/{parkId}/offerings': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Public: open offerings without a token, so an investor not yet in the park finds them.',
  },
  'GET /v1/public/offerings/{offeringId}': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'Public: an open offering without a token.',
  },
  'GET /v1/offerings/{offeringId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'POST /v1/offerings/{offeringId}/publish': {
    expect: row(401, 404, 404, 200, 404, 404, 404, 404),
    note: 'A draft offering exists only for its park’s operator.',
  },
  'POST /v1/offerings/{offeringId}/cancel': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
    note: 'An open offering is public: others see it, only its operator cancels (403).',
  },
  'POST /v1/offerings/{offeringId}/bids': {
    expect: row(401, 201, 201, 422, 201, 201, 201, 403),
    note: 'Any organisation may bid on park space, but not the park’s own operator (422); no organisation yet: 403.',
  },
  'GET /v1/offerings/{offeringId}/bids/mine': {
    expect: row(401, 200, 404, 404, 404, 404, 404, 403),
    note: 'The bid is keyed by the caller’s organisation: nobody reaches another’s.',
  },
  'PUT /v1/offerings/{offeringId}/bids/mine': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'DELETE /v1/offerings/{offeringId}/bids/mine': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'GET /v1/offerings/{offeringId}/bids': {
    expect: row(401, 403, 403, 200, 403, 403, 403, 403),
    note: 'The park’s operator only; before the close a count, after it the bids side by side.',
  },
  'GET /v1/offerings/{offeringId}/auction': {
    expect: row(401, 200, 404, 404, 404, 404, 404, 403),
    note: 'A bidder’s own standing; without a bid there is none (404).',
  },
  'POST /v1/offerings/{offeringId}/award': {
    expect: row(401, 403, 403, 201, 403, 403, 403, 403),
    note: 'The park’s operator, after the close; the winner becomes a tenant of the park.',
  },

  'GET /v1/parks/{parkId}/chain-map': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },
  'GET /v1/parks/{parkId}/chain-map/edges': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },
  'GET /v1/parks/{parkId}/chain-map.csv': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },

  'GET /v1/deals': { expect: row(401, 200, 200, 403, 200, 200, 403, 403) },
  'GET /v1/deals/{dealId}': { expect: row(401, 200, 200, 404, 404, 404, 404, 403) },
  'POST /v1/deals/{dealId}/confirm': { expect: row(401, 403, 200, 404, 404, 404, 404, 403) },
  'POST /v1/deals/{dealId}/deliver': { expect: row(401, 403, 200, 404, 404, 404, 404, 403) },
  'POST /v1/deals/{dealId}/accept-delivery': { expect: row(401, 200, 403, 404, 404, 404, 404, 403) },
  'POST /v1/deals/{dealId}/cancel': {
    expect: row(401, 200, 200, 404, 404, 404, 404, 403),
    note: 'Either side of the deal, before delivery.',
  },
  'POST /v1/deals/{dealId}/rate': {
    expect: row(401, 200, 200, 404, 404, 404, 404, 403),
    note: 'Each side of the deal rates once.',
  },

  'GET /v1/deals/{dealId}/messages': {
    expect: row(401, 200, 200, 404, 404, 404, 404, 403),
    note: "The deal room is the two parties' own: anyone else, the park's operator too, gets 404.",
  },
  'POST /v1/deals/{dealId}/messages': { expect: row(401, 201, 201, 404, 404, 404, 404, 403) },
  'GET /v1/deals/{dealId}/purchase-order': { expect: row(401, 200, 200, 404, 404, 404, 404, 403) },

  'POST /v1/uploads': {
    expect: row(401, 201, 201, 201, 201, 201, 201, 403),
    note: 'Any member of an organisation may upload; the file is its organisation’s until attached.',
  },
  'POST /v1/uploads/{uploadId}/complete': {
    expect: row(401, 200, 404, 404, 404, 404, 404, 403),
    note: 'An upload is its organisation’s alone until attached.',
  },
  'GET /v1/attachments/{attachmentId}': {
    expect: row(401, 302, 302, 302, 404, 302, 404, 403),
    note: "A file on an open public need: whoever sees the need (its owner, the park's operator, any approved supplier); others 404.",
  },

  'POST /v1/expos': { expect: row(401, 403, 403, 201, 403, 403, 403, 403) },
  'GET /v1/expos': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/expos/{expoId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'POST /v1/expos/{expoId}/pavilions': { expect: row(401, 403, 403, 201, 403, 403, 403, 403) },
  'GET /v1/pavilions/{pavilionId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/expos/{expoId}/floorplan': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'GET /v1/public/expos/{expoId}': {
    expect: row(200, 200, 200, 200, 200, 200, 200, 200),
    note: 'The floor plan without holders, for anyone (cached publicly): an expo is public.',
  },
  'GET /v1/expos/{expoId}/stats': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },
  'GET /v1/expos/{expoId}/bookings': { expect: row(401, 403, 403, 200, 403, 403, 403, 403) },
  'POST /v1/pavilions/{pavilionId}/slots': { expect: row(401, 403, 403, 201, 403, 403, 403, 403) },
  'GET /v1/pavilion-recommendations': {
    expect: row(401, 200, 200, 403, 200, 200, 403, 403),
    note: 'For firms (tenants and suppliers) of any park: expos are public.',
  },
  'GET /v1/slots/{slotId}': { expect: row(401, 200, 200, 200, 200, 200, 200, 200) },
  'PATCH /v1/slots/{slotId}': {
    expect: row(401, 403, 403, 200, 403, 403, 404, 403),
    note: 'Only the operator of the expo’s park; another park’s operator learns nothing of the slot (404).',
  },
  'POST /v1/slots/{slotId}/hold': {
    expect: row(401, 201, 201, 403, 201, 201, 403, 403),
    note: 'Any firm may hold a free slot, inside the park or not.',
  },
  'POST /v1/slots/{slotId}/waitlist': {
    expect: row(401, 201, 409, 403, 201, 201, 403, 403),
    note: 'Side A’s supplier holds the slot already (409).',
  },
  'GET /v1/slots/{slotId}/waitlist': { expect: row(401, 200, 404, 403, 404, 404, 403, 403) },
  'DELETE /v1/slots/{slotId}/waitlist': { expect: row(401, 200, 404, 403, 404, 404, 403, 403) },
  'GET /v1/bookings': { expect: row(401, 200, 200, 200, 200, 200, 200, 403) },
  'GET /v1/bookings/{bookingId}': {
    expect: row(401, 200, 404, 200, 404, 404, 404, 403),
    note: 'Its organisation and the park’s operator.',
  },
  'POST /v1/bookings/{bookingId}/submit': { expect: row(401, 200, 404, 404, 404, 404, 404, 403) },
  'POST /v1/bookings/{bookingId}/approve': { expect: row(401, 403, 404, 200, 404, 404, 404, 403) },
  'POST /v1/bookings/{bookingId}/reject': { expect: row(401, 403, 404, 200, 404, 404, 404, 403) },
  'POST /v1/bookings/{bookingId}/cancel': { expect: row(401, 200, 404, 200, 404, 404, 404, 403) },
};

export const expectedStatus = (entry: MatrixEntry, caller: CallerName): number =>
  entry.expect[CALLERS.indexOf(caller)] as number;
