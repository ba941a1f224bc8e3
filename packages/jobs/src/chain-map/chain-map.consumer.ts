import type { ChainMapUpdater } from '@parkbridge/domain/chain-map';
import { type Change, fieldsDiffer, typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/** The records the map is computed from (the chain map's own items are never among them). */
const SOURCES = new Set(['chain', 'need', 'deal', 'listing', 'membership']);

/** Fields whose change can move a figure; any other change (a need's title, a bid count) is skipped. */
const RELEVANT: Record<string, readonly string[]> = {
  chain: ['inputs', 'output', 'parkId'],
  need: ['status', 'category', 'quantity', 'unit', 'parkId', 'ownerOrgId'],
  deal: [
    'status',
    'quantity',
    'unitPrice',
    'total',
    'value',
    'awardedAt',
    'sellerOrgId',
    'buyerOrgId',
    'parkId',
  ],
  listing: [
    'status',
    'kind',
    'category',
    'capacityPerPeriod',
    'unit',
    'period',
    'availableUntil',
    'supplierOrgId',
    'title',
    'machineClass',
    'availableFrom',
    // Where it reaches: a park's nearest outside suppliers follow them.
    'serviceArea',
    'location',
    'country',
    'parkId',
  ],
  membership: ['status', 'suspended', 'as'],
};

/**
 * `chain-map`: keeps each park's map aggregates as chains, needs, deals, listings and memberships
 * change. Idempotent: each source's contribution is stored with the version it came from, and a
 * change at a version already held (a redelivery) or older (out of order) moves nothing.
 */
export function chainMapConsumer(updater: ChainMapUpdater): StreamConsumer {
  return {
    name: 'chain-map',
    wants(change: Change) {
      const type = typeOf(change);
      if (!type || !SOURCES.has(type)) return false;
      if (change.kind !== 'MODIFY') return true;
      return fieldsDiffer(change.oldImage, change.newImage, RELEVANT[type] ?? []);
    },
    async handle(change: Change) {
      const { oldImage, newImage } = change;
      switch (typeOf(change)) {
        case 'chain':
          return updater.onChain(oldImage, newImage);
        case 'need':
          return updater.onNeed(oldImage, newImage);
        case 'deal':
          return updater.onDeal(oldImage, newImage);
        case 'listing':
          return updater.onListing(oldImage, newImage);
        case 'membership':
          return updater.onMembership(oldImage, newImage);
      }
    },
  };
}
