import type { MailDispatcher } from '@parkbridge/domain/mail';
import type { ScheduledJob } from '../schedules/job';

/**
 * Sends what the outbox holds that is due: instant emails within a run of being planned, digests
 * at 08:00 in each person's zone, retries after their backoff. It needs a transport, so it is not
 * among allJobs(): the mail function runs it in AWS (its own bundle, with nodemailer and SES), and
 * the local server on a timer.
 */
export function mailDispatchJob(dispatcher: MailDispatcher, everyMs = 1_000): ScheduledJob {
  return {
    name: 'mail.dispatch',
    everyMs,
    run: (now) => dispatcher.run(now),
  };
}
