import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Category, CategoryTree } from './category';
import { categories as english } from './isic-rev4';
import { localizedCategories as categories } from './isic-rev4-localized';
import { TRANSLATIONS_ARE_UNOFFICIAL, translationNote } from './translation-note';

// UNSD's published list, kept in the repository with its source note (reference/README.md).
const REFERENCE_CSV = new URL('./reference/isic-rev4.csv', import.meta.url);

type Row = { level: string; code: string; parent: string | null; en: string };

// Written independently of the generator's parser so that one bug cannot hide in both.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else field += ch;
  }
  if (inQuotes) throw new Error('Unterminated quoted field in the CSV.');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

let reference: Row[] | undefined;
function loadReference(): Row[] {
  if (reference) return reference;
  const path = fileURLToPath(REFERENCE_CSV);
  if (!existsSync(path)) {
    throw new Error(
      `Reference ISIC Rev.4 CSV not found at ${path}: the project data cannot be verified without it.`,
    );
  }
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  expect(header).toEqual(['level', 'code', 'parent', 'title_en']);
  reference = rows.map((cells) => {
    expect(cells).toHaveLength(4);
    const [level = '', code = '', parent = '', en = ''] = cells;
    return { level, code, parent: parent === '' ? null : parent, en };
  });
  return reference;
}

const codes = (nodes: readonly Category[]) => nodes.map((n) => n.code);
const atLevel = (level: string) => categories.all().filter((n) => n.level === level);
const TRANSLATED = ['fa', 'mn', 'vi', 'zh'] as const;

describe('ISIC Rev.4 data as shipped', () => {
  it('passes the Category schema, node by node, in both trees', () => {
    expect(z.array(Category).parse(categories.all())).toHaveLength(766);
    expect(z.array(Category).parse(english.all())).toHaveLength(766);
  });

  it('carries the same tree in English only where no route needs other languages', () => {
    expect(english.all().map((n) => [n.code, n.level, n.parent, n.title.en])).toEqual(
      categories.all().map((n) => [n.code, n.level, n.parent, n.title.en]),
    );
    expect(english.all().every((n) => Object.keys(n.title).join() === 'en')).toBe(true);
    expect(english.title('22', 'fa')).toBe('Manufacture of rubber and plastics products');
  });
});

describe('ISIC Rev.4 data against the reference CSV', () => {
  it('reads a CSV whose quoted titles keep their commas', () => {
    const rows = loadReference();
    expect(rows).toHaveLength(766);
    expect(rows.find((r) => r.code === 'A')?.en).toBe('Agriculture, forestry and fishing');
  });

  it('has the same codes, levels, parents and English titles, in the same order', () => {
    const project = categories
      .all()
      .map((n) => ({ level: n.level, code: n.code, parent: n.parent, en: n.title.en }));
    expect(project).toEqual(loadReference());
  });

  it('has 21 sections, 88 divisions, 238 groups and 419 classes', () => {
    expect(atLevel('section')).toHaveLength(21);
    expect(atLevel('division')).toHaveLength(88);
    expect(atLevel('group')).toHaveLength(238);
    expect(atLevel('class')).toHaveLength(419);
    expect(categories.size).toBe(766);
  });

  it('has the published number of divisions per section', () => {
    const expected = { A: 3, B: 5, C: 24, D: 1, E: 4, F: 3, G: 3, H: 5, I: 2, J: 6, K: 3 };
    const more = { L: 1, M: 7, N: 6, O: 1, P: 1, Q: 3, R: 4, S: 3, T: 2, U: 1 };
    const actual = Object.fromEntries(
      categories.children(null).map((s) => [s.code, categories.children(s.code).length]),
    );
    expect(actual).toEqual({ ...expected, ...more });
  });
});

describe('ISIC Rev.4 translations', () => {
  const sectionsAndDivisions = [...atLevel('section'), ...atLevel('division')];

  it('gives every section and division a non-empty title in fa, mn, vi and zh', () => {
    expect(sectionsAndDivisions).toHaveLength(109);
    for (const node of sectionsAndDivisions) {
      for (const lang of TRANSLATED) expect(node.title[lang]?.trim(), `${node.code} ${lang}`).toBeTruthy();
    }
  });

  it('writes Persian in Arabic script with Persian yeh and kaf, and no Latin letters', () => {
    for (const node of sectionsAndDivisions) {
      const fa = node.title.fa ?? '';
      expect(fa, node.code).toMatch(/\p{Script=Arabic}/u);
      expect(fa, node.code).not.toMatch(/[A-Za-z\u064A\u0643]/u);
    }
  });

  it('writes Mongolian in Cyrillic and Chinese in Han characters, without Latin letters', () => {
    for (const node of sectionsAndDivisions) {
      expect(node.title.mn, node.code).toMatch(/^[\p{Script=Cyrillic}\s,;()-]+$/u);
      expect(node.title.zh, node.code).toMatch(/\p{Script=Han}/u);
      expect(node.title.zh, node.code).not.toMatch(/[A-Za-z]/);
    }
  });

  it('writes Vietnamese in Latin letters, not copied from the English', () => {
    for (const node of sectionsAndDivisions) {
      expect(node.title.vi, node.code).toMatch(/\p{Script=Latin}/u);
      expect(node.title.vi, node.code).not.toBe(node.title.en);
    }
    // Vietnamese without a single tone mark across all of these would mean the text was stripped.
    expect(
      sectionsAndDivisions.filter((n) =>
        /[ạảãàáâậầấẩẫăắằặẳẵđệềếểễộồốổỗơớờợởỡưứừựửữịỉĩìíọỏõòóụủũùúỵỷỹỳý]/.test(n.title.vi ?? ''),
      ).length,
    ).toBeGreaterThan(100);
  });

  it('stores every title in NFC so equal text compares equal', () => {
    for (const node of categories.all()) {
      for (const text of Object.values(node.title)) expect(text, node.code).toBe(text.normalize('NFC'));
    }
  });

  it('states that the translations are unofficial', () => {
    expect(TRANSLATIONS_ARE_UNOFFICIAL).toBe(true);
    expect(translationNote).toMatch(/unofficial/i);
  });
});

