import { describe, expect, it } from 'vitest';
import { LANGS } from '../shared/locale';
import { type Category, type CategoryTranslations, CategoryTree, categoriesFromRows } from './category';
import { termIn } from './glossary';
import { localizedCategories as categories } from './isic-rev4-localized';
import { TRANSLATIONS_ARE_UNOFFICIAL, translationNote, translationSources } from './translation-note';

// The ISIC titles in Parkbridge's five languages at every level (isic-rev4.translations.md).

const TRANSLATED = ['fa', 'mn', 'vi', 'zh'] as const;
const all = categories.all();

/** "<code> <lang>" for every title that is absent or blank in one of the five languages. */
function missingTitles(tree: CategoryTree): string[] {
  return tree
    .all()
    .flatMap((node) => LANGS.filter((l) => !node.title[l]?.trim()).map((l) => `${node.code} ${l}`));
}

/** Titles of `lang` that break `rule`, as "<code>: <title>", so a failure names them. */
const offenders = (lang: (typeof TRANSLATED)[number], rule: (title: string, node: Category) => boolean) =>
  all.filter((n) => !rule(n.title[lang] ?? '', n)).map((n) => `${n.code}: ${n.title[lang]}`);

describe('ISIC titles in five languages at every level', () => {
  it('has a non-empty title in en, fa, mn, vi and zh for every one of the 766 nodes', () => {
    expect(all).toHaveLength(766);
    expect(missingTitles(categories)).toEqual([]);
  });

  it('counts 21 sections, 88 divisions, 238 groups and 419 classes titled in each language', () => {
    const counts = Object.fromEntries(
      LANGS.map((l) => [
        l,
        Object.fromEntries(
          ['section', 'division', 'group', 'class'].map((level) => [
            level,
            all.filter((n) => n.level === level && n.title[l]?.trim()).length,
          ]),
        ),
      ]),
    );
    const full = { section: 21, division: 88, group: 238, class: 419 };
    expect(counts).toEqual({ en: full, fa: full, mn: full, vi: full, zh: full });
  });

  it('reports a missing or blank title, naming the node and the language', () => {
    const rows = [
      ['C', null, 'Manufacturing'],
      ['24', 'C', 'Manufacture of basic metals'],
      ['241', '24', 'Manufacture of basic iron and steel'],
    ] as const;
    const titles: CategoryTranslations = {
      C: { fa: 'صنعت', mn: 'Үйлдвэрлэл', vi: 'Công nghiệp', zh: '制造业' },
      24: { fa: 'ساخت فلزات پایه', mn: ' ', vi: 'Sản xuất kim loại', zh: '基本金属的制造' },
      241: { fa: 'ساخت آهن و فولاد پایه', vi: 'Sản xuất sắt, thép', zh: '基本钢铁的制造' },
    };
    expect(missingTitles(new CategoryTree(categoriesFromRows(rows, titles)))).toEqual(['24 mn', '241 mn']);
  });
});

describe('ISIC titles are written in each language’s script', () => {
  it('writes Persian in Arabic script with Persian ی and ک, never Arabic ي and ك, and no Latin', () => {
    expect(offenders('fa', (t) => /^[\p{Script=Arabic}\u200C\s،؛()]+$/u.test(t))).toEqual([]);
    expect(offenders('fa', (t) => !/[\u064A\u0643\u0649]/u.test(t))).toEqual([]);
    // Letters Arabic lacks (پ چ ژ گ) or writes differently (ی ک) show the text is Persian; a few
    // short titles have none of them (استخراج نفت خام), nearly all do.
    expect(all.filter((n) => /[پچژگیک]/u.test(n.title.fa ?? '')).length).toBeGreaterThan(700);
  });

  it('puts a ZWNJ before ها/های after a joining letter, and never beside a space', () => {
    const joinsLeft = /[بپتثجچحخسشصضطظعغفقکگلمنهیئ]$/u;
    const plural = (word: string) => {
      const last = word.split('\u200C').at(-1) ?? '';
      const stem = last.replace(/(?:ها|های|هایی)$/u, '');
      // بها (price, as in گران‌بها) is a word, not a plural ending.
      return stem !== last && stem !== '' && last !== 'بها' && joinsLeft.test(stem);
    };
    expect(offenders('fa', (t) => !t.split(/[\s،؛()]+/u).some(plural))).toEqual([]);
    expect(offenders('fa', (t) => !/\s\u200C|\u200C\s|\u200C\u200C|^\u200C|\u200C$/u.test(t))).toEqual([]);
    expect(categories.title('2021', 'fa')).toContain('آفت‌کش‌ها');
  });

  it('writes Mongolian in Cyrillic, with the Mongolian letters ө and ү', () => {
    expect(offenders('mn', (t) => /^[\p{Script=Cyrillic}\s,;()-]+$/u.test(t))).toEqual([]);
    // Most Mongolian titles say үйлдвэрлэл, үйл ажиллагаа or үйлчилгээ; text typed with у and о
    // instead of ү and ө would have none.
    const withMongolianLetters = all.filter((n) => /[өүӨҮ]/u.test(n.title.mn ?? '')).length;
    expect(withMongolianLetters).toBeGreaterThan(600);
  });

  it('writes Vietnamese in Latin letters with Vietnamese diacritics in every title', () => {
    expect(offenders('vi', (t) => /^[\p{Script=Latin}\s,;()-]+$/u.test(t))).toEqual([]);
    const vietnamese = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
    expect(offenders('vi', (t) => vietnamese.test(t))).toEqual([]);
  });

  it('writes Chinese in Simplified Han characters with full-width punctuation', () => {
    expect(offenders('zh', (t) => /^[\p{Script=Han}、，；（）]+$/u.test(t))).toEqual([]);
    // Traditional forms of characters these titles use; a title in Traditional Chinese has some.
    const traditional =
      /[業製鋼鐵機電類產務動與關運輸銷貿醫藥農漁礦築為會專設備組織飲廣發術總開構紡裝維車輛輪廠鐘錶樂遊戲據處線纜燈氣熱衛針寶貴飾體療護養險證門網傳廢蔥棄]/u;
    expect(offenders('zh', (t) => !traditional.test(t))).toEqual([]);
  });

  it('gives no title in another language the English wording', () => {
    for (const lang of TRANSLATED) {
      expect(offenders(lang, (t, n) => t.toLowerCase() !== n.title.en.toLowerCase())).toEqual([]);
    }
  });

  it('stores every title in NFC, without leading, trailing or doubled spaces', () => {
    for (const lang of TRANSLATED) {
      expect(offenders(lang, (t) => t === t.normalize('NFC') && t === t.trim() && !/\s{2}/u.test(t))).toEqual(
        [],
      );
    }
  });
});

