import { describe, expect, it } from 'vitest';
import { type Category, CategoryTree, categoriesFromRows } from './category';
import { termIn } from './glossary';
import { localizedCategories as categories } from './isic-rev4-localized';

// Searching the ISIC titles in every language, and the order rankedSearch gives (category-ranking.ts).

const codes = (nodes: readonly Category[]) => nodes.map((n) => n.code);
const ranked = (q: string, lang: Parameters<CategoryTree['rankedSearch']>[1]) =>
  codes(categories.rankedSearch(q, lang));
const STEEL = ['2431', '241', '2410'];

describe('searching the ISIC tree for steel in every language', () => {
  it.each(termIn('steel'))(
    'finds basic iron and steel (2410) and steel casting for %s "%s"',
    (lang, word) => {
      expect(ranked(word, lang)).toEqual(STEEL);
      expect(codes(categories.search(word, lang))).toEqual(['241', '2410', '2431']);
    },
  );

  it('finds a title in any language, whatever the reader’s language', () => {
    expect(ranked('فولاد', 'en')).toEqual(STEEL);
    expect(ranked('钢', 'fa')).toEqual(STEEL);
    expect(ranked('steel', 'mn')).toEqual(STEEL);
    expect(codes(categories.search('thép', 'zh'))).toContain('2410');
  });

  it('finds Persian typed with Arabic ي and ك, and with or without ZWNJ', () => {
    const persian = ranked('ریخته‌گری آهن', 'fa');
    // غیرآهنی (non-ferrous) holds آهن inside a word: found, but after the whole word.
    expect(persian).toEqual(['2431', '2432']);
    expect('ريخته‌گري آهن').toMatch(/\u064A/u);
    expect(ranked('ريخته‌گري آهن', 'fa')).toEqual(persian);
    expect(ranked('ریختهگری آهن', 'fa')).toEqual(persian);
    expect(ranked('كود', 'fa')).toEqual(ranked('کود', 'fa'));
    expect(ranked('كود', 'fa')).toContain('2012');
  });

  it('finds Vietnamese typed without diacritics, in any case', () => {
    expect(ranked('thep', 'vi')).toEqual(STEEL);
    expect(ranked('SAN XUAT SAT THEP', 'vi')).toEqual(['241', '2410']);
    expect(ranked('đúc kim loại màu', 'vi')).toEqual(['2432']);
    expect(ranked('duc kim loai mau', 'vi')).toEqual(['2432']);
  });

  it('finds Chinese words typed without spaces or particles', () => {
    expect(ranked('钢铁铸造', 'zh')).toEqual(['2431']);
    expect(ranked('基本钢铁', 'zh')).toEqual(['241', '2410']);
    expect(ranked('钢铁的铸造', 'zh')).toEqual(['2431']);
  });

  it('keeps Mongolian ү apart from у', () => {
    expect(ranked('ган цутгах', 'mn')).toEqual(['2431']);
    expect(ranked('үйлдвэрлэл ган', 'mn')).toEqual(['241', '2410']);
    expect(ranked('уйлдвэрлэл ган', 'mn')).toEqual([]);
  });

  it('matches nothing for a blank query', () => {
    expect(categories.rankedSearch('  ', 'fa')).toEqual([]);
    expect(categories.rankedSearch('،؛', 'fa')).toEqual([]);
  });
});

describe('rankedSearch order', () => {
  it('puts the title that is exactly the query first, before longer titles that contain it', () => {
    expect(ranked('بیمه', 'fa')[0]).toBe('651');
    expect(ranked('印刷', 'zh')).toEqual(['1811', '1812', '181', '2022']);
    expect(ranked('Bảo hiểm', 'vi')[0]).toBe('651');
    expect(ranked('даатгал', 'mn')[0]).toBe('651');
    expect(ranked('growing of rice', 'en')).toEqual(['0112', '0111']);
  });

  it('ranks milk (sữa) before repair (sửa) for "sữa", and repair first for "sửa"', () => {
    const milk = ranked('sữa', 'vi');
    expect(milk.slice(0, 2)).toEqual(['105', '1050']);
    const repair = ranked('sửa', 'vi');
    expect(repair.slice(0, 3)).toEqual(['3312', '3314', '3319']);
    expect(repair.indexOf('105')).toBeGreaterThan(repair.indexOf('33'));
    // Both spellings fold to "sua", so both find all 26; only the order differs.
    expect([...milk].sort()).toEqual([...repair].sort());
  });

  it('returns the same nodes as search(), only in another order', () => {
    for (const [q, lang] of [
      ['manufacture', 'en'],
      ['ساخت', 'fa'],
      ['sản xuất', 'vi'],
      ['制造', 'zh'],
    ] as const) {
      expect([...ranked(q, lang)].sort()).toEqual(codes(categories.search(q, lang)).sort());
    }
  });

  describe('on a small tree', () => {
    const tree = new CategoryTree(
      categoriesFromRows(
        [
          ['A', null, 'Marble and granite'],
          ['B', null, 'Iron and steel works'],
          ['C', null, 'Thep'],
          ['D', null, 'Steel'],
        ],
        {
          A: { mn: 'Гантиг, боржин чулуу', vi: 'Đá hoa' },
          B: { mn: 'Төмөр, ган', vi: 'Thép và sắt' },
          C: { mn: 'Бусад', vi: 'Khác' },
          D: { mn: 'Ган', vi: 'Thép' },
        },
      ),
    );
    const order = (q: string, lang: Parameters<CategoryTree['rankedSearch']>[1]) =>
      codes(tree.rankedSearch(q, lang));

    it('ranks a whole word before a word that only starts with the query', () => {
      expect(order('ган', 'mn')).toEqual(['D', 'B', 'A']);
      expect(codes(tree.search('ган', 'mn'))).toEqual(['A', 'B', 'D']);
    });

    it('ranks titles in the reader’s language before English, and English before others', () => {
      expect(order('thep', 'vi')).toEqual(['D', 'B', 'C']);
      expect(order('thep', 'en')).toEqual(['C', 'D', 'B']);
      expect(order('steel', 'vi')).toEqual(['D', 'B']);
    });

    it('breaks ties in tree order', () => {
      const twins = new CategoryTree(
        categoriesFromRows(
          [
            ['C', null, 'Manufacturing'],
            ['24', 'C', 'Manufacture of basic metals'],
            ['241', '24', 'Steel'],
            ['2410', '241', 'Steel'],
          ],
          {},
        ),
      );
      expect(codes(twins.rankedSearch('steel', 'fa'))).toEqual(['241', '2410']);
    });
  });
});
