import { notFound, ruleBroken, type Stored } from '../core';
import type { ExpoRepository } from '../expos/ports';
import type { Slice, Slot, SlotTarget } from '../expos/slot';

export interface ResolvedTarget {
  slot: Stored<Slot>;
  slice: Slice | null;
  target: SlotTarget;
}

/**
 * A slot, or one of its slices: a sliced slot is only ever claimed slice by slice. `consistent`
 * reads the slot as last written (a hold's re-read after an edit refused its write).
 */
export async function resolveTarget(
  expos: ExpoRepository,
  slotId: string,
  sliceId: string | undefined | null,
  consistent = false,
): Promise<ResolvedTarget> {
  const slot = await expos.getSlot(slotId, consistent);
  if (!slot) throw notFound('slot');
  if (!slot.slices.length) {
    if (sliceId) throw notFound('slice');
    return { slot, slice: null, target: { slotId, sliceId: null } };
  }
  if (!sliceId) {
    throw ruleBroken('slot.sliced', 'This slot is booked by time slice: name a sliceId.', [
      { path: 'sliceId', message: `One of ${slot.slices.map((s) => s.sliceId).join(', ')}.` },
    ]);
  }
  const slice = slot.slices.find((s) => s.sliceId === sliceId);
  if (!slice) throw notFound('slice');
  return { slot, slice, target: { slotId, sliceId } };
}

/** A slot can be claimed until its expo ends; a slice until its own end. */
export function requireBookable(t: ResolvedTarget, now: Date): void {
  const end = t.slice ? Date.parse(t.slice.endsAt) : t.slot.expoEndsAtMs;
  if (now.getTime() >= end) {
    throw ruleBroken('slot.over', t.slice ? 'This time slice is over.' : 'The expo has ended.');
  }
}
