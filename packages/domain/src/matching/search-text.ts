import { tokenize } from '../text/normalize';

/** Longest search text kept on an item: enough for a full description, well under the item limit. */
const MAX_SEARCH_TEXT = 12_000;
/** A query of more words than this is cut: every word costs a `contains` in the filter. */
export const MAX_QUERY_TERMS = 8;

/**
 * The text a need or listing is found by: its words, normalised the same way as queries
 * (normalizeText via tokenize), joined by single spaces and framed by spaces. Stored on the item.
 */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  const words = tokenize(parts.filter(Boolean).join(' '));
  let text = ' ';
  for (const w of words) {
    if (text.length + w.length + 1 > MAX_SEARCH_TEXT) break;
    text += `${w} `;
  }
  return text;
}

/**
 * The words of a query, normalised like stored text. Each must occur in the search text as a
 * substring, so "لوله" finds "لوله‌های" (ZWNJ dropped) and "管道" finds "不锈钢管道".
 */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  return tokenize(q).slice(0, MAX_QUERY_TERMS);
}

/** The same test the table's filter expression applies, for code that already holds the item. */
export const matchesTerms = (searchText: string, terms: readonly string[]): boolean =>
  terms.every((t) => searchText.includes(t));
