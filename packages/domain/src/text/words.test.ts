import { describe, expect, it } from 'vitest';
import { queryTerms, wordsOf } from './words';

describe('wordsOf', () => {
  it('splits Chinese, which has no spaces, into dictionary words', () => {
    expect(wordsOf('基本钢铁的制造')).toEqual(['基本', '钢铁', '的', '制造']);
    expect(wordsOf('钢铁的铸造；印刷')).toEqual(['钢铁', '的', '铸造', '印刷']);
  });

  it('splits other scripts at spaces, punctuation and ZWNJ, as tokenize() does', () => {
    expect(wordsOf('Đúc sắt, thép')).toEqual(['Đúc', 'sắt', 'thép']);
    expect(wordsOf('فعالیت‌های نشر (کتاب)')).toEqual(['فعالیت', 'های', 'نشر', 'کتاب']);
    expect(wordsOf('Төмөр, ган цутгах')).toEqual(['Төмөр', 'ган', 'цутгах']);
  });
});

describe('queryTerms', () => {
  it('normalises like tokenize()', () => {
    expect(queryTerms('Thép  KHÔNG gỉ')).toEqual(['thep', 'khong', 'gi']);
    expect(queryTerms('كود')).toEqual(['کود']);
    expect(queryTerms(' ،؛ ')).toEqual([]);
  });

  it('splits a Chinese token into its words, once each', () => {
    expect(queryTerms('钢铁铸造')).toEqual(['钢铁', '铸造']);
    expect(queryTerms('钢')).toEqual(['钢']);
    expect(queryTerms('钢铁 钢铁铸造')).toEqual(['钢铁', '铸造']);
  });
});
