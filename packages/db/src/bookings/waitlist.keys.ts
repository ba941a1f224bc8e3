import type { WaitPriority } from '@parkbridge/domain/bookings';
import type { SlotTarget } from '@parkbridge/domain/expos';
import { targetId } from '@parkbridge/domain/expos';

/**
 * A slot's (or slice's) waitlist is one partition: each waiting organisation has a queue entry
 * whose sort key orders the queue (park members first, then by joining time), and a place item
 * (keyed by organisation) that is its versioned, audited state.
 */
export const waitPk = (t: SlotTarget) => `WAIT#${targetId(t)}`;

export const placeKey = (t: SlotTarget, orgId: string) => ({ pk: waitPk(t), sk: `ORG#${orgId}` });

export const QUEUE_PREFIX = 'Q#';

export const entryKey = (t: SlotTarget, e: { priority: WaitPriority; joinedAt: string; orgId: string }) => ({
  pk: waitPk(t),
  sk: `${QUEUE_PREFIX}${e.priority === 'park' ? 0 : 1}#${e.joinedAt}#${e.orgId}`,
});
