import type { Container } from '@parkbridge/runtime';
import { type Change, fieldsDiffer, typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/** The organisation's fields that a booked booth shows on the floor plan. */
const PROFILE_FIELDS = ['name', 'country', 'city', 'website'] as const;

const profileChanged = (c: Change) =>
  c.kind === 'MODIFY' && fieldsDiffer(c.oldImage, c.newImage, PROFILE_FIELDS);

/**
 * Keeps the copy of an exhibitor's public profile on its booked claims in step with the
 * organisation (the floor plan reads the copy, not the organisation). Each run writes the profile
 * as it is now, only where it differs, so a redelivered or out-of-order change is harmless.
 */
export function exhibitorProfileConsumer(app: Container): StreamConsumer {
  return {
    name: 'expos.exhibitor-profiles',
    wants: (change) => typeOf(change) === 'org' && profileChanged(change),
    async handle(change) {
      await app.expos.bookings.refreshExhibitorProfile(String(change.newImage?.orgId));
    },
  };
}
