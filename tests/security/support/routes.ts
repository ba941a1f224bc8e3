import { NOTIFICATION_KINDS } from '@parkbridge/domain/notifications';
import type { RouteKey } from './openapi';
import {
  bidBody,
  certificateBody,
  chainBody,
  listingBody,
  type Member,
  needBody,
  offeringBidBody,
  offeringBody,
  type Scenario,
} from './scenario';

/** One request to a route: the values of its path, query, headers and body. */
export interface RouteCase {
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /** A caller of its own (a user or firm made for this request), instead of a scenario caller. */
  token?: string;
}

/**
 * How to call a route successfully. `build` makes what the request acts on (fresh each call for
 * a change, so every caller of the matrix meets the same state) and is never metered.
 */
export interface Recipe {
  /** The caller of the happy path: one of side A's, or `fresh` (build returns its token). */
  as: Member | 'fresh' | 'anonymous';
  /** The status of the happy path. */
  status: number;
  build(s: Scenario): Promise<RouteCase>;
}

const DAY = 86_400_000;
const later = (s: Scenario, ms: number) => new Date(s.h.container.clock.now().getTime() + ms).toISOString();

const parkBody = (n: string) => ({
  name: `Thang Long Industrial Park ${n}`,
  country: 'VN',
  location: { lat: 21.1397, lon: 105.7863 },
  currency: 'VND',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** The expo with one slot held: a floor plan with something on it. */
const expoWithAHold = async (s: Scenario): Promise<RouteCase> => {
  await s.hold();
  return { params: { expoId: await s.expo() } };
};

const ifMatch = async (s: Scenario, who: Member, path: string) => ({ 'if-match': await s.etag(who, path) });

let unsubscribed = 0;
/**
 * A link that turns one of the tenant's kinds off, a kind still on each time (so every post
 * changes something); once all were used, they are all turned back on.
 */
async function unsubscribeToken(s: Scenario): Promise<string> {
  const n = unsubscribed++ % NOTIFICATION_KINDS.length;
  if (n === 0) {
    const email = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, 'daily']));
    await s.h.mustSettle(200, 'PATCH', '/v1/me', { token: s.a.tenant.token, body: { email } });
  }
  return s.h.container.mail.tokens.sign(s.a.tenant.userId, NOTIFICATION_KINDS[n]!);
}

/**
 * The happy path of every route, keyed as in the OpenAPI document. The cost table, the matrix
 * and the fuzzer read this; a route without a recipe fails tests/security/coverage.test.ts.
 */
