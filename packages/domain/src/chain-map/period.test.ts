import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  milliPerYearIn,
  nextPeriod,
  PeriodKey,
  parsePeriod,
  periodsContaining,
  previousPeriod,
  toMilli,
} from './period';

describe('map periods', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2026-04')).toEqual({ key: '2026-04', kind: 'month', year: 2026, index: 4 });
    expect(parsePeriod('2026-Q2')).toEqual({ key: '2026-Q2', kind: 'quarter', year: 2026, index: 2 });
    expect(parsePeriod('2026')).toEqual({ key: '2026', kind: 'year', year: 2026, index: 1 });
  });

  it.each(['2026-13', '2026-Q0', '2026-Q5', '26-Q1', '2026-4', '2026-00', ''])('refuses %j', (key) => {
    expect(PeriodKey.safeParse(key).success).toBe(false);
  });

  it('steps back across year ends', () => {
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-07')).key).toBe('2026-06');
    expect(previousPeriod(parsePeriod('2026')).key).toBe('2025');
  });

  it('steps forward across year ends, undoing a step back', () => {
    expect(nextPeriod(parsePeriod('2025-Q4')).key).toBe('2026-Q1');
    expect(nextPeriod(parsePeriod('2025-12')).key).toBe('2026-01');
    expect(nextPeriod(parsePeriod('2026-06')).key).toBe('2026-07');
    expect(nextPeriod(parsePeriod('2025')).key).toBe('2026');
    for (const key of ['2026-01', '2026-Q1', '2026', '2026-12', '2026-Q4'])
      expect(previousPeriod(nextPeriod(parsePeriod(key))).key).toBe(key);
  });

  it('puts an instant in the month, quarter and year of the park’s time zone', () => {
    const at = new Date('2026-03-31T21:00:00.000Z');
    expect(periodsContaining(at, 'Asia/Tehran').map((p) => p.key)).toEqual(['2026-04', '2026-Q2', '2026']);
    expect(periodsContaining(at, 'UTC').map((p) => p.key)).toEqual(['2026-03', '2026-Q1', '2026']);
    expect(periodsContaining(new Date('2025-12-31T17:30:00Z'), 'Asia/Ulaanbaatar').map((p) => p.key)).toEqual(
      ['2026-01', '2026-Q1', '2026'],
    );
    expect(currentPeriod(at, 'Asia/Tehran').key).toBe('2026-Q2');
  });

  it('keeps quantities in exact thousandths and shows yearly figures per period', () => {
    expect(toMilli(0.1) * 3).toBe(300);
    expect(toMilli(2.345)).toBe(2345);
    expect(milliPerYearIn(toMilli(10) * 12, 'quarter')).toBe(30);
    expect(milliPerYearIn(toMilli(1) * 52, 'month')).toBe(4.333);
  });
});
