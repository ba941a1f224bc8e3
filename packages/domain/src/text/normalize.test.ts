import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize';

const same = (a: string, b: string) => expect(normalizeText(a)).toBe(normalizeText(b));

describe('normalizeText', () => {
  it('folds Arabic-keyboard yeh and kaf into the Persian letters', () => {
    expect(normalizeText('كيك')).toBe('کیک');
    same('كيك', 'کیک');
    same('ى', 'ی');
    same('ڪ', 'ک');
  });

  it('folds teh marbuta, hamza/madda alef forms, alef wasla, waw with hamza and heh with yeh', () => {
    expect(normalizeText('مدرسة')).toBe('مدرسه');
    expect(normalizeText('أإآٱ')).toBe('اااا');
    expect(normalizeText('مسؤول')).toBe('مسوول');
    expect(normalizeText('مسئول')).toBe('مسیول');
    expect(normalizeText('خانۀ')).toBe('خانه');
    same('تأمین', 'تامین');
    same('آب', 'اب');
  });

  it('drops Arabic harakat and tashkil', () => {
    expect(normalizeText('مُحَمَّد')).toBe('محمد');
    expect(normalizeText('كِتَابٌ')).toBe('کتاب');
  });

  it('removes ZWNJ, ZWJ and tatweel', () => {
    expect(normalizeText('می‌خواهم')).toBe('میخواهم');
    expect('می‌خواهم').toContain('\u200C');
    same('فعالیت‌های', 'فعالیتهای');
    expect(normalizeText('مـــحمد')).toBe('محمد');
    expect(normalizeText('a\u200Db')).toBe('ab');
  });

  it('removes bidi controls and other format characters', () => {
    expect(normalizeText('\u200Fسلام\u200E')).toBe('سلام');
    expect(normalizeText('\u202Babc\u202C \u2067x\u2069')).toBe('abc x');
    expect(normalizeText('\uFEFFsoft\u00ADware')).toBe('software');
  });

  it('maps Persian, Arabic-Indic and other decimal digits to ASCII', () => {
    expect(normalizeText('۱۲۳')).toBe('123');
    expect(normalizeText('١٢٣')).toBe('123');
    expect(normalizeText('۰۹٠٩')).toBe('0909');
    expect(normalizeText('१२३')).toBe('123');
    expect(normalizeText('１２３')).toBe('123');
    same('کد ۴۵۶', 'کد 456');
  });

  it('strips Vietnamese diacritics and folds đ to d', () => {
    expect(normalizeText('Thép không gỉ')).toBe('thep khong gi');
    same('Thép không gỉ', 'thep khong gi');
    expect(normalizeText('Đà Nẵng đường')).toBe('da nang duong');
    same('Sản xuất', 'SAN XUAT');
  });

  it('gives the same result for precomposed and decomposed input', () => {
    same('Việt', 'Vie\u0323\u0302t');
    expect(normalizeText('Vie\u0323\u0302t')).toBe('viet');
  });

  it('lower-cases Mongolian Cyrillic and keeps ө and ү distinct from о and у', () => {
    expect(normalizeText('ТӨМӨР')).toBe('төмөр');
    same('ТӨМӨР', 'төмөр');
    expect(normalizeText('ҮЙЛДВЭР')).toBe('үйлдвэр');
    expect(normalizeText('төмөр')).not.toBe(normalizeText('томор'));
    expect(normalizeText('үс')).not.toBe(normalizeText('ус'));
  });

  it('keeps Cyrillic й and ё as letters of their own', () => {
    expect(normalizeText('ЙОГ')).toBe('йог');
    expect(normalizeText('Ёс')).toBe('ёс');
    expect(normalizeText('ойн')).not.toBe(normalizeText('оин'));
    same('и\u0306', 'й');
  });

  it('leaves Chinese untouched and folds full-width Latin', () => {
    expect(normalizeText('不锈钢管道')).toBe('不锈钢管道');
    expect(normalizeText('ＳＵＳ３０４ 不锈钢')).toBe('sus304 不锈钢');
  });

  it('lower-cases without locale rules', () => {
    expect(normalizeText('İSTANBUL')).toBe('istanbul');
    expect(normalizeText('STEEL')).toBe('steel');
  });

  it('collapses whitespace of any kind and trims', () => {
    expect(normalizeText('  steel \u00A0\t pipe\n ')).toBe('steel pipe');
    expect(normalizeText('لوله\u3000فولادی')).toBe('لوله فولادی');
  });

  it('handles mixed scripts in one string', () => {
    expect(normalizeText('Thép ống فولاد ۳۰۴ ТӨМӨР 不锈钢')).toBe('thep ong فولاد 304 төмөр 不锈钢');
  });

  it('leaves emoji in place', () => {
    expect(normalizeText('👍 Good')).toBe('👍 good');
  });

  it('returns an empty string for empty or invisible-only input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \u200C\u200F\u0640 ')).toBe('');
  });

  it('is idempotent', () => {
    for (const s of ['كيك مُحَمَّد ۱۲۳', 'Đà Nẵng', 'ТӨМӨР Йог', 'می‌خواهم']) {
      expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
  });
});

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(tokenize('Steel-pipe, 2"/DN50 (SUS304)')).toEqual(['steel', 'pipe', '2', 'dn50', 'sus304']);
  });

  it('normalises each token', () => {
    expect(tokenize('Thép không gỉ')).toEqual(['thep', 'khong', 'gi']);
    expect(tokenize('لوله‌های فولادی، ۵۰ میلی‌متر')).toEqual(['لولههای', 'فولادی', '50', 'میلیمتر']);
    expect(tokenize('ТӨМӨР хоолой')).toEqual(['төмөр', 'хоолой']);
  });

  it('drops duplicates and keeps first-seen order', () => {
    expect(tokenize('pipe Steel PIPE steel fitting')).toEqual(['pipe', 'steel', 'fitting']);
    expect(tokenize('كيك کیک')).toEqual(['کیک']);
  });

  it('drops emoji and punctuation-only input', () => {
    expect(tokenize('👍 steel 🔩')).toEqual(['steel']);
    expect(tokenize('🔥🔥 !!! — …')).toEqual([]);
  });

  it('keeps a Chinese run as one token', () => {
    expect(tokenize('不锈钢，管道')).toEqual(['不锈钢', '管道']);
  });

  it('returns no tokens for empty input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });
});
