import type { NeedEventDispatcher } from '@parkbridge/domain/needs';
import { type Change, typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

const amendmentInserted = (c: Change) => c.kind === 'INSERT' && typeOf(c) === 'need-amendment';
const needCancelled = (c: Change) =>
  typeOf(c) === 'need' && c.newImage?.status === 'cancelled' && c.oldImage?.status !== 'cancelled';

/**
 * Runs the hooks of a need's events once the change is committed: after an amendment (bidders
 * told; the bidding context asks them to reconfirm) and after a cancellation (the bidding context
 * tells its bidders). The stream retries a failed hook; hooks are idempotent.
 */
export function needEventsConsumer(events: NeedEventDispatcher): StreamConsumer {
  return {
    name: 'market.need-events',
    wants: (change) => amendmentInserted(change) || needCancelled(change),
    async handle(change) {
      if (amendmentInserted(change)) {
        const { needId, seq } = change.newImage as { needId: string; seq: number };
        await events.amended(needId, Number(seq));
      } else {
        await events.cancelled(String(change.newImage?.needId));
      }
    },
  };
}
