import type { RouteKey } from '../security/support/openapi';

/**
 * What a route is, for its DynamoDB budget (issue 9):
 * - `read`: one entity, at most 1 round trip;
 * - `list`: a page of a list (or a view computed from one), at most 2 round trips;
 * - `change`: a state change, exactly one write round trip (one TransactWriteItems, or one
 *   conditional single-item write), whatever it read first;
 * - `local`: absent from the deployed stack, not budgeted (still never a Scan).
 * No route ever issues a Scan.
 */
export type BudgetKind = 'read' | 'list' | 'change' | 'local';

export interface Limits {
  maxCalls?: number;
  maxWrites?: number;
  minWrites?: number;
}

export const LIMITS: Record<BudgetKind, Limits> = {
  read: { maxCalls: 1 },
  list: { maxCalls: 2 },
  change: { maxWrites: 1, minWrites: 1 },
  local: {},
};

export interface Budget {
  kind: BudgetKind;
  /** A justified exception: these limits instead of the kind's, and why. */
  exception?: Limits & { reason: string };
  /**
   * A route over its budget that its owners must fix: the test holds it to what it costs today
   * (it may not get worse) and fails once it is fixed, so the entry gets removed. Listed as an
   * open finding in docs/performance.md.
   */
  open?: Limits & { finding: string };
}

const read: Budget = { kind: 'read' };
const list: Budget = { kind: 'list' };
const change: Budget = { kind: 'change' };

