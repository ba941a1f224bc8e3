import { reputationFromRatings } from '@parkbridge/domain/matching';
import { addHook } from '@parkbridge/domain/needs';
import type { Container } from '@parkbridge/runtime';
import { matchingConsumer, needEventsConsumer, needIndexConsumer } from './market';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/**
 * The market context's stream consumers. Nothing here runs on a timer: closing needs at their
 * deadline is the bidding context's, and matching reacts to the change.
 */
export function marketJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  connectBidding(app);
  return {
    consumers: [
      matchingConsumer(app.market.matching),
      needEventsConsumer(app.market.needEvents),
      needIndexConsumer(app.market.repos.needs),
    ],
    schedules: [],
  };
}

/**
 * Where the market meets the bidding context, in the processes that run these consumers:
 * buyers' ratings feed match scores, and amendments and cancellations reach the bids.
 */
function connectBidding(app: Container) {
  const bidding = app.bidding;
  app.market.ports.reputation = reputationFromRatings(bidding.reputation);
  addHook(app.market.needEvents.amendmentHooks, {
    name: 'bidding.reconfirm-bids',
    onAmended: async (need) => {
      await bidding.markBidsForReconfirmation(need.needId);
    },
  });
  addHook(app.market.needEvents.cancellationHooks, {
    name: 'bidding.notify-cancelled',
    onCancelled: async (need) => {
      await bidding.notifyNeedCancelled(need.needId);
    },
  });
}
