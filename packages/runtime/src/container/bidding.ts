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
import { DynamoQuestionRepository } from '@parkbridge/db/questions';
import { DynamoReputationRepository } from '@parkbridge/db/reputation';
import { BidService, ClosingService } from '@parkbridge/domain/bids';
import { AwardService, DealRoomService, DealService } from '@parkbridge/domain/deals';
import { QuestionService } from '@parkbridge/domain/questions';
import type { CoreContext } from './core';

/** The bidding context: questions, bids, close and award, deals, reputation. */
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
  return {
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
