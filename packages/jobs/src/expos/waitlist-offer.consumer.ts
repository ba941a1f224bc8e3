import type { BookingStatus } from '@parkbridge/domain/bookings';
import type { Container } from '@parkbridge/runtime';
import type { Change } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

const RELEASED: readonly BookingStatus[] = ['cancelled', 'rejected', 'expired'];

/**
 * When a booking releases its slot, offers the slot to the waitlist. The service offers inline
 * already; this is the backstop for a process that died in between. A redelivered change is
 * harmless: an offer only commits while the slot is free.
 */
export function waitlistOfferConsumer(app: Container): StreamConsumer {
  return {
    name: 'expos.waitlist-offers',
    wants(change: Change) {
      const now = change.newImage;
      if (now?.type !== 'booking') return false;
      const status = now.status as BookingStatus;
      return RELEASED.includes(status) && change.oldImage?.status !== status;
    },
    async handle(change: Change) {
      const b = change.newImage as { slotId: string; sliceId: string | null };
      await app.expos.bookings.offerNext({ slotId: b.slotId, sliceId: b.sliceId ?? null });
    },
  };
}
