import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoBidderReader } from '@parkbridge/db/bids';
import { DynamoChainRepository } from '@parkbridge/db/chains';
import { DynamoListingRepository } from '@parkbridge/db/listings';
import { DynamoMatchFacts, DynamoMatchRepository, DynamoMatchWorkQueue } from '@parkbridge/db/matching';
import { DynamoNeedRepository } from '@parkbridge/db/needs';
import { ChainService } from '@parkbridge/domain/chains';
import { ListingService } from '@parkbridge/domain/listings';
import {
  type MatchingOptions,
  MatchingService,
  MatchQueryService,
  neutralReputationReader,
  type ReputationReader,
} from '@parkbridge/domain/matching';
import {
  type BidderReader,
  type NeedAmendedHook,
  type NeedCancelledHook,
  NeedEventDispatcher,
  NeedService,
  NotifyBiddersOfAmendment,
  ViewerResolver,
} from '@parkbridge/domain/needs';
import type { CoreContext } from './core';

/**
 * Ports that another context implements and plugs in after wiring (the bidding context:
 * `container.market.ports.reputation = …`, `.bidders = …`, `container.market.needEvents.amendmentHooks`).
 * Services read them at each call, so the order of construction does not matter.
 */
export interface MarketPorts {
  /** Ratings and responsiveness for match scores; neutral for everyone until bidding provides them. */
  reputation: ReputationReader;
  /** Who bid on a need, to tell them about amendments. */
  bidders: BidderReader;
}

/** The market context: production chains, needs, listings, search and matching. */
export function createMarketContext(
  db: Db,
  rules: Rules,
  core: CoreContext,
  matching: Partial<MatchingOptions> = {},
) {
  const repos = {
    chains: new DynamoChainRepository(db),
    needs: new DynamoNeedRepository(db),
    listings: new DynamoListingRepository(db),
    matches: new DynamoMatchRepository(db),
    facts: new DynamoMatchFacts(db),
  };
  const ports: MarketPorts = { reputation: neutralReputationReader, bidders: new DynamoBidderReader(db) };
  const viewers = new ViewerResolver(core.repos.memberships, core.repos.parks);
  const chains = new ChainService(repos.chains, core.repos.memberships, core.parks, db.clock);
  const needs = new NeedService(
    repos.needs,
    chains,
    core.parks,
    core.repos.memberships,
    viewers,
    db.clock,
    rules,
    core.attachments,
    core.quotas,
  );
  const listings = new ListingService(
    repos.listings,
    core.repos.orgs,
    core.parks,
    core.repos.memberships,
    db.clock,
    core.quotas,
  );
  const amendmentHooks: NeedAmendedHook[] = [
    new NotifyBiddersOfAmendment(() => ports.bidders, core.repos.notifications),
  ];
  const cancellationHooks: NeedCancelledHook[] = [];
  return {
    repos,
    ports,
    viewers,
    chains,
    needs,
    listings,
    matching: new MatchingService({
      needs: repos.needs,
      listings: repos.listings,
      parks: core.repos.parks,
      orgs: core.repos.orgs,
      facts: repos.facts,
      matches: repos.matches,
      notifications: core.repos.notifications,
      work: new DynamoMatchWorkQueue(db),
      reputation: () => ports.reputation,
      clock: db.clock,
      options: matching,
    }),
    matches: new MatchQueryService(repos.matches, repos.needs, repos.listings, core.repos.orgs, db.clock),
    /** Hooks run off the stream after an amendment or a cancellation; other contexts add theirs. */
    needEvents: new NeedEventDispatcher(repos.needs, amendmentHooks, cancellationHooks),
  };
}

export type MarketContext = ReturnType<typeof createMarketContext>;
