import { invalid } from '../core/errors';
import type { Money } from '../core/money';
import type { Expo } from './expo';
import type { Slice, SliceInput, SlotInput } from './slot';

const DAY_MS = 86_400_000;

/**
 * The slices of a new slot, in time order, or none. They lie within the expo and never overlap:
 * each is booked on its own, so an overlap would book the same booth twice at the same hour.
 */
export function buildSlices(
  input: SlotInput['slices'],
  expo: Pick<Expo, 'startsAtMs' | 'endsAtMs'>,
  price: Money,
): Slice[] {
  if (!input) return [];
  const drafts: SliceInput[] = Array.isArray(input) ? input : daySlices(expo, input.session);
  const sorted = [...drafts].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const fields: { path: string; message: string }[] = [];
  sorted.forEach((s, i) => {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (start < expo.startsAtMs || end > expo.endsAtMs) {
      fields.push({ path: `slices.${i}`, message: 'A slice must lie within the expo’s dates.' });
    }
    const next = sorted[i + 1];
    if (next && Date.parse(next.startsAt) < end) {
      fields.push({ path: `slices.${i + 1}`, message: 'Slices of one slot must not overlap.' });
    }
    if (s.price && s.price.currency !== price.currency) {
      fields.push({ path: `slices.${i}.price`, message: 'A slice is priced in its slot’s currency.' });
    }
  });
  if (fields.length) throw invalid('slot.slices_invalid', 'The slot’s time slices are not valid.', fields);
  return sorted.map((s, i) => ({
    sliceId: `s${String(i + 1).padStart(2, '0')}`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    ...(s.label ? { label: s.label } : {}),
    session: s.session,
    price: s.price ?? price,
  }));
}

/** One slice per expo day: 24-hour steps from the expo's start, the last one cut at its end. */
export function daySlices(
  expo: Pick<Expo, 'startsAtMs' | 'endsAtMs'>,
  session: SliceInput['session'] = 'exhibit',
): SliceInput[] {
  const slices: SliceInput[] = [];
  for (let start = expo.startsAtMs, day = 1; start < expo.endsAtMs; start += DAY_MS, day++) {
    slices.push({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(Math.min(start + DAY_MS, expo.endsAtMs)).toISOString(),
      label: `Day ${day}`,
      session,
    });
  }
  return slices;
}
