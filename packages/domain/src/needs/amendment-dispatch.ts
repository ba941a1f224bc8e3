import type { Stored } from '../core';
import type { NotificationRepository } from '../notifications/ports';
import type { NeedAmendment } from './amendment';
import type { Need } from './need';
import type { BidderReader, NeedAmendedHook, NeedRepository } from './ports';

/** Runs every registered hook for one amendment (the stream consumer calls it; hooks are idempotent). */
export class NeedAmendmentDispatcher {
  constructor(
    private readonly needs: NeedRepository,
    readonly hooks: NeedAmendedHook[],
  ) {}

  async dispatch(needId: string, seq: number): Promise<number> {
    const [need, amendment] = await Promise.all([
      this.needs.get(needId, true),
      this.needs.getAmendment(needId, seq),
    ]);
    if (!need || !amendment) return 0;
    for (const hook of this.hooks) await hook.onAmended(need, amendment);
    return this.hooks.length;
  }
}

/**
 * Tells every bidder of the need what the amendment changed (one notification per bidder per
 * amendment: the dedupe key holds the amendment's number).
 */
export class NotifyBiddersOfAmendment implements NeedAmendedHook {
  readonly name = 'market.notify-bidders';

  constructor(
    private readonly bidders: () => BidderReader,
    private readonly notifications: NotificationRepository,
  ) {}

  async onAmended(need: Stored<Need>, amendment: NeedAmendment): Promise<void> {
    const orgIds = await this.bidders().bidderOrgIds(need.needId);
    for (const orgId of new Set(orgIds)) {
      await this.notifications.notify({
        orgId,
        kind: 'need.amended',
        entityId: need.needId,
        dedupeKey: `need.amended:${need.needId}:${amendment.seq}`,
        data: {
          needId: need.needId,
          title: need.title,
          seq: amendment.seq,
          reason: amendment.reason,
          fields: amendment.changes.map((c) => c.field),
          closesAt: need.closesAt,
          closeMoved: amendment.closesAtAfter !== amendment.closesAtBefore,
        },
      });
    }
  }
}
