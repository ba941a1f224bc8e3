import { z } from 'zod';
import { LANGS, type Lang } from '../shared/locale';
import { normalizeText } from '../text/normalize';
import {
  compareScores,
  matches,
  rankQuery,
  scoreTitle,
  type TitleScore,
  type TitleWords,
  titleWords,
} from './category-ranking';

export const CATEGORY_LEVELS = ['section', 'division', 'group', 'class'] as const;
export const CategoryLevel = z.enum(CATEGORY_LEVELS);
export type CategoryLevel = z.infer<typeof CategoryLevel>;

/** An ISIC Rev.4 code: a section letter, or a 2-, 3- or 4-digit division, group or class. */
export const CategoryCode = z
  .string()
  .regex(/^(?:[A-U]|\d{2,4})$/, 'Use an ISIC Rev.4 code: a section letter A–U or 2 to 4 digits.');
export type CategoryCode = z.infer<typeof CategoryCode>;

/** The level a code's form implies; the code may still not exist in the classification. */
export function levelOfCode(code: string): CategoryLevel | undefined {
  if (/^[A-U]$/.test(code)) return 'section';
  if (/^\d{2,4}$/.test(code)) return CATEGORY_LEVELS[code.length - 1];
  return undefined;
}

const Title = z.string().min(1);
export const CategoryTitle = z.strictObject({
  en: Title,
  fa: Title.optional(),
  mn: Title.optional(),
  vi: Title.optional(),
  zh: Title.optional(),
});
export type CategoryTitle = z.infer<typeof CategoryTitle>;

export const Category = z
  .strictObject({
    code: CategoryCode,
    level: CategoryLevel,
    parent: CategoryCode.nullable(),
    title: CategoryTitle,
  })
  .refine((c) => levelOfCode(c.code) === c.level, { message: 'Level does not match the form of the code.' })
  .refine((c) => (c.level === 'section') === (c.parent === null), {
    message: 'Sections, and only sections, have no parent.',
  });
export type Category = z.infer<typeof Category>;

/** A node as the data file stores it: the level follows from the code's form. */
export type CategoryRow = readonly [code: string, parent: string | null, en: string];
/** Titles in the languages besides English, by code. */
export type CategoryTranslations = Readonly<Record<string, Omit<CategoryTitle, 'en'>>>;

/** Nodes from data rows, with the translations given (none: English only). */
export function categoriesFromRows(
  rows: readonly CategoryRow[],
  translations: CategoryTranslations = {},
): Category[] {
  return rows.map(([code, parent, en]) => ({
    code,
    level: levelOfCode(code) as CategoryLevel,
    parent,
    title: { en, ...translations[code] },
  }));
}

const PARENT_LEVEL: Readonly<Record<CategoryLevel, CategoryLevel | null>> = {
  section: null,
  division: 'section',
  group: 'division',
  class: 'group',
};

const byCode = (a: Category, b: Category) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The ISIC hierarchy, read-only; any unknown code yields an empty or undefined answer, never a throw. */
export class CategoryTree {
  readonly #byCode = new Map<string, Category>();
  readonly #children = new Map<string | null, readonly Category[]>();
  /** Every node in tree order: each section, then its descendants, siblings by code. */
  readonly #ordered: readonly Category[];
  /** Normalised titles per language, aligned with #ordered; built on the first search. */
  readonly #searchText = new Map<Lang, readonly string[]>();
  /** Words of each title per language, for ranking; worked out the first time a title matches. */
  readonly #titleWords = new Map<Lang, (TitleWords | undefined)[]>();

  constructor(nodes: readonly Category[]) {
    for (const node of nodes) {
      if (this.#byCode.has(node.code)) throw new Error(`Duplicate category code ${node.code}.`);
      this.#byCode.set(node.code, Object.freeze({ ...node, title: Object.freeze({ ...node.title }) }));
    }
    const siblings = new Map<string | null, Category[]>();
    for (const node of this.#byCode.values()) {
      this.#checkParent(node);
      const list = siblings.get(node.parent) ?? [];
      list.push(node);
      siblings.set(node.parent, list);
    }
    for (const [parent, list] of siblings) this.#children.set(parent, Object.freeze(list.sort(byCode)));

    const ordered: Category[] = [];
    const visit = (parent: string | null) => {
      for (const child of this.children(parent)) {
        ordered.push(child);
        visit(child.code);
      }
    };
    visit(null);
    this.#ordered = Object.freeze(ordered);
  }

  #checkParent(node: Category): void {
    if (node.parent === null) return;
    const parent = this.#byCode.get(node.parent);
    if (!parent) throw new Error(`Category ${node.code} has unknown parent ${node.parent}.`);
    if (parent.level !== PARENT_LEVEL[node.level]) {
      throw new Error(
        `Category ${node.code} (${node.level}) cannot sit under ${parent.code} (${parent.level}).`,
      );
    }
    if (parent.level !== 'section' && !node.code.startsWith(parent.code)) {
      throw new Error(`Category ${node.code} does not extend its parent's code ${parent.code}.`);
    }
  }

