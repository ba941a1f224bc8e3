import type { NeedAmendmentDispatcher } from '@parkbridge/domain/needs';
import { typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/**
 * Runs the amendment hooks (bidders told; the bidding context's reconfirmation) once an
 * amendment is committed. The stream retries a failed hook; hooks are idempotent.
 */
export function amendmentsConsumer(amendments: NeedAmendmentDispatcher): StreamConsumer {
  return {
    name: 'market.need-amendments',
    wants: (change) => change.kind === 'INSERT' && typeOf(change) === 'need-amendment',
    async handle(change) {
      const { needId, seq } = change.newImage as { needId: string; seq: number };
      await amendments.dispatch(needId, Number(seq));
    },
  };
}
