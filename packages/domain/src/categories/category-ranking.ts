import { normalizeText } from '../text/normalize';
import { queryTerms, wordsOf } from '../text/words';

/** A search query, prepared once for scoring every title it matched. */
export interface RankQuery {
  /** What a title must contain, normalised (queryTerms). */
  readonly terms: readonly string[];
  /** The query's normalised words, to recognise a title that is exactly the query. */
  readonly words: string;
  /** The query's words as typed (case aside), to prefer titles spelled the same, diacritics and all. */
  readonly literal: readonly string[];
}

/**
 * How well one title matches, compared field by field, lower first:
 * - language: 0 the reader's language, 1 English, 2 any other language;
 * - exact: 0 when the title is the query itself (punctuation and case aside);
 * - fit: per term, 0 a whole word of the title, 1 the start of a word, 2 inside a word
 *   ("ган" is a word of "төмөр, ган" but only part of "гантиг");
 * - misspelt: query words not found as typed, so that "sữa" (milk) ranks milk before "sửa" (repair),
 *   which normalisation folds to the same word;
 * - length: shorter titles are about the query more than longer ones that mention it.
 */
export type TitleScore = readonly [
  language: number,
  exact: number,
  fit: number,
  misspelt: number,
  length: number,
];

export function rankQuery(query: string): RankQuery | undefined {
  const terms = queryTerms(query);
  if (terms.length === 0) return undefined;
  return {
    terms,
    words: wordsOf(normalizeText(query)).join(' '),
    literal: wordsOf(asTyped(query)),
  };
}

/** Whether a normalised title (normalizeText) holds every term of the query. */
export const matches = (q: Pick<RankQuery, 'terms'>, normalisedTitle: string): boolean =>
  q.terms.every((term) => normalisedTitle.includes(term));

/** What scoring needs of one title, worked out once per title and kept (CategoryTree caches it). */
export interface TitleWords {
  /** Its normalised words. */
  readonly words: readonly string[];
  /** Its words as written (case aside). */
  readonly typed: ReadonlySet<string>;
  readonly length: number;
}

export const titleWords = (title: string, normalisedTitle: string): TitleWords => ({
  words: wordsOf(normalisedTitle),
  typed: new Set(wordsOf(asTyped(title))),
  length: normalisedTitle.length,
});

export function scoreTitle(q: RankQuery, language: number, title: TitleWords): TitleScore {
  const fit = q.terms.reduce((sum, term) => {
    if (title.words.includes(term)) return sum;
    return sum + (title.words.some((w) => w.startsWith(term)) ? 1 : 2);
  }, 0);
  const misspelt = q.literal.filter((w) => !title.typed.has(w)).length;
  const exact = title.words.join(' ') === q.words ? 0 : 1;
  return [language, exact, fit, misspelt, title.length];
}

export function compareScores(a: TitleScore, b: TitleScore): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const asTyped = (s: string) => s.toLowerCase().normalize('NFC');