  get size(): number {
    return this.#ordered.length;
  }

  /** Every node in tree order. */
  all(): readonly Category[] {
    return this.#ordered;
  }

  has(code: string): boolean {
    return this.#byCode.has(code);
  }

  get(code: string): Category | undefined {
    return this.#byCode.get(code);
  }

  /** Direct children in code order; `null` gives the sections. */
  children(parentCode: string | null): readonly Category[] {
    return this.#children.get(parentCode) ?? [];
  }

  /** The chain above a node, from its section down to its parent (the node itself excluded). */
  ancestors(code: string): Category[] {
    const chain: Category[] = [];
    let node = this.get(code);
    while (node?.parent) {
      node = this.get(node.parent);
      if (node) chain.unshift(node);
    }
    return chain;
  }

  /** True if `code` is `ancestorCode` itself or lies anywhere below it. */
  isUnder(code: string, ancestorCode: string): boolean {
    if (!this.has(code) || !this.has(ancestorCode)) return false;
    return code === ancestorCode || this.ancestors(code).some((a) => a.code === ancestorCode);
  }

  /** The 4-digit classes at or below a node, in code order; a class gives itself. */
  descendantClasses(code: string): Category[] {
    const node = this.get(code);
    if (!node) return [];
    if (node.level === 'class') return [node];
    return this.children(code).flatMap((child) => this.descendantClasses(child.code));
  }

  level(code: string): CategoryLevel | undefined {
    return this.get(code)?.level;
  }

  /** The section letter of a node (itself for a section); null for an unknown code. */
  section(code: string): string | null {
    return this.#ancestorAt(code, 'section');
  }

  /** The 2-digit division of a node; null for a section or an unknown code. */
  division(code: string): string | null {
    return this.#ancestorAt(code, 'division');
  }

  /** The 3-digit group of a node; null for a section, a division or an unknown code. */
  group(code: string): string | null {
    return this.#ancestorAt(code, 'group');
  }

  #ancestorAt(code: string, level: CategoryLevel): string | null {
    const node = this.get(code);
    if (!node) return null;
    if (node.level === level) return node.code;
    return this.ancestors(code).find((a) => a.level === level)?.code ?? null;
  }

  /** The title in `lang`, or the English one where that translation is missing. */
  title(code: string, lang: Lang): string | undefined {
    const title = this.get(code)?.title;
    return title && (title[lang] ?? title.en);
  }

  /**
   * Nodes, in tree order, whose title in some language holds every term of the query (queryTerms:
   * normalised words, Chinese split into words; a term may sit inside a word). Every language is
   * searched, as a firm may know an activity's name in another; `lang` only orders rankedSearch.
   * An empty query matches nothing.
   */
  search(query: string, _lang: Lang, limit = Number.POSITIVE_INFINITY): Category[] {
    const q = rankQuery(query);
    if (!q || limit <= 0) return [];
    const found: Category[] = [];
    for (const [i, node] of this.#ordered.entries()) {
      if (LANGS.some((l) => matches(q, this.#titlesIn(l)[i]!))) {
        found.push(node);
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  /**
   * The nodes search() finds, best match first (category-ranking.ts): titles in `lang` before
   * English before other languages, then exact titles, whole words, spelling as typed and shorter
   * titles; tree order breaks ties, so a group comes before its class of the same title.
   */
  rankedSearch(query: string, lang: Lang): Category[] {
    const q = rankQuery(query);
    if (!q) return [];
    const tier = (l: Lang) => (l === lang ? 0 : l === 'en' ? 1 : 2);
    const scored: { node: Category; index: number; score: TitleScore }[] = [];
    for (const [index, node] of this.#ordered.entries()) {
      let best: TitleScore | undefined;
      for (const l of LANGS) {
        const normalised = this.#titlesIn(l)[index]!;
        if (!matches(q, normalised)) continue;
        const score = scoreTitle(q, tier(l), this.#wordsOf(l, index));
        if (!best || compareScores(score, best) < 0) best = score;
      }
      if (best) scored.push({ node, index, score: best });
    }
    scored.sort((a, b) => compareScores(a.score, b.score) || a.index - b.index);
    return scored.map((s) => s.node);
  }

  #wordsOf(lang: Lang, index: number): TitleWords {
    let words = this.#titleWords.get(lang);
    if (!words) {
      words = [];
      this.#titleWords.set(lang, words);
    }
    words[index] ??= titleWords(this.#ordered[index]!.title[lang] ?? '', this.#titlesIn(lang)[index]!);
    return words[index];
  }

  #titlesIn(lang: Lang): readonly string[] {
    let texts = this.#searchText.get(lang);
    if (!texts) {
      texts = this.#ordered.map((node) => normalizeText(node.title[lang] ?? ''));
      this.#searchText.set(lang, texts);
    }
    return texts;
  }
}
