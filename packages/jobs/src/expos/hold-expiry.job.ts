import type { Container } from '@parkbridge/runtime';
import type { ScheduledJob } from '../schedules/job';

/**
 * Marks holds past their expiry as expired and offers each freed slot to its waitlist. It only
 * tidies and moves the queue: a lapsed hold is free for anyone's next hold whether or not this ran.
 */
export function holdExpirySweeper(app: Container, everyMs = 5_000): ScheduledJob {
  return {
    name: 'expos.hold-expiry',
    everyMs,
    async run() {
      let processed = 0;
      // Batches of 100 until none is left, so a backlog clears in one run.
      for (;;) {
        const { expired } = await app.expos.bookings.expireLapsed(100);
        processed += expired;
        if (expired < 100) return { processed };
      }
    },
  };
}
