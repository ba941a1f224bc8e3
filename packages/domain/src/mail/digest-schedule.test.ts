import { describe, expect, it } from 'vitest';
import { nextDigest } from './digest-schedule';
import { retryDelayMs } from './outbox';
import { effectivePreferences } from './preferences';

describe('nextDigest', () => {
  it('is the coming 08:00 in the person’s zone, named by its local date', () => {
    // 06:00 UTC is 09:30 in Tehran: past today's 08:00, so tomorrow's.
    expect(nextDigest(new Date('2030-03-01T06:00:00Z'), 'Asia/Tehran')).toEqual({
      date: '2030-03-02',
      dueAt: new Date('2030-03-02T04:30:00Z'),
    });
    // 02:00 UTC is 05:30 in Tehran: today's.
    expect(nextDigest(new Date('2030-03-01T02:00:00Z'), 'Asia/Tehran').date).toBe('2030-03-01');
    // 23:30 UTC on the 1st is 07:30 on the 2nd in Shanghai.
    expect(nextDigest(new Date('2030-03-01T23:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2030-03-02',
      dueAt: new Date('2030-03-02T00:00:00Z'),
    });
    expect(nextDigest(new Date('2030-03-01T08:00:00Z'), 'UTC').date).toBe('2030-03-02');
  });

  it('follows a zone across its clock change (New York in March)', () => {
    expect(nextDigest(new Date('2030-03-09T20:00:00Z'), 'America/New_York').dueAt).toEqual(
      new Date('2030-03-10T12:00:00Z'),
    );
    expect(nextDigest(new Date('2030-03-10T20:00:00Z'), 'America/New_York').dueAt).toEqual(
      new Date('2030-03-11T12:00:00Z'),
    );
    expect(nextDigest(new Date('2030-03-08T20:00:00Z'), 'America/New_York').dueAt).toEqual(
      new Date('2030-03-09T13:00:00Z'),
    );
  });

  it('goes a day further on request, across a month end', () => {
    expect(nextDigest(new Date('2030-01-31T10:00:00Z'), 'UTC', 1).date).toBe('2030-02-02');
  });
});

describe('retryDelayMs', () => {
  it('grows fourfold from a minute and stops at twelve hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => retryDelayMs(a, 0.5))).toEqual([
      60_000, 240_000, 960_000, 3_840_000, 15_360_000, 43_200_000, 43_200_000,
    ]);
  });
});

describe('effectivePreferences', () => {
  it('takes the person’s choice first, then the app language they used, then the firm’s country', () => {
    expect(effectivePreferences(null, { country: 'MN' })).toMatchObject({
      language: 'mn',
      timeZone: 'Asia/Ulaanbaatar',
    });
    expect(effectivePreferences(null, { lang: 'zh', country: 'MN' }).language).toBe('zh');
    expect(effectivePreferences({ language: 'vi', email: {} }, { lang: 'zh' }).language).toBe('vi');
    expect(effectivePreferences(null, {})).toMatchObject({ language: 'en', timeZone: 'UTC' });
    expect(effectivePreferences({ email: { 'need.matched': 'off' } }).email['need.matched']).toBe('off');
  });
});