/** Every route of the OpenAPI document; tests/perf/route-costs.test.ts fails on one missing here. */
export const BUDGETS: Record<RouteKey, Budget> = {
  'POST /v1/dev/login': { kind: 'local' },
  'GET /v1/dev/mail': { kind: 'local' },

  'GET /v1/me': {
    kind: 'read',
    exception: {
      maxCalls: 3,
      reason:
        'The person and their settings are one Query; the firm’s country (for the default language and zone) and the suppression list are one GetItem each.',
    },
  },
  'PATCH /v1/me': change,
  'GET /v1/email/unsubscribe': {
    kind: 'read',
    exception: {
      maxCalls: 3,
      reason: 'As GET /v1/me: the link’s person and settings, their firm’s country, the suppression list.',
    },
  },
  'POST /v1/email/unsubscribe': change,

  'GET /v1/parks': list,
  'POST /v1/parks': change,
  'GET /v1/parks/{parkId}': read,
  'PATCH /v1/parks/{parkId}': change,
  // Static ISIC data shipped with the code: no DynamoDB call at all.
  'GET /v1/categories': list,
  'GET /v1/currencies': read,
  'GET /v1/categories/{code}': read,

  'GET /v1/public/parks': list,
  'GET /v1/public/parks/{parkId}': {
    kind: 'read',
    exception: {
      maxCalls: 4,
      reason:
        'Sent at once: the park, the chain map’s counters per category (one item each) and its summary, and the park’s expos that have not ended (one Query).',
    },
  },
  'GET /v1/public/parks/{parkId}/firms': {
    kind: 'list',
    exception: {
      maxCalls: 3,
      reason:
        'The park (404 for an unknown one), a page of its approved members, their organisations (one BatchGetItem).',
    },
  },
  'GET /v1/suppliers': list,

  'POST /v1/orgs': change,
  'GET /v1/orgs/{orgId}': read,
  'PATCH /v1/orgs/{orgId}': change,
  'POST /v1/parks/{parkId}/memberships': change,
  'GET /v1/parks/{parkId}/memberships': list,
  'GET /v1/memberships': list,
  'POST /v1/parks/{parkId}/memberships/{orgId}/approve': change,
  'POST /v1/parks/{parkId}/memberships/{orgId}/reject': change,
  'POST /v1/parks/{parkId}/memberships/{orgId}/suspend': change,
  'POST /v1/parks/{parkId}/memberships/{orgId}/reinstate': change,
  'POST /v1/orgs/{orgId}/certificates': change,
  'GET /v1/orgs/{orgId}/certificates': list,
  'POST /v1/orgs/{orgId}/certificates/{certId}/verify': change,
  'POST /v1/orgs/{orgId}/certificates/{certId}/reject': change,

  'GET /v1/orgs/{orgId}/members': list,
  'GET /v1/orgs/{orgId}/members/{userId}': {
    kind: 'read',
    exception: {
      maxCalls: 2,
      reason:
        'The member (their role), and the person’s name and address, which stay on the user’s own item.',
    },
  },
  'PATCH /v1/orgs/{orgId}/members/{userId}': change,
  'DELETE /v1/orgs/{orgId}/members/{userId}': change,
  'POST /v1/orgs/{orgId}/invitations': {
    kind: 'change',
    exception: {
      maxWrites: 2,
      reason:
        'The invitation (one transaction), then its email in the outbox, a write of its own keyed by the invitation (planned twice, sent once): the secret in its link exists only in this request.',
    },
  },
  'GET /v1/orgs/{orgId}/invitations': list,
  'DELETE /v1/orgs/{orgId}/invitations/{invitationId}': change,
  'GET /v1/invitations/mine': list,
  'POST /v1/invitations/{invitationId}/accept': change,

  'GET /v1/notifications': list,
  'POST /v1/notifications/{notificationId}/read': change,
  'GET /v1/audit': {
    kind: 'list',
    exception: {
      maxCalls: 3,
      reason:
        'The entity’s newest record first (one item): it says whether the caller may see the thing at all (another firm’s draft is 404, as the thing itself), then the page and the parks it names.',
    },
  },

  'POST /v1/chains': change,
  'GET /v1/chains': list,
  'GET /v1/chains/{chainId}': read,
  'PATCH /v1/chains/{chainId}': change,
  'POST /v1/chains/{chainId}/inputs/{inputId}/need': change,

  'POST /v1/needs': change,
  'GET /v1/needs': list,
  'GET /v1/needs/{needId}': read,
  'PATCH /v1/needs/{needId}': change,
  'POST /v1/needs/{needId}/publish': change,
  'POST /v1/needs/{needId}/cancel': change,
  'POST /v1/needs/{needId}/extend': change,
  'POST /v1/needs/{needId}/amend': change,
  'GET /v1/needs/{needId}/amendments': list,

  'POST /v1/listings': change,
  'GET /v1/listings': list,
  'GET /v1/listings/{listingId}': read,
  'PATCH /v1/listings/{listingId}': change,
  'DELETE /v1/listings/{listingId}': change,
  'GET /v1/needs/{needId}/matches': list,
  'GET /v1/matches': list,

  'POST /v1/needs/{needId}/questions': change,
  'POST /v1/needs/{needId}/questions/{questionId}/answer': change,
  'GET /v1/needs/{needId}/questions': list,

  'POST /v1/needs/{needId}/bids': change,
  'GET /v1/needs/{needId}/bids': list,
  'GET /v1/needs/{needId}/bids/mine': read,
  'PUT /v1/needs/{needId}/bids/mine': change,
  'DELETE /v1/needs/{needId}/bids/mine': change,
  'POST /v1/needs/{needId}/bids/mine/reconfirm': change,
  'GET /v1/needs/{needId}/bids/mine/revisions': list,
  'GET /v1/needs/{needId}/auction': list,

  'GET /v1/parks/{parkId}/chain-map': list,
  'GET /v1/parks/{parkId}/chain-map/edges': list,
  // The map's two Queries; a park with more edges than the map carries adds one Query per further page.
  'GET /v1/parks/{parkId}/chain-map.csv': list,

  'POST /v1/needs/{needId}/award': change,
  'GET /v1/needs/{needId}/award/request': {
    kind: 'read',
    exception: {
      maxCalls: 2,
      reason: 'The need (whether the caller’s organisation owns it) and its pending award request.',
    },
  },
  'POST /v1/needs/{needId}/award/approve': change,
  'POST /v1/needs/{needId}/award/decline': change,
  'GET /v1/orgs/{orgId}/award-requests': list,

  'POST /v1/parks/{parkId}/offerings': change,
  'GET /v1/parks/{parkId}/offerings': list,
  'GET /v1/public/parks/{parkId}/offerings': list,
  'GET /v1/public/offerings/{offeringId}': read,
  'GET /v1/offerings/{offeringId}': read,
  'POST /v1/offerings/{offeringId}/publish': change,
  'POST /v1/offerings/{offeringId}/cancel': change,
  'POST /v1/offerings/{offeringId}/bids': change,
  'GET /v1/offerings/{offeringId}/bids/mine': read,
  'PUT /v1/offerings/{offeringId}/bids/mine': change,
  'DELETE /v1/offerings/{offeringId}/bids/mine': change,
  'GET /v1/offerings/{offeringId}/bids': list,
  'GET /v1/offerings/{offeringId}/auction': list,
  'POST /v1/offerings/{offeringId}/award': change,
  'GET /v1/deals': list,
  'GET /v1/deals/{dealId}': read,
  'POST /v1/deals/{dealId}/confirm': change,
  'POST /v1/deals/{dealId}/deliver': change,
  'POST /v1/deals/{dealId}/accept-delivery': change,
  'POST /v1/deals/{dealId}/cancel': change,
  'POST /v1/deals/{dealId}/rate': change,
  'GET /v1/orgs/{orgId}/reputation': read,
  'GET /v1/deals/{dealId}/messages': list,
  'POST /v1/deals/{dealId}/messages': change,
  'GET /v1/deals/{dealId}/purchase-order': {
    kind: 'read',
    exception: {
      maxCalls: 5,
      maxWrites: 1,
      reason:
        'The deal (who may see it), its purchase order number and the buyer’s counter (read together), the two parties’ names; the first read also numbers the order (one transaction).',
    },
  },
  'POST /v1/uploads': {
    kind: 'change',
    exception: {
      maxWrites: 2,
      reason:
        'The quota is taken first, in a conditional write of its own (the upload allowance), so that a caller past its limit is refused before a presigned POST exists; then the upload item.',
    },
  },
  'POST /v1/uploads/{uploadId}/complete': change,
  'GET /v1/attachments/{attachmentId}': {
    kind: 'read',
    exception: {
      maxCalls: 4,
      reason:
        'The file (which thing it is on), then who may see that thing: a need and the caller’s standing in its park, as GET /v1/needs/{needId} reads it.',
    },
  },

  'POST /v1/expos': change,
  'GET /v1/expos': list,
  'GET /v1/expos/{expoId}': read,
  'POST /v1/expos/{expoId}/pavilions': change,
  'GET /v1/pavilions/{pavilionId}': read,
  'GET /v1/expos/{expoId}/floorplan': list,
  'GET /v1/public/expos/{expoId}': list,
  'GET /v1/expos/{expoId}/stats': list,
  'GET /v1/expos/{expoId}/bookings': list,
  'POST /v1/pavilions/{pavilionId}/slots': change,
  'GET /v1/pavilion-recommendations': list,
  'GET /v1/slots/{slotId}': read,
  'PATCH /v1/slots/{slotId}': change,
  'POST /v1/slots/{slotId}/hold': change,
  'POST /v1/slots/{slotId}/waitlist': change,
  'GET /v1/slots/{slotId}/waitlist': read,
  'DELETE /v1/slots/{slotId}/waitlist': change,
  'GET /v1/bookings': list,
  'GET /v1/bookings/{bookingId}': read,
  'POST /v1/bookings/{bookingId}/submit': change,
  'POST /v1/bookings/{bookingId}/approve': change,
  'POST /v1/bookings/{bookingId}/reject': change,
  'POST /v1/bookings/{bookingId}/cancel': change,
};

