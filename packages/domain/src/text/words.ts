import { tokenize } from './normalize';

// ICU's word boundaries split Chinese (which has no spaces) by dictionary, and every other script
// at spaces and punctuation. Built on first use: most requests never need one.
let segmenter: Intl.Segmenter | undefined;
const HAN_RE = /\p{Script=Han}/u;

/** The words of s by ICU word boundaries, punctuation and spaces dropped; s is not normalised here. */
export function wordsOf(s: string): string[] {
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
