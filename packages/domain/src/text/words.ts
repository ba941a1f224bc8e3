import { tokenize } from './normalize';

const HAN_RE = /\p{Script=Han}/u;
// As tokenize() splits: marks belong to words; ZWNJ, spaces and punctuation end them.
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/u;
// ICU's dictionary word breaks, for Chinese only (it has no spaces); built on first use, as
// building one costs tens of milliseconds and most text never needs it.
let segmenter: Intl.Segmenter | undefined;

/** The words of s, punctuation and spaces dropped; Chinese split by dictionary. Not normalised here. */
export function wordsOf(s: string): string[] {
  if (!HAN_RE.test(s)) return s.split(SEPARATOR_RE).filter(Boolean);
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(s)) if (isWordLike) words.push(segment);
  return words;
}

/**
 * The terms a search requires: tokenize()'s normalised words, with any token holding Chinese split
 * into its words, so that 钢铁铸造 finds 钢铁的铸造 the way "iron casting" finds "casting of iron".
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(query)) {
    if (!HAN_RE.test(token)) terms.add(token);
    else for (const word of wordsOf(token)) terms.add(word);
  }
  return [...terms];
}
