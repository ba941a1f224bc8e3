import type { Expo } from '@parkbridge/domain/expos';

/**
 * Keys of the expos context. An expo's whole floor (the expo itself, pavilions, slots, slice
 * claims) shares one gsi1 partition, so the floor plan is one bounded Query; each slot is its own
 * item (and its own partition) so that holds on different booths never contend.
 */
export const floorPk = (expoId: string) => `EXPO#${expoId}#FLOOR`;

/** The expo's place in its floor partition: `#` sorts before every pavilion and slot id. */
export const EXPO_FLOOR_SK = '#EXPO';

export const expoKey = (expoId: string) => ({ pk: `EXPO#${expoId}`, sk: 'EXPO' });

/**
 * gsi1: the head of its own floor partition (the floor plan reads expo and floor in one Query);
 * gsi2: every expo by start; gsi3: one park's expos by start.
 */
export const expoKeys = (e: Pick<Expo, 'expoId' | 'parkId' | 'startsAt'>) => ({
  ...expoKey(e.expoId),
  gsi1pk: floorPk(e.expoId),
  gsi1sk: EXPO_FLOOR_SK,
  gsi2pk: 'EXPOS',
  gsi2sk: `${e.startsAt}#${e.expoId}`,
  gsi3pk: parkExposPk(e.parkId),
  gsi3sk: `${e.startsAt}#${e.expoId}`,
});

export const parkExposPk = (parkId: string) => `PARK#${parkId}#EXPOS`;

export const pavilionKey = (pavilionId: string) => ({ pk: `PAV#${pavilionId}`, sk: 'PAV' });

export const pavilionKeys = (p: { pavilionId: string; expoId: string }) => ({
  ...pavilionKey(p.pavilionId),
  gsi1pk: floorPk(p.expoId),
  gsi1sk: p.pavilionId,
});

export const slotKey = (slotId: string) => ({ pk: `SLOT#${slotId}`, sk: 'SLOT' });

export const slotKeys = (s: { slotId: string; expoId: string; pavilionId: string }) => ({
  ...slotKey(s.slotId),
  gsi1pk: floorPk(s.expoId),
  gsi1sk: `${s.pavilionId}#SLOT#${s.slotId}`,
});

/** A slice's own item: it carries the claim on that slice, apart from its slot's. */
export const sliceKeys = (s: { slotId: string; expoId: string; pavilionId: string }, sliceId: string) => ({
  pk: `SLOT#${s.slotId}`,
  sk: `SLICE#${sliceId}`,
  gsi1pk: floorPk(s.expoId),
  gsi1sk: `${s.pavilionId}#SLOT#${s.slotId}#${sliceId}`,
});

/** The item that carries the claim on a slot (booked whole) or on one of its slices. */
export const claimKey = (t: { slotId: string; sliceId: string | null }) => ({
  pk: `SLOT#${t.slotId}`,
  sk: t.sliceId ? `SLICE#${t.sliceId}` : 'SLOT',
});
