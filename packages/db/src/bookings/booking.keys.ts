import type { Booking } from '@parkbridge/domain/bookings';
import { pad } from '../core';

/** Live holds are spread over this many gsi3 partitions, so the index of holds has no hot key. */
export const HOLD_SHARDS = 8;

export const holdShard = (bookingId: string): number => {
  let h = 0;
  for (const ch of bookingId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % HOLD_SHARDS;
};

export const bookingKey = (bookingId: string) => ({ pk: `BKG#${bookingId}`, sk: 'BKG' });

/**
 * gsi1: an organisation's bookings; gsi2: an expo's bookings (filtered by slot, pavilion, org or
 * status); gsi3, only while held: holds by expiry, for the sweeper. Every index is rewritten on
 * each transition (projection ALL), so a booking carries no index that no query uses.
 */
export const bookingKeys = (b: Booking) => ({
  ...bookingKey(b.bookingId),
  gsi1pk: `ORG#${b.orgId}#BOOKINGS`,
  gsi1sk: `${b.createdAt}#${b.bookingId}`,
  gsi2pk: `EXPO#${b.expoId}#BOOKINGS`,
  gsi2sk: `${b.createdAt}#${b.bookingId}`,
  gsi3pk: b.status === 'held' ? `HOLDS#${holdShard(b.bookingId)}` : undefined,
  gsi3sk: b.status === 'held' ? `${pad(b.expiresAtMs, 15)}#${b.bookingId}` : undefined,
});

/** An organisation's hold ledger in one expo (see HoldLedger). */
export const ledgerKey = (expoId: string, orgId: string) => ({ pk: `HOLDS#${expoId}#${orgId}`, sk: 'HOLDS' });

/** One attribute per live hold on the ledger item: removing one needs no read and cannot fail. */
export const HOLD_ATTRIBUTE_PREFIX = 'h_';
export const holdAttribute = (bookingId: string) => `${HOLD_ATTRIBUTE_PREFIX}${bookingId}`;
