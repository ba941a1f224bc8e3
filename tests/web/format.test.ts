import { CURRENCIES } from '@parkbridge/domain/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormat } from '../../packages/web/src/format/format';
import {
  currencyDigits,
  moneyInputValue,
  parseMoneyInput,
  parseQuantityInput,
  setCurrencies,
} from '../../packages/web/src/format/money';
import { utcToZonedInput, zonedInputToUtc } from '../../packages/web/src/format/zoned-time';

// The web app takes every exponent from GET /v1/currencies; the API answers from this table.
beforeAll(() => setCurrencies(CURRENCIES));

describe('formatting for each language', () => {
  it('writes Persian dates in the Solar Hijri calendar with Persian digits, in the park’s zone', () => {
    const fa = createFormat('fa');
    const text = fa.dateTime('2026-03-20T20:30:00Z', 'Asia/Tehran');
    expect(text).toMatch(/۱۴۰۵/);
    expect(text).toMatch(/فروردین/);
    expect(text).not.toMatch(/[0-9]/);
    // 20:30 UTC is 00:00 next day in Tehran (UTC+3:30): the first day of 1405.
    expect(text).toMatch(/^۱ فروردین/);
  });

  it('shows the same instant at each park’s wall-clock time', () => {
    const en = createFormat('en');
    expect(en.dateTime('2026-11-20T12:00:00Z', 'Asia/Ulaanbaatar')).toMatch(/8:00/);
    expect(en.dateTime('2026-11-20T12:00:00Z', 'Asia/Ho_Chi_Minh')).toMatch(/7:00/);
  });

  it('knows no exponent the API did not state: it never guesses one from CLDR', () => {
    expect(() => currencyDigits('JPY')).toThrow(/GET \/v1\/currencies/);
  });

  it('formats minor units with the currency’s own digits, never through the wrong scale', () => {
    expect(currencyDigits('IRR')).toBe(0);
    expect(currencyDigits('VND')).toBe(0);
    expect(currencyDigits('CNY')).toBe(2);
    expect(createFormat('en').money({ amount: 125050, currency: 'CNY' })).toBe('CN¥1,250.5');
    expect(createFormat('fa').money({ amount: 1250000, currency: 'IRR' })).toMatch(/۱٬۲۵۰٬۰۰۰/);
    expect(createFormat('vi').money({ amount: 1250000, currency: 'VND' })).toMatch(/1\.250\.000/);
  });
});

describe('reading what people type', () => {
  it('reads prices in Persian digits and local separators into integer minor units', () => {
    expect(parseMoneyInput('۱۲۵۰٫۵', 'CNY', 'fa')).toBe(125050);
    expect(parseMoneyInput('1,250.50', 'CNY', 'en')).toBe(125050);
    expect(parseMoneyInput('1.250,5', 'CNY', 'vi-VN')).toBe(125050);
    expect(parseMoneyInput('1 250 000', 'IRR', 'en')).toBe(1250000);
  });

  it('refuses more decimals than the currency has, and anything not a number', () => {
    expect(parseMoneyInput('12.5', 'IRR', 'en')).toBeNull();
    expect(parseMoneyInput('1.005', 'CNY', 'en')).toBeNull();
    expect(parseMoneyInput('abc', 'CNY', 'en')).toBeNull();
    expect(parseMoneyInput('', 'CNY', 'en')).toBeNull();
  });

  it('turns minor units back into an editable value', () => {
    expect(moneyInputValue(125050, 'CNY')).toBe('1250.5');
    expect(moneyInputValue(5, 'CNY')).toBe('0.05');
    expect(moneyInputValue(1250000, 'IRR')).toBe('1250000');
  });

  it('reads quantities with up to three decimals in any digits', () => {
    expect(parseQuantityInput('۲٫۵')).toBe(2.5);
    expect(parseQuantityInput('12')).toBe(12);
    expect(parseQuantityInput('1.2345')).toBeNull();
    expect(parseQuantityInput('0')).toBeNull();
  });

  it('converts a park’s wall-clock time to UTC and back, across the zone’s offset', () => {
    expect(zonedInputToUtc('2026-11-20T16:00', 'Asia/Tehran')).toBe('2026-11-20T12:30:00.000Z');
    expect(utcToZonedInput('2026-11-20T12:30:00.000Z', 'Asia/Tehran')).toBe('2026-11-20T16:00');
    expect(zonedInputToUtc('2026-11-20T16:00', 'Asia/Ho_Chi_Minh')).toBe('2026-11-20T09:00:00.000Z');
    expect(zonedInputToUtc('2026-11-20', 'Asia/Tehran')).toBeNull();
  });
});