export const RECIPES: Record<RouteKey, Recipe> = {
  // Local development
  'POST /v1/dev/login': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ body: { email: s.a.tenant.email } }),
  },

  // Parks and categories
  'GET /v1/parks': { as: 'tenant', status: 200, build: async () => ({}) },
  'POST /v1/parks': {
    as: 'operator',
    status: 201,
    build: async (s) => ({ body: parkBody(s.h.unique('p')) }),
  },
  'GET /v1/parks/{parkId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId } }),
  },
  'PATCH /v1/parks/{parkId}': {
    as: 'operator',
    status: 200,
    build: async (s) => ({
      params: { parkId: s.a.parkId },
      headers: await ifMatch(s, 'operator', `/v1/parks/${s.a.parkId}`),
      body: { description: 'Steel, auto parts and food processing.' },
    }),
  },
  'GET /v1/public/parks': { as: 'anonymous', status: 200, build: async () => ({}) },
  'GET /v1/public/parks/{parkId}': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId } }),
  },
  'GET /v1/public/parks/{parkId}/firms': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId } }),
  },
  'GET /v1/suppliers': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      // The directory consumer is not running here: rebuild the supplier's entry as it would.
      await s.h.container.discovery.suppliers.refresh(s.a.supplier.orgId);
      return { query: { parkId: s.a.parkId } };
    },
  },
  'GET /v1/categories': { as: 'tenant', status: 200, build: async () => ({ query: { parent: 'C' } }) },
  'GET /v1/currencies': { as: 'tenant', status: 200, build: async () => ({}) },
  'GET /v1/categories/{code}': {
    as: 'tenant',
    status: 200,
    build: async () => ({ params: { code: '2410' } }),
  },

  // Organisations, memberships, certificates
  'POST /v1/orgs': {
    as: 'fresh',
    status: 201,
    build: async (s) => ({
      token: await s.h.login(s.h.unique('founder')),
      body: { name: 'Pars Auto Parts', kinds: ['tenant'], country: 'IR' },
    }),
  },
  'GET /v1/orgs/{orgId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.tenant.orgId } }),
  },
  'PATCH /v1/orgs/{orgId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { orgId: s.a.tenant.orgId },
      headers: await ifMatch(s, 'tenant', `/v1/orgs/${s.a.tenant.orgId}`),
      body: { description: 'Seamless and welded steel pipe.' },
    }),
  },
  'POST /v1/parks/{parkId}/memberships': {
    as: 'fresh',
    status: 201,
    build: async (s) => ({
      token: (await s.h.firm({ kinds: ['supplier'] })).token,
      params: { parkId: s.a.parkId },
      body: { as: ['supplier'] },
    }),
  },
  'GET /v1/parks/{parkId}/memberships': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId }, query: { status: 'approved' } }),
  },
  'GET /v1/memberships': { as: 'tenant', status: 200, build: async () => ({}) },
  'POST /v1/parks/{parkId}/memberships/{orgId}/approve': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId, orgId: await s.applicant() } }),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/reject': {
    as: 'operator',
    status: 200,
    build: async (s) => ({
      params: { parkId: s.a.parkId, orgId: await s.applicant() },
      body: { reason: 'Outside the park’s sectors.' },
    }),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/suspend': {
    as: 'operator',
    status: 200,
    build: async (s) => ({
      params: { parkId: s.a.parkId, orgId: await s.member() },
      body: { reason: 'Unpaid fees' },
    }),
  },
  'POST /v1/parks/{parkId}/memberships/{orgId}/reinstate': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId, orgId: await s.suspendedMember() } }),
  },
  'POST /v1/orgs/{orgId}/certificates': {
    as: 'supplier',
    status: 201,
    build: async (s) => ({ params: { orgId: s.a.supplier.orgId }, body: certificateBody() }),
  },
  'GET /v1/orgs/{orgId}/certificates': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.supplier.orgId } }),
  },
  'POST /v1/orgs/{orgId}/certificates/{certId}/verify': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.supplier.orgId, certId: await s.certificate() } }),
  },
  'POST /v1/orgs/{orgId}/certificates/{certId}/reject': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.supplier.orgId, certId: await s.certificate() } }),
  },

  // You, and your email
  'GET /v1/dev/mail': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ query: { to: s.a.tenant.email } }),
  },
  'GET /v1/me': { as: 'tenant', status: 200, build: async () => ({}) },
  'PATCH /v1/me': {
    as: 'tenant',
    status: 200,
    // No If-Match: each caller changes their own settings, whose versions differ.
    build: async () => ({ body: { timeZone: 'Asia/Tehran', email: { 'bid.lost': 'off' } } }),
  },
  'GET /v1/email/unsubscribe': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ query: { token: await unsubscribeToken(s) } }),
  },
  'POST /v1/email/unsubscribe': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ query: { token: await unsubscribeToken(s) } }),
  },
  // People of an organisation: members, roles, invitations
  'GET /v1/orgs/{orgId}/members': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.tenant.orgId } }),
  },
  'GET /v1/orgs/{orgId}/members/{userId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.tenant.orgId, userId: s.a.tenant.userId } }),
  },
  'PATCH /v1/orgs/{orgId}/members/{userId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      const { userId } = await s.newColleague('tenant', 'viewer');
      const path = `/v1/orgs/${s.a.tenant.orgId}/members/${userId}`;
      return {
        params: { orgId: s.a.tenant.orgId, userId },
        headers: await ifMatch(s, 'tenant', path),
        body: { role: 'buyer' },
      };
    },
  },
  'DELETE /v1/orgs/{orgId}/members/{userId}': {
    as: 'tenant',
    status: 204,
    build: async (s) => ({
      params: { orgId: s.a.tenant.orgId, userId: (await s.newColleague('tenant', 'viewer')).userId },
    }),
  },
  'POST /v1/orgs/{orgId}/invitations': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({
      params: { orgId: s.a.tenant.orgId },
      body: { email: s.h.unique('invitee'), role: 'buyer' },
    }),
  },
  'GET /v1/orgs/{orgId}/invitations': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.invitation();
      return { params: { orgId: s.a.tenant.orgId } };
    },
  },
  'DELETE /v1/orgs/{orgId}/invitations/{invitationId}': {
    as: 'tenant',
    status: 204,
    build: async (s) => ({
      params: { orgId: s.a.tenant.orgId, invitationId: (await s.invitation()).invitationId },
    }),
  },
  'GET /v1/invitations/mine': {
    as: 'fresh',
    status: 200,
    build: async (s) => ({ token: (await s.invitation()).inviteeToken }),
  },
  'POST /v1/invitations/{invitationId}/accept': {
    as: 'fresh',
    status: 201,
    build: async (s) => {
      const { invitationId, inviteeToken } = await s.invitation();
      return { token: inviteeToken, params: { invitationId } };
    },
  },

  // Notifications and audit
  'GET /v1/notifications': { as: 'tenant', status: 200, build: async () => ({ query: { unread: 'true' } }) },
  'POST /v1/notifications/{notificationId}/read': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { notificationId: await s.notification() } }),
  },
  'GET /v1/audit': { as: 'operator', status: 200, build: async (s) => ({ query: { entityId: s.a.parkId } }) },

  // Production chains (market)
  'POST /v1/chains': { as: 'tenant', status: 201, build: async (s) => ({ body: chainBody(s.a.parkId) }) },
  'GET /v1/chains': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.chain();
      return { query: { mine: 'true' } };
    },
  },
  'GET /v1/chains/{chainId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { chainId: (await s.chain()).chainId } }),
  },
  'PATCH /v1/chains/{chainId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      const { chainId } = await s.chain();
      return {
        params: { chainId },
        headers: await ifMatch(s, 'tenant', `/v1/chains/${chainId}`),
        body: { output: { category: '2420', name: 'Welded steel pipe' } },
      };
    },
  },
  'POST /v1/chains/{chainId}/inputs/{inputId}/need': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({ params: await s.chain(), body: { closesAt: later(s, 3 * DAY) } }),
  },

  // Needs (market)
  'POST /v1/needs': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({ body: needBody(s.a.parkId, later(s, 2 * DAY)) }),
  },
  'GET /v1/needs': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      await s.need();
      return { query: { category: '24', parkId: s.a.parkId, q: 'steel' } };
    },
  },
  'GET /v1/needs/{needId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.need() } }),
  },
  'PATCH /v1/needs/{needId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      const needId = await s.draftNeed();
      return {
        params: { needId },
        headers: await ifMatch(s, 'tenant', `/v1/needs/${needId}`),
        body: { quantity: 150 },
      };
    },
  },
  'POST /v1/needs/{needId}/publish': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.draftNeed() } }),
  },
  'POST /v1/needs/{needId}/cancel': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.bid() }, body: { reason: 'The order was cancelled.' } }),
  },
  'POST /v1/needs/{needId}/extend': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.need() }, body: { closesAt: later(s, 5 * DAY) } }),
  },
  'POST /v1/needs/{needId}/amend': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { needId: await s.bid() },
      body: { quantity: 120, reason: 'The mill needs more.' },
    }),
  },
  'GET /v1/needs/{needId}/amendments': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      const needId = await s.bid();
      await s.amend(needId);
      return { params: { needId } };
    },
  },

  // Listings and matching (market)
  'POST /v1/listings': { as: 'supplier', status: 201, build: async () => ({ body: listingBody() }) },
  'GET /v1/listings': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.listing();
      return { query: { category: '24', q: 'steel' } };
    },
  },
  'GET /v1/listings/{listingId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { listingId: await s.listing() } }),
  },
  'PATCH /v1/listings/{listingId}': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      const listingId = await s.listing();
      return {
        params: { listingId },
        headers: await ifMatch(s, 'supplier', `/v1/listings/${listingId}`),
        body: { leadTimeDays: 7 },
      };
    },
  },
  'DELETE /v1/listings/{listingId}': {
    as: 'supplier',
    status: 204,
    build: async (s) => {
      const listingId = await s.listing();
      return { params: { listingId }, headers: await ifMatch(s, 'supplier', `/v1/listings/${listingId}`) };
    },
  },
  'GET /v1/needs/{needId}/matches': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.matchedNeed() } }),
  },
  'GET /v1/matches': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      await s.matchedNeed();
      return {};
    },
  },

  // Questions
  'POST /v1/needs/{needId}/questions': {
    as: 'supplier',
    status: 201,
    build: async (s) => ({ params: { needId: await s.need() }, body: { text: 'Which mill certificate?' } }),
  },
  'POST /v1/needs/{needId}/questions/{questionId}/answer': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: await s.question(), body: { text: 'EN 10204 3.1.' } }),
  },
  'GET /v1/needs/{needId}/questions': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: (await s.question()).needId } }),
  },

  // Bids
  'POST /v1/needs/{needId}/bids': {
    as: 'supplier',
    status: 201,
    build: async (s) => ({ params: { needId: await s.need() }, body: bidBody(1000) }),
  },
  'GET /v1/needs/{needId}/bids': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.bid() } }),
  },
  'GET /v1/needs/{needId}/bids/mine': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { needId: await s.bid() } }),
  },
  'PUT /v1/needs/{needId}/bids/mine': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      const needId = await s.bid();
      return {
        params: { needId },
        headers: await ifMatch(s, 'supplier', `/v1/needs/${needId}/bids/mine`),
        body: bidBody(900),
      };
    },
  },
  'DELETE /v1/needs/{needId}/bids/mine': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      const needId = await s.bid();
      return { params: { needId }, headers: await ifMatch(s, 'supplier', `/v1/needs/${needId}/bids/mine`) };
    },
  },
  'POST /v1/needs/{needId}/bids/mine/reconfirm': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      const needId = await s.bid();
      await s.amend(needId);
      return { params: { needId }, headers: await ifMatch(s, 'supplier', `/v1/needs/${needId}/bids/mine`) };
    },
  },
  'GET /v1/needs/{needId}/bids/mine/revisions': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { needId: await s.bid() } }),
  },
  'GET /v1/needs/{needId}/auction': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { needId: await s.bid({ mode: 'auction' }) } }),
  },

  // The park's production-chain map
  // Four eyes on large awards
  'GET /v1/needs/{needId}/award/request': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.pendingAward() } }),
  },
  'POST /v1/needs/{needId}/award/approve': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({ params: { needId: await s.pendingAward() } }),
  },
  'POST /v1/needs/{needId}/award/decline': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { needId: await s.pendingAward() } }),
  },
  'GET /v1/orgs/{orgId}/award-requests': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.pendingAward();
      return { params: { orgId: s.a.tenant.orgId } };
    },
  },

  'GET /v1/parks/{parkId}/chain-map': {
    as: 'operator',
    status: 200,
    build: async (s) => {
      await s.chain();
      return { params: { parkId: s.a.parkId } };
    },
  },
  'GET /v1/parks/{parkId}/chain-map/edges': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId }, query: { kind: 'declared' } }),
  },
  'GET /v1/parks/{parkId}/chain-map.csv': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { parkId: s.a.parkId } }),
  },

  // Awards, deals, reputation
  'POST /v1/needs/{needId}/award': {
    as: 'tenant',
    status: 201,
    build: async (s) => {
      const { needId, bidId } = await s.awardable();
      return { params: { needId }, body: { bidId } };
    },
  },
  // Park space offered to investors
  'POST /v1/parks/{parkId}/offerings': {
    as: 'operator',
    status: 201,
    build: async (s) => ({ params: { parkId: s.a.parkId }, body: offeringBody(later(s, 2 * DAY)) }),
  },
  'GET /v1/parks/{parkId}/offerings': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.offering();
      return { params: { parkId: s.a.parkId } };
    },
  },
  'GET /v1/public/parks/{parkId}/offerings': {
    as: 'anonymous',
    status: 200,
    build: async (s) => {
      await s.offering();
      return { params: { parkId: s.a.parkId }, query: { kind: 'workshop' } };
    },
  },
  'GET /v1/public/offerings/{offeringId}': {
    as: 'anonymous',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering()).offeringId } }),
  },
  'GET /v1/offerings/{offeringId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering()).offeringId } }),
  },
  'POST /v1/offerings/{offeringId}/publish': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering({ draft: true })).offeringId } }),
  },
  'POST /v1/offerings/{offeringId}/cancel': {
    as: 'operator',
    status: 200,
    build: async (s) => ({
      params: { offeringId: (await s.offering()).offeringId },
      body: { reason: 'The unit goes to the park’s own training centre.' },
    }),
  },
  'POST /v1/offerings/{offeringId}/bids': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({
      params: { offeringId: (await s.offering()).offeringId },
      body: offeringBidBody(2_000_000),
    }),
  },
  'GET /v1/offerings/{offeringId}/bids/mine': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering({ bidBy: 'tenant' })).offeringId } }),
  },
  'PUT /v1/offerings/{offeringId}/bids/mine': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { offeringId: (await s.offering({ bidBy: 'tenant' })).offeringId },
      body: offeringBidBody(2_100_000),
    }),
  },
  'DELETE /v1/offerings/{offeringId}/bids/mine': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering({ bidBy: 'tenant' })).offeringId } }),
  },
  'GET /v1/offerings/{offeringId}/bids': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { offeringId: (await s.offering({ bidBy: 'tenant' })).offeringId } }),
  },
  'GET /v1/offerings/{offeringId}/auction': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { offeringId: (await s.offering({ mode: 'auction', bidBy: 'tenant' })).offeringId },
    }),
  },
  'POST /v1/offerings/{offeringId}/award': {
    as: 'operator',
    status: 201,
    build: async (s) => {
      const { offeringId, bidId } = await s.offering({ bidBy: 'supplier', closed: true });
      return { params: { offeringId }, body: { bidId } };
    },
  },

  'GET /v1/deals': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      await s.deal();
      return { query: { role: 'seller' } };
    },
  },
  'GET /v1/deals/{dealId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal() } }),
  },
  'POST /v1/deals/{dealId}/confirm': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal('awarded') } }),
  },
  'POST /v1/deals/{dealId}/deliver': {
    as: 'supplier',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal('confirmed') } }),
  },
  'POST /v1/deals/{dealId}/accept-delivery': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal('delivered') } }),
  },
  'POST /v1/deals/{dealId}/cancel': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { dealId: await s.deal('confirmed') },
      body: { reason: 'The line was retooled; we no longer need the parts.' },
    }),
  },
  'POST /v1/deals/{dealId}/rate': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({
      params: { dealId: await s.deal('accepted') },
      body: { score: 5, comment: 'On time, as specified.' },
    }),
  },
  'GET /v1/deals/{dealId}/messages': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal() } }),
  },
  'POST /v1/deals/{dealId}/messages': {
    as: 'supplier',
    status: 201,
    build: async (s) => ({
      params: { dealId: await s.deal() },
      body: { text: 'The coil ships on Monday.' },
    }),
  },
  'GET /v1/deals/{dealId}/purchase-order': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { dealId: await s.deal() } }),
  },

  // Documents
  'POST /v1/uploads': {
    as: 'tenant',
    status: 201,
    build: async () => ({
      body: { purpose: 'need', fileName: 'drawing.pdf', contentType: 'application/pdf', size: 2048 },
    }),
  },
  'POST /v1/uploads/{uploadId}/complete': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { uploadId: await s.file('tenant') } }),
  },
  'GET /v1/attachments/{attachmentId}': {
    as: 'tenant',
    status: 302,
    build: async (s) => ({ params: { attachmentId: await s.file('tenant', { attachedToNeed: true }) } }),
  },
  'GET /v1/orgs/{orgId}/reputation': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { orgId: s.a.supplier.orgId } }),
  },

  // Expos, pavilions, slots, bookings
  'POST /v1/expos': {
    as: 'operator',
    status: 201,
    build: async (s) => ({
      body: {
        parkId: s.a.parkId,
        name: 'Autumn supplier days',
        startsAt: later(s, 40 * DAY),
        endsAt: later(s, 42 * DAY),
        venue: 'Hall 2',
      },
    }),
  },
  'GET /v1/expos': { as: 'tenant', status: 200, build: async (s) => ({ query: { parkId: s.a.parkId } }) },
  'GET /v1/expos/{expoId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { expoId: await s.expo() } }),
  },
  'POST /v1/expos/{expoId}/pavilions': {
    as: 'operator',
    status: 201,
    build: async (s) => ({
      params: { expoId: await s.expo() },
      body: { name: 'Hall B', themes: ['29'], floor: { width: 60, depth: 30 } },
    }),
  },
  'GET /v1/pavilions/{pavilionId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { pavilionId: await s.pavilionId() } }),
  },
  'GET /v1/public/expos/{expoId}': { as: 'anonymous', status: 200, build: expoWithAHold },
  'GET /v1/expos/{expoId}/floorplan': { as: 'tenant', status: 200, build: expoWithAHold },
  'GET /v1/expos/{expoId}/stats': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { expoId: await s.expo() } }),
  },
  'GET /v1/expos/{expoId}/bookings': {
    as: 'operator',
    status: 200,
    build: async (s) => {
      await s.hold();
      return { params: { expoId: await s.expo() } };
    },
  },
  'POST /v1/pavilions/{pavilionId}/slots': {
    as: 'operator',
    status: 201,
    build: async (s) => {
      const { pavilionId, body } = await s.slotBody({ ownPavilion: true });
      return { params: { pavilionId }, body };
    },
  },
  'GET /v1/pavilion-recommendations': {
    as: 'supplier',
    status: 200,
    build: async (s) => {
      await s.listing();
      return { query: { expoId: await s.expo() } };
    },
  },
  'GET /v1/slots/{slotId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { slotId: await s.slot() } }),
  },
  'PATCH /v1/slots/{slotId}': {
    as: 'operator',
    status: 200,
    build: async (s) => {
      const slotId = await s.slot();
      // Kind and area only: a new code or rectangle would contend with the slots other tests add
      // to the shared pavilion at the same time (409 pavilion.layout_changed, by design).
      return {
        params: { slotId },
        headers: await ifMatch(s, 'operator', `/v1/slots/${slotId}`),
        body: { kind: 'corner', area: 3.5 },
      };
    },
  },
  'POST /v1/slots/{slotId}/hold': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({ params: { slotId: await s.slot() } }),
  },
  'POST /v1/slots/{slotId}/waitlist': {
    as: 'tenant',
    status: 201,
    build: async (s) => ({ params: { slotId: await s.takenSlot() } }),
  },
  'GET /v1/slots/{slotId}/waitlist': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { slotId: await s.waitlisted() } }),
  },
  'DELETE /v1/slots/{slotId}/waitlist': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { slotId: await s.waitlisted() } }),
  },
  'GET /v1/bookings': {
    as: 'tenant',
    status: 200,
    build: async (s) => {
      await s.hold();
      return { query: { mine: 'true' } };
    },
  },
  'GET /v1/bookings/{bookingId}': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { bookingId: await s.hold() } }),
  },
  'POST /v1/bookings/{bookingId}/submit': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { bookingId: await s.hold() }, body: s.exhibitor }),
  },
  'POST /v1/bookings/{bookingId}/approve': {
    as: 'operator',
    status: 200,
    build: async (s) => ({ params: { bookingId: await s.requestedBooking() } }),
  },
  'POST /v1/bookings/{bookingId}/reject': {
    as: 'operator',
    status: 200,
    build: async (s) => ({
      params: { bookingId: await s.requestedBooking() },
      body: { reason: 'The booth is reserved for the park’s sponsor.' },
    }),
  },
  'POST /v1/bookings/{bookingId}/cancel': {
    as: 'tenant',
    status: 200,
    build: async (s) => ({ params: { bookingId: await s.hold() }, body: { reason: 'Plans changed.' } }),
  },
};
