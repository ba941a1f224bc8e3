import { z } from 'zod';

/** A length on the floor in metres, to the centimetre. */
export const Metres = z
  .number()
  .min(0.01)
  .max(5000)
  .refine((m) => Math.abs(Math.round(m * 100) - m * 100) < 1e-6, 'At most two decimals (centimetres).')
  // Stored as whole centimetres' worth: a denormal like 5e-324 would underflow DynamoDB's number range.
  .transform((m) => Math.round(m * 100) / 100);

const Offset = z
  .number()
  .min(0)
  .max(5000)
  .refine((m) => Math.abs(Math.round(m * 100) - m * 100) < 1e-6, 'At most two decimals (centimetres).')
  .transform((m) => Math.round(m * 100) / 100);

/** A booth's rectangle on its pavilion's floor: x, y from the floor's corner, w along width, h along depth. */
export const Rect = z.strictObject({ x: Offset, y: Offset, w: Metres, h: Metres });
export type Rect = z.infer<typeof Rect>;

// Geometry in whole centimetres: no float artefact can make touching booths "overlap".
const cm = (m: number) => Math.round(m * 100);

export function fitsFloor(r: Rect, floor: { width: number; depth: number }): boolean {
  return cm(r.x) + cm(r.w) <= cm(floor.width) && cm(r.y) + cm(r.h) <= cm(floor.depth);
}

/** Interiors intersect; booths that only share an edge or a corner do not overlap. */
export function overlaps(a: Rect, b: Rect): boolean {
  return (
    cm(a.x) < cm(b.x) + cm(b.w) &&
    cm(b.x) < cm(a.x) + cm(a.w) &&
    cm(a.y) < cm(b.y) + cm(b.h) &&
    cm(b.y) < cm(a.y) + cm(a.h)
  );
}

export const rectArea = (r: Rect): number => (cm(r.w) * cm(r.h)) / 10_000;