describe('CategoryTree', () => {
  it('lists sections in code order for children(null)', () => {
    expect(codes(categories.children(null))).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
  });

  it('lists children in code order', () => {
    const manufacturing = Array.from({ length: 24 }, (_, i) => String(10 + i));
    expect(codes(categories.children('C'))).toEqual(manufacturing);
    expect(codes(categories.children('25'))).toEqual(['251', '252', '259']);
    expect(codes(categories.children('251'))).toEqual(['2511', '2512', '2513']);
    expect(categories.children('2511')).toEqual([]);
    expect(categories.children('ZZ')).toEqual([]);
  });

  it('returns nodes with get and reports unknown codes as absent', () => {
    expect(categories.get('2511')).toMatchObject({ level: 'class', parent: '251' });
    expect(categories.get('2511')?.title.en).toBe('Manufacture of structural metal products');
    expect(categories.get('9999')).toBeUndefined();
    expect(categories.has('0111')).toBe(true);
    expect(categories.has('111')).toBe(false);
  });

  it('gives ancestors from the section down, without the node itself', () => {
    expect(codes(categories.ancestors('2511'))).toEqual(['C', '25', '251']);
    expect(codes(categories.ancestors('251'))).toEqual(['C', '25']);
    expect(codes(categories.ancestors('01'))).toEqual(['A']);
    expect(categories.ancestors('C')).toEqual([]);
    expect(categories.ancestors('nope')).toEqual([]);
  });

  it('tells whether a code is a node itself or lies below another', () => {
    expect(categories.isUnder('2511', '25')).toBe(true);
    expect(categories.isUnder('2511', 'C')).toBe(true);
    expect(categories.isUnder('2511', '251')).toBe(true);
    expect(categories.isUnder('2511', '2511')).toBe(true);
    expect(categories.isUnder('25', '25')).toBe(true);
    expect(categories.isUnder('2511', '24')).toBe(false);
    expect(categories.isUnder('2511', 'B')).toBe(false);
    expect(categories.isUnder('25', '2511')).toBe(false);
    expect(categories.isUnder('C', '25')).toBe(false);
    expect(categories.isUnder('2599', '25')).toBe(true);
    expect(categories.isUnder('9999', '99')).toBe(false);
    expect(categories.isUnder('2511', 'nope')).toBe(false);
  });

  it('lists the classes below a node', () => {
    expect(codes(categories.descendantClasses('25'))).toEqual([
      '2511',
      '2512',
      '2513',
      '2520',
      '2591',
      '2592',
      '2593',
      '2599',
    ]);
    expect(codes(categories.descendantClasses('0111'))).toEqual(['0111']);
    expect(categories.descendantClasses('nope')).toEqual([]);
    const cDivisions = new Set(categories.children('C').map((d) => d.code));
    const expected = loadReference().filter((r) => r.level === 'class' && cDivisions.has(r.code.slice(0, 2)));
    expect(codes(categories.descendantClasses('C'))).toEqual(expected.map((r) => r.code));
    expect(categories.children(null).flatMap((s) => categories.descendantClasses(s.code))).toHaveLength(419);
  });

  it('names the level, section, division and group of a code', () => {
    expect(categories.level('C')).toBe('section');
    expect(categories.level('25')).toBe('division');
    expect(categories.level('251')).toBe('group');
    expect(categories.level('2511')).toBe('class');
    expect(categories.level('2')).toBeUndefined();
    expect(categories.section('2511')).toBe('C');
    expect(categories.section('0111')).toBe('A');
    expect(categories.division('2511')).toBe('25');
    expect(categories.division('25')).toBe('25');
    expect(categories.division('C')).toBeNull();
    expect(categories.group('2511')).toBe('251');
    expect(categories.group('251')).toBe('251');
    expect(categories.group('25')).toBeNull();
    expect(categories.group('nope')).toBeNull();
  });

  it('gives titles in a language and falls back to English', () => {
    expect(categories.title('22', 'fa')).toBe('ساخت محصولات لاستیکی و پلاستیکی');
    expect(categories.title('22', 'zh')).toBe('橡胶和塑料制品的制造');
    expect(categories.title('22', 'en')).toBe('Manufacture of rubber and plastics products');
    const group = categories.get('222');
    expect(categories.title('222', 'mn')).toBe(group?.title.mn ?? group?.title.en);
    expect(categories.title('222', 'mn')).toBeTruthy();
    expect(categories.title('nope', 'en')).toBeUndefined();
  });
});

