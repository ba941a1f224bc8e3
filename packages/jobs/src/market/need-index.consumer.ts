import type { DynamoNeedRepository } from '@parkbridge/db/needs';
import { indexStale } from '@parkbridge/db/needs';
import { typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/**
 * Keeps a need's index keys (status, park, close) and search text in step with its fields when
 * another context updated the item in place, e.g. the bidding context moving the close against
 * sniping. The market's own writes are always consistent, so this sees nothing to do for them.
 */
export function needIndexConsumer(needs: DynamoNeedRepository): StreamConsumer {
  return {
    name: 'market.need-index',
    wants: (change) => typeOf(change) === 'need' && !!change.newImage && indexStale(change.newImage),
    async handle(change) {
      await needs.refreshIndex(String(change.newImage?.needId));
    },
  };
}