/** The limits a route is held to, and where they come from. */
export function limitsOf(budget: Budget): { limits: Limits; source: 'kind' | 'exception' | 'open' } {
  if (budget.open) return { limits: { ...LIMITS[budget.kind], ...stripText(budget.open) }, source: 'open' };
  if (budget.exception)
    return { limits: { ...LIMITS[budget.kind], ...stripText(budget.exception) }, source: 'exception' };
  return { limits: LIMITS[budget.kind], source: 'kind' };
}

function stripText(l: Limits & { reason?: string; finding?: string }): Limits {
  const { reason: _r, finding: _f, ...limits } = l;
  return limits;
}

/** The ways `measured` breaks `limits` (empty: within them). */
export function overruns(limits: Limits, measured: { calls: number; writes: number }): string[] {
  const out: string[] = [];
  if (limits.maxCalls !== undefined && measured.calls > limits.maxCalls)
    out.push(`${measured.calls} round trips > ${limits.maxCalls}`);
  if (limits.maxWrites !== undefined && measured.writes > limits.maxWrites)
    out.push(`${measured.writes} write round trips > ${limits.maxWrites}`);
  if (limits.minWrites !== undefined && measured.writes < limits.minWrites)
    out.push(`${measured.writes} write round trips < ${limits.minWrites}`);
  return out;
}
