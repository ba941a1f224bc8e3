import { conflict, DomainError, ruleBroken } from '../core/errors';

/** The bookings context's refusals, by stable code. */
export const slotTaken = () => conflict('slot.taken', 'The slot is held or booked by another organisation.');
/**
 * The slot changed (an operator's edit of its price, rectangle, code, kind or area landed) between
 * the hold's read of it and the hold's write, and again on the one retry at its new terms.
 */
export const SLOT_CHANGED = 'slot.changed';
export const slotChanged = () =>
  conflict(
    SLOT_CHANGED,
    'The slot was edited (its price, rectangle or other details) while your hold was being placed; look at it again and hold it if it still suits you.',
  );
export const holdExpired = () =>
  conflict('booking.hold_expired', 'The hold has expired; hold the slot again if it is still free.');
export const holdLimit = (max: number) =>
  ruleBroken(
    'booking.hold_limit',
    `Your organisation already has ${max} live claims in this expo (holds and requests together); cancel one, or wait for the operator's decision.`,
  );
export const bookingChanged = (status: string | undefined) =>
  conflict('booking.changed', `The booking changed meanwhile${status ? `: it is ${status} now` : ''}.`);
export const alreadyDecided = (status: string | undefined) =>
  conflict(
    'booking.decided',
    `Another decision was made first${status ? `: the booking is ${status}` : ''}.`,
  );

/** The organisation's hold ledger moved between read and write: read it again and retry. */
export const LEDGER_MOVED = 'booking.ledger_moved';
export const ledgerMoved = () =>
  conflict(LEDGER_MOVED, 'Another hold of your organisation landed at once; try again.');
/** The waitlist place moved (left, or offered by a concurrent offer). */
export const WAITLIST_MOVED = 'waitlist.moved';
export const waitlistMoved = () => conflict(WAITLIST_MOVED, 'The waitlist changed meanwhile.');

export const hasCode = (err: unknown, ...codes: string[]): err is DomainError =>
  err instanceof DomainError && codes.includes(err.code);
