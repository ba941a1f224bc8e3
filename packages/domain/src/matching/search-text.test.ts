import { describe, expect, it } from 'vitest';
import { matchesTerms, queryTerms, searchTextOf } from './search-text';

const finds = (stored: string, q: string) => matchesTerms(searchTextOf(stored), queryTerms(q));

describe('market text search', () => {
  it('matches Persian typed on an Arabic keyboard, with or without ZWNJ and tashkil', () => {
    expect(finds('لوله‌های فولادی بدون درز', 'لوله فولادي')).toBe(true);
    expect(finds('کیک و شیرینی', 'كيك')).toBe(true);
    expect(finds('مُحَمَّد', 'محمد')).toBe(true);
    expect(finds('مـــواد اولیه', 'مواد')).toBe(true);
  });

  it('matches Arabic teh marbuta, alef forms and Arabic-Indic digits', () => {
    expect(finds('مادة كيميائية ٣٠٤', 'ماده 304')).toBe(true);
    expect(finds('أنابيب', 'انابيب')).toBe(true);
    expect(finds('لوله ۵۰ میلی‌متر', '50')).toBe(true);
  });

  it('matches Vietnamese without diacritics and in any case', () => {
    expect(finds('Thép không gỉ SUS304', 'thep khong gi')).toBe(true);
    expect(finds('Bao bì carton', 'BAO BI')).toBe(true);
    expect(finds('Đóng gói', 'dong goi')).toBe(true);
  });

  it('matches Mongolian Cyrillic in any case but keeps ө and ү apart from о and у', () => {
    expect(finds('Арьс шир боловсруулах', 'АРЬС')).toBe(true);
    expect(finds('Төмөр хоолой', 'төмөр')).toBe(true);
    expect(finds('Төмөр хоолой', 'томор')).toBe(false);
    expect(finds('Үйлдвэрийн ус', 'үс')).toBe(false);
  });

  it('matches a word inside a Chinese run', () => {
    expect(finds('不锈钢管道', '管道')).toBe(true);
  });

  it('needs every query word', () => {
    expect(finds('steel pipe', 'steel valve')).toBe(false);
    expect(finds('steel pipe', 'pipe steel')).toBe(true);
  });

  it('ignores punctuation-only and empty queries', () => {
    expect(queryTerms('  ')).toEqual([]);
    expect(queryTerms('!!! —')).toEqual([]);
    expect(queryTerms(undefined)).toEqual([]);
  });

  it('frames stored text with spaces and keeps each word once', () => {
    expect(searchTextOf('Steel pipe', 'steel PIPE fittings')).toBe(' steel pipe fittings ');
  });
});