describe('CategoryTree.search', () => {
  it('finds English titles that contain every query token, in any case', () => {
    const found = categories.search('BASIC metals', 'en');
    expect(codes(found)).toContain('24');
    for (const node of found) expect(node.title.en.toLowerCase()).toMatch(/basic.*metals|metals.*basic/);
    expect(codes(categories.search('steel', 'en'))).toContain('2410');
  });

  it('returns results in tree order and honours a limit', () => {
    const found = codes(categories.search('manufacture', 'en'));
    const order = codes(categories.all());
    expect(found.length).toBeGreaterThan(100);
    expect([...found].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(found);
    expect(codes(categories.search('manufacture', 'en', 3))).toEqual(found.slice(0, 3));
  });

  it('finds Persian titles typed with Arabic yeh and kaf', () => {
    const query = 'پلاستيك';
    expect(query).toMatch(/[\u064A\u0643]/u);
    expect(categories.get('22')?.title.fa).toMatch(/پلاستیکی/u);
    expect(codes(categories.search(query, 'fa'))).toContain('22');
  });

  it('finds Persian titles with or without ZWNJ, and with hamza or madda dropped', () => {
    expect(codes(categories.search('فعالیتهای پشتیبانی معدن', 'fa'))).toEqual(['09']);
    expect(codes(categories.search('تامين برق', 'fa'))).toEqual(['D', '35']);
    expect(codes(categories.search('ابرسانی', 'fa'))).toContain('E');
  });

  it('falls back to English titles when searching in another language', () => {
    expect(codes(categories.search('plastics', 'fa'))).toEqual(expect.arrayContaining(['22', '222']));
    expect(codes(categories.search('Growing of rice', 'zh'))).toEqual(['0111', '0112']);
  });

  it('finds Vietnamese titles without diacritics', () => {
    expect(codes(categories.search('san xuat giay', 'vi'))).toContain('17');
    expect(codes(categories.search('DỆT', 'vi'))).toContain('13');
  });

  it('finds Mongolian titles in any case and keeps ү apart from у', () => {
    expect(codes(categories.search('ХУВАНЦАР', 'mn'))).toContain('22');
    expect(codes(categories.search('үйлдвэрлэл хуванцар', 'mn'))).toContain('22');
    expect(categories.search('уилдвэрлэл', 'mn')).toEqual([]);
  });

  it('finds Chinese titles by substring', () => {
    expect(codes(categories.search('塑料', 'zh'))).toContain('22');
  });

  it('matches nothing for an empty or blank query, or an unknown word', () => {
    expect(categories.search('', 'en')).toEqual([]);
    expect(categories.search('   ', 'fa')).toEqual([]);
    expect(categories.search('xylophonezzz', 'en')).toEqual([]);
  });
});

describe('Category schema and tree construction', () => {
  const node = (code: string, level: string, parent: string | null) => ({
    code,
    level,
    parent,
    title: { en: code },
  });

  it('rejects a level that does not fit the code, and parents on sections', () => {
    expect(Category.safeParse(node('25', 'division', 'C')).success).toBe(true);
    expect(Category.safeParse(node('25', 'group', 'C')).success).toBe(false);
    expect(Category.safeParse(node('C', 'section', 'B')).success).toBe(false);
    expect(Category.safeParse(node('25', 'division', null)).success).toBe(false);
    expect(Category.safeParse({ ...node('25', 'division', 'C'), title: { fa: 'x' } }).success).toBe(false);
  });

  it('refuses duplicate codes, unknown parents and parents at the wrong level', () => {
    const make = (nodes: ReturnType<typeof node>[]) => () =>
      new CategoryTree(nodes.map((n) => Category.parse(n)));
    expect(make([node('C', 'section', null), node('25', 'division', 'C')])).not.toThrow();
    expect(make([node('C', 'section', null), node('C', 'section', null)])).toThrow(/Duplicate/);
    expect(make([node('25', 'division', 'C')])).toThrow(/unknown parent/);
    expect(make([node('C', 'section', null), node('251', 'group', 'C')])).toThrow(/cannot sit under/);
    expect(
      make([node('C', 'section', null), node('25', 'division', 'C'), node('261', 'group', '25')]),
    ).toThrow(/does not extend/);
  });
});
