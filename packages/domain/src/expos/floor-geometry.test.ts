import { describe, expect, it } from 'vitest';
import { fitsFloor, overlaps, Rect, rectArea } from './floor-geometry';

const r = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('floor geometry', () => {
  it('finds overlapping interiors, and lets booths share an edge or a corner', () => {
    expect(overlaps(r(0, 0, 3, 3), r(2, 2, 3, 3))).toBe(true);
    expect(overlaps(r(0, 0, 10, 10), r(4, 4, 1, 1))).toBe(true);
    expect(overlaps(r(0, 0, 3, 3), r(3, 0, 3, 3))).toBe(false);
    expect(overlaps(r(0, 0, 3, 3), r(3, 3, 3, 3))).toBe(false);
    expect(overlaps(r(0, 0, 3, 3), r(0, 5, 3, 3))).toBe(false);
  });

  it('compares in centimetres, so float sums never make touching booths overlap', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(overlaps(r(0.1, 0, 0.2, 1), r(0.3, 0, 1, 1))).toBe(false);
    expect(fitsFloor(r(0.1, 0, 0.2, 1), { width: 0.3, depth: 1 })).toBe(true);
  });

  it('keeps a rectangle within the floor, edges included', () => {
    expect(fitsFloor(r(17, 7, 3, 3), { width: 20, depth: 10 })).toBe(true);
    expect(fitsFloor(r(18, 0, 3, 3), { width: 20, depth: 10 })).toBe(false);
    expect(fitsFloor(r(0, 8, 3, 3), { width: 20, depth: 10 })).toBe(false);
  });

  it('refuses negative offsets, empty sizes and sub-centimetre precision', () => {
    expect(Rect.safeParse(r(-1, 0, 1, 1)).success).toBe(false);
    expect(Rect.safeParse(r(0, 0, 0, 1)).success).toBe(false);
    expect(Rect.safeParse(r(0, 0, 1.005, 1)).success).toBe(false);
    expect(Rect.safeParse(r(0.29, 0, 1.25, 1)).success).toBe(true);
    expect(Rect.safeParse({ ...r(0, 0, 1, 1), z: 1 }).success).toBe(false);
  });

  it('computes areas in m² without float artefacts', () => {
    expect(rectArea(r(0, 0, 0.3, 0.1))).toBe(0.03);
    expect(rectArea(r(0, 0, 4, 2.5))).toBe(10);
  });
});
