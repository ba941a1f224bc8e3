import { type Caller, notFound, requireOrg } from '@parkbridge/domain/core';
import { requireSide } from '@parkbridge/domain/deals';
import { accessOf, ViewerResolver } from '@parkbridge/domain/needs';
import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';
import type { Subjects } from '../../http/subjects';
import { awardApprovalRoutes } from './award-approval.routes';
import { bidRoutes } from './bids.routes';
import { dealRoutes } from './deals.routes';
import { offeringRoutes } from './offerings.routes';
import { questionRoutes } from './questions.routes';

/** The bidding context's routes, mounted under /v1: questions, bids, award, deals, reputation. */
export function biddingRoutes(app: Container) {
  const router = createRouter();
  router.route('/', questionRoutes(app));
  router.route('/', bidRoutes(app));
  router.route('/', dealRoutes(app));
  router.route('/', awardApprovalRoutes(app));
  router.route('/', offeringRoutes(app));
  return router;
}

/**
 * A need as the market's read sees it (owner, park operator, eligible suppliers), acted on by its
 * owner or by a supplier through its own bid; a deal seen by its two parties, each taking its steps;
 * an offering seen by everyone once open, acted on by its park's operator or by a bidder through its bid.
 */
biddingRoutes.subjects = (app: Container): Partial<Subjects> => {
  const viewers = new ViewerResolver(app.repos.memberships, app.repos.parks);
  const need = (needId: string) => app.bidding.repos.needs.get(needId);
  const side =
    (by: 'buyer' | 'seller') =>
    async (caller: Caller, { dealId = '' }) =>
      requireSide(requireOrg(caller), await app.bidding.deals.get(caller, dealId), by);
  return {
    seen: {
      needId: async (caller, { needId = '' }) => {
        const found = await need(needId);
        if (!found || !(await viewers.sees(requireOrg(caller), accessOf(found)))) throw notFound('need');
      },
      dealId: (caller, { dealId = '' }) => app.bidding.deals.get(caller, dealId),
      offeringId: (caller, { offeringId = '' }) => app.bidding.offerings.get(caller, offeringId),
    },
    stances: {
      ownNeed: async (caller, { needId = '' }) => {
        if ((await need(needId))?.ownerOrgId !== requireOrg(caller).orgId) throw notFound('need');
      },
      ownBid: async (caller, { needId = '' }) => {
        if (!(await app.bidding.repos.bids.get(needId, requireOrg(caller).orgId))) throw notFound('bid');
      },
      offeringOperator: (caller, { offeringId = '' }) => app.bidding.offerings.operated(caller, offeringId),
      ownOfferingBid: async (caller, { offeringId = '' }) => {
        const { bid } = await app.bidding.repos.offerings.offeringAndBid(
          offeringId,
          requireOrg(caller).orgId,
        );
        if (!bid) throw notFound('bid');
      },
      dealBuyer: side('buyer'),
      dealSeller: side('seller'),
    },
  };
};