describe('ISIC titles use one term for one thing at every level', () => {
  const naming = (pattern: RegExp) => all.filter((n) => pattern.test(n.title.en));

  it('translates steel as فولاد, ган, thép and 钢 wherever the English names it', () => {
    const steel = naming(/\bsteel\b/i);
    expect(steel.map((n) => n.code)).toEqual(['241', '2410', '2431']);
    for (const n of steel) {
      for (const [lang, word] of termIn('steel')) {
        // A whole word: ган (steel) must not be found only inside гантиг (marble).
        const words = n.title[lang]?.toLowerCase().split(/[\s,;()]+/u) ?? [];
        expect(lang === 'zh' ? n.title.zh : words, `${n.code} ${lang}`).toContain(word);
      }
    }
  });

  it('translates n.e.c. the same way in all 24 titles that carry it', () => {
    const nec = naming(/n\.e\.c\./);
    expect(nec).toHaveLength(24);
    for (const n of nec) {
      for (const [lang, term] of termIn('nec')) {
        expect(n.title[lang]?.toLowerCase(), `${n.code} ${lang}`).toContain(term);
      }
    }
  });

  it('names manufacture as ساخت, үйлдвэрлэл, sản xuất (may for apparel) and 制造 (生产 for gas) in every manufacturing title', () => {
    const made = naming(/^Manufacture of /);
    expect(made).toHaveLength(191);
    for (const n of made) {
      expect(n.title.fa, n.code).toMatch(/^ساخت /u);
      expect(n.title.mn, n.code).toContain('үйлдвэрлэл');
      expect(n.title.vi, n.code).toMatch(/sản xuất|chế biến|^may /iu);
      expect(n.title.zh, n.code).toMatch(/制造|生产/u);
    }
  });

  it('gives a node whose English title repeats its parent’s the parent’s title in every language', () => {
    const repeats = all.filter((n) => n.parent && categories.get(n.parent)?.title.en === n.title.en);
    // 158 classes, 16 groups and the 5 divisions that repeat their section (35, 68, 84, 85, 99).
    expect(repeats).toHaveLength(179);
    for (const n of repeats) {
      const parent = categories.get(n.parent!)!;
      for (const lang of TRANSLATED) expect(n.title[lang], `${n.code} ${lang}`).toBe(parent.title[lang]);
    }
  });

  it('titles each class of the steel group as a child of it', () => {
    expect(categories.ancestors('2410').map((a) => a.title.fa)).toEqual([
      'صنعت (ساخت)',
      'ساخت فلزات پایه',
      'ساخت آهن و فولاد پایه',
    ]);
    expect(categories.title('2431', 'zh')).toBe('钢铁的铸造');
    expect(categories.title('243', 'zh')).toBe('金属的铸造');
  });
});

describe('the source note of the translations', () => {
  it('claims no official wording for any language, and says so per language', () => {
    expect(Object.keys(translationSources).sort()).toEqual([...TRANSLATED]);
    for (const lang of TRANSLATED) {
      expect(translationSources[lang].official).toBe(false);
      expect(translationSources[lang].basis).toMatch(/^Parkbridge's translation/);
    }
    expect(TRANSLATIONS_ARE_UNOFFICIAL).toBe(true);
    expect(translationNote).toMatch(/every section, division, group and class/);
  });
});
