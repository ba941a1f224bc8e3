import { describe, expect, it } from 'vitest';
import {
  fromJalali,
  jalaliMonthLength,
  jalaliMonthNames,
  toJalali,
} from '../../packages/web/src/format/jalali';

describe('the Solar Hijri calendar for Persian date entry', () => {
  it('converts known dates both ways (Nowruz, Yalda, the last day of a leap year)', () => {
    expect(toJalali('2025-03-21')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(fromJalali({ year: 1404, month: 1, day: 1 })).toBe('2025-03-21');
    expect(toJalali('2026-12-21')).toEqual({ year: 1405, month: 9, day: 30 });
    expect(fromJalali({ year: 1405, month: 9, day: 30 })).toBe('2026-12-21');
    // 1403 is a leap year: Esfand has 30 days, and its 30th is 20 March 2025.
    expect(fromJalali({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
  });

  it('round-trips every day of ten years', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2034, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const j = toJalali(iso);
      if (!j || fromJalali(j) !== iso) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });

  it('knows month lengths and refuses days that do not exist', () => {
    expect(jalaliMonthLength(1405, 1)).toBe(31);
    expect(jalaliMonthLength(1405, 7)).toBe(30);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
    expect(fromJalali({ year: 1404, month: 13, day: 1 })).toBeNull();
  });

  it('names the months in Persian', () => {
    // The interface's own Persian locale carries extensions (calendar, digits) of its own.
    const names = jalaliMonthNames('fa-IR-u-ca-persian-nu-arabext');
    expect(names).toHaveLength(12);
    expect(names[0]).toBe('فروردین');
    expect(names[11]).toBe('اسفند');
  });
});
