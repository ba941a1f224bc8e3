import { type Clock, DomainError, SYSTEM_ACTOR } from '../core';
import type { NotificationRepository } from '../notifications/ports';
import type { ClosingScheduleRepository } from './closing';
import type { BiddingNeedRepository, BidRepository } from './ports';

/**
 * Closes needs whose effective close has passed. Correctness never depends on it: every bid's own
 * condition refuses a bid after the effective close, and an award checks the close itself. The job
 * makes the status say so and tells the owner how many bids came in.
 */
export class ClosingService {
  constructor(
    private readonly d: {
      schedule: ClosingScheduleRepository;
      needs: BiddingNeedRepository;
      bids: BidRepository;
      notifications: NotificationRepository;
      clock: Clock;
    },
  ) {}

  /** Keeps the schedule in step with a need (the stream consumer calls it on every change of a need). */
  async track(needId: string): Promise<void> {
    const need = await this.d.needs.get(needId);
    if (need?.status === 'open') await this.d.schedule.schedule(needId, need.closesAtMs);
    else await this.d.schedule.unschedule(needId);
  }

  async closeDue(now: Date, limit = 100): Promise<{ processed: number }> {
    let processed = 0;
    for (const entry of await this.d.schedule.due(now.getTime(), limit)) {
      const need = await this.d.needs.get(entry.needId);
      if (need?.status !== 'open') {
        await this.d.schedule.unschedule(entry.needId);
        continue;
      }
      // The close moved (anti-sniping, a question, the owner): wait for the new one.
      if (need.closesAtMs > now.getTime()) {
        await this.d.schedule.schedule(need.needId, need.closesAtMs);
        continue;
      }
      try {
        await this.d.schedule.close(need, now, {
          action: 'need.closed',
          actor: SYSTEM_ACTOR,
          before: { status: 'open', closesAt: need.closesAt },
          after: { status: 'closed', closesAt: need.closesAt },
          parkId: need.parkId,
        });
      } catch (err) {
        // Lost a race with a bid that extended the close, an award or a cancellation: next run decides.
        if (err instanceof DomainError) continue;
        throw err;
      }
      const bids = await this.d.bids.countLive(need.needId, need.amendmentCount);
      await this.d.notifications.notify({
        orgId: need.ownerOrgId,
        kind: 'need.closed',
        entityId: need.needId,
        data: { needId: need.needId, bids },
        dedupeKey: `need-closed#${need.needId}`,
      });
      processed++;
    }
    return { processed };
  }
}
