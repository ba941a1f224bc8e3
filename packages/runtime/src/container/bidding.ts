import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import {
  DynamoBiddingNeedRepository,
  DynamoBidRepository,
  DynamoClosingScheduleRepository,
} from '@parkbridge/db/bids';
import {
  DynamoAwardRequestRepository,
  DynamoDealMessageRepository,
  DynamoDealRepository,
} from '@parkbridge/db/deals';
import { DynamoOfferingRepository } from '@parkbridge/db/offerings';
import { DynamoQuestionRepository } from '@parkbridge/db/questions';
import { DynamoReputationRepository } from '@parkbridge/db/reputation';
import { BidService, ClosingService } from '@parkbridge/domain/bids';
import { AwardService, DealRoomService, DealService } from '@parkbridge/domain/deals';
import { OfferingAwardService, OfferingBidService, OfferingService } from '@parkbridge/domain/offerings';
import { QuestionService } from '@parkbridge/domain/questions';
import type { CoreContext } from './core';

/** The bidding context: questions, bids, close and award, deals, reputation; park offerings (space to investors). */
export function createBiddingContext(db: Db, rules: Rules, core: CoreContext) {
  const repos = {
    needs: new DynamoBiddingNeedRepository(db),
    bids: new DynamoBidRepository(db),
    reputation: new DynamoReputationRepository(db),
    questions: new DynamoQuestionRepository(db),
    deals: new DynamoDealRepository(db),
    closing: new DynamoClosingScheduleRepository(db),
    dealMessages: new DynamoDealMessageRepository(db),
    awardRequests: new DynamoAwardRequestRepository(db),
    offerings: new DynamoOfferingRepository(db),
  };
  const biddingRules = {
    snipingWindowS: rules.snipingWindowS,
    maxSnipingExtensions: rules.maxSnipingExtensions,
  };
  const bids = new BidService({
    needs: repos.needs,
    bids: repos.bids,
    memberships: core.repos.memberships,
    certificates: core.repos.certificates,
    orgs: core.repos.orgs,
    reputation: repos.reputation,
    notifications: core.repos.notifications,
    clock: db.clock,
    rules: biddingRules,
    files: core.attachments,
    quotas: core.quotas,
  });
  const questions = new QuestionService({
    questions: repos.questions,
    needs: repos.needs,
    bids: repos.bids,
    memberships: core.repos.memberships,
    notifications: core.repos.notifications,
    clock: db.clock,
    rules: { questionGraceS: rules.questionGraceS, questionExtensionS: rules.questionExtensionS },
    quotas: core.quotas,
  });
  const awards = new AwardService({
    needs: repos.needs,
    bids: repos.bids,
    deals: repos.deals,
    requests: repos.awardRequests,
    orgs: core.repos.orgs,
    notifications: core.repos.notifications,
    clock: db.clock,
  });
  const closing = new ClosingService({
    schedule: repos.closing,
    needs: repos.needs,
    bids: repos.bids,
    notifications: core.repos.notifications,
    clock: db.clock,
  });
  const deals = new DealService(repos.deals, db.clock);
  const offerings = new OfferingService({
    offerings: repos.offerings,
    parks: core.repos.parks,
    notifications: core.repos.notifications,
    clock: db.clock,
    rules: { minBiddingWindowS: rules.minBiddingWindowS },
  });
  return {
    offerings,
    offeringBids: new OfferingBidService({
      offerings: repos.offerings,
      orgs: core.repos.orgs,
      certificates: core.repos.certificates,
      reputation: repos.reputation,
      notifications: core.repos.notifications,
      clock: db.clock,
      rules: biddingRules,
    }),
    offeringAwards: new OfferingAwardService({
      offerings: repos.offerings,
      memberships: core.repos.memberships,
      offeringService: offerings,
      notifications: core.repos.notifications,
      clock: db.clock,
    }),
    repos,
    closing,
    bids,
    questions,
    awards,
    deals,
    dealRoom: new DealRoomService({
      deals: repos.deals,
      messages: repos.dealMessages,
      orgs: core.repos.orgs,
      files: core.attachments,
      partyDeal: (caller, dealId) => deals.get(caller, dealId),
      clock: db.clock,
      quotas: core.quotas,
    }),
    /** For other contexts: matching reads suppliers' reputation through this port. */
    reputation: repos.reputation,
    /** The market context calls this after amending a need (a stream consumer does too). */
    markBidsForReconfirmation: (needId: string) => bids.markBidsForReconfirmation(needId),
    /** The market context calls this after cancelling a need (a stream consumer does too). */
    notifyNeedCancelled: (needId: string) => bids.notifyCancelled(needId),
  };
}
