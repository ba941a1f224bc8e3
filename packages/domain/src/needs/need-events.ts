import type { Stored } from '../core';
import type { NotificationRepository } from '../notifications/ports';
import type { NeedAmendment } from './amendment';
import type { Need } from './need';
import type { BidderReader, NeedAmendedHook, NeedCancelledHook, NeedRepository } from './ports';

/**
 * Runs the hooks registered for a need's events (the stream consumer calls it, and retries a
 * failed hook; hooks are idempotent). Other contexts add hooks after wiring.
 */
export class NeedEventDispatcher {
  constructor(
    private readonly needs: NeedRepository,
    readonly amendmentHooks: NeedAmendedHook[],
    readonly cancellationHooks: NeedCancelledHook[],
  ) {}

  async amended(needId: string, seq: number): Promise<number> {
    const [need, amendment] = await Promise.all([
      this.needs.get(needId, true),
      this.needs.getAmendment(needId, seq),
    ]);
    if (!need || !amendment) return 0;
    for (const hook of this.amendmentHooks) await hook.onAmended(need, amendment);
    return this.amendmentHooks.length;
  }

  async cancelled(needId: string): Promise<number> {
    const need = await this.needs.get(needId, true);
    if (need?.status !== 'cancelled') return 0;
    for (const hook of this.cancellationHooks) await hook.onCancelled(need);
    return this.cancellationHooks.length;
  }
}

/**
 * Tells every bidder of the need what the amendment changed (one notification per bidder per
 * amendment: the dedupe key holds the amendment's number). Asking bidders to reconfirm their
 * bids is the bidding context's own hook.
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

/** Adds a hook once: wiring code may run more than once per container. */
export function addHook<T extends { name: string }>(hooks: T[], hook: T): void {
  if (!hooks.some((h) => h.name === hook.name)) hooks.push(hook);
}
