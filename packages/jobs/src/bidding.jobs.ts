import type { Container } from '@parkbridge/runtime';
import { becameStatus, needIdOf, scheduleChanged } from './bidding/need-changes';
import { outbidConsumer } from './bidding/outbid.consumer';
import type { ScheduledJob } from './schedules/job';
import type { StreamConsumer } from './stream/consumer';

/**
 * The bidding context's reactions to need changes (each its own Lambda in AWS, each idempotent:
 * they act on the need's current state and notify by dedupe key) and its timers. Amendments and
 * cancellations reach bidding through the market's need-event hooks (market.jobs.ts calls
 * `markBidsForReconfirmation` and `notifyNeedCancelled`), so they are not consumed twice here.
 */
export function biddingJobs(app: Container): { consumers: StreamConsumer[]; schedules: ScheduledJob[] } {
  const { closing, questions, awards } = app.bidding;
  const consumers: StreamConsumer[] = [
    {
      // Keeps the closing schedule in step with each need's status and effective close.
      name: 'bidding.closing-schedule',
      wants: scheduleChanged,
      handle: (c) => closing.track(needIdOf(c)),
    },
    {
      // Backstop of the award's own notices: every bidder learns the outcome.
      name: 'bidding.award-outcome',
      wants: (c) => becameStatus(c, 'awarded'),
      handle: async (c) => {
        await awards.notifyOutcome(needIdOf(c));
      },
    },
    outbidConsumer(app),
  ];
  const schedules: ScheduledJob[] = [
    {
      // Locally every 2 s; in AWS an EventBridge Scheduler rate schedule invokes it.
      name: 'bidding.close-needs',
      everyMs: 2_000,
      run: (now) => closing.closeDue(now),
    },
    {
      name: 'bidding.question-extensions',
      everyMs: 5_000,
      run: (now) => questions.extendForUnanswered(now),
    },
  ];
  return { consumers, schedules };
}
