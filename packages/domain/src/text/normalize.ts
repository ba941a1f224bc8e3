// Stored text and queries both go through normalizeText, so every folding below is symmetric:
// whatever it merges, it merges on both sides, and a search compares like with like.

// Arabic-keyboard letters and positional variants that Persian writes with one letter.
// (ئ أ إ آ ؤ ۀ already lose their hamza/madda as combining marks after NFKD; they are listed
// anyway so the table does not depend on that order of steps.)
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ي', 'ی'],
  ['ى', 'ی'],
  ['ئ', 'ی'],
  ['ك', 'ک'],
  ['ڪ', 'ک'],
  ['ة', 'ه'],
  ['ۀ', 'ه'],
  ['ە', 'ه'],
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ؤ', 'و'],
  // Vietnamese đ has no decomposition, so NFKD alone would leave it apart from d.
  ['đ', 'd'],
]);
const LETTER_FOLD_RE = new RegExp(`[${[...LETTER_FOLDS.keys()].join('')}]`, 'gu');

// Non-spacing and enclosing marks carry Vietnamese tones, Latin accents and Arabic harakat.
// Spacing marks (Mc) are kept: in Indic and Southeast Asian scripts they are vowels, not accents.
const MARKS_RE = /[\p{Mn}\p{Me}]/gu;
// Cf covers ZWNJ, ZWJ, bidi embeddings/isolates/marks, soft hyphen and BOM; U+0640 is tatweel,
// a letter-like stretcher (Lm) that never changes the word.
const INVISIBLES_RE = /[\p{Cf}\u0640]/gu;
const NON_ASCII_DIGIT_RE = /(?![0-9])\p{Nd}/gu;
const WHITESPACE_RE = /\s+/gu;
const IS_DIGIT_RE = /^\p{Nd}$/u;

// Cyrillic й and ё are letters of their own in Mongolian (and Russian), not и/е with an accent;
// NFKD splits them, so they are put back together before marks are dropped.
const CYRILLIC_SHORT_I_RE = /\u0438\u0306/gu;
const CYRILLIC_YO_RE = /\u0435\u0308/gu;

const digitCache = new Map<string, string>();

// Unicode encodes every decimal digit set as a contiguous 0–9 run, so a digit's value is its
// offset from the start of its run of Nd characters (runs may sit back to back, hence modulo 10).
function asciiDigit(ch: string): string {
  const cached = digitCache.get(ch);
  if (cached !== undefined) return cached;
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (IS_DIGIT_RE.test(String.fromCodePoint(start - 1))) start--;
  const ascii = String((cp - start) % 10);
  digitCache.set(ch, ascii);
  return ascii;
}

/**
 * Folds text for search: case, Latin/Vietnamese diacritics, Arabic harakat, Persian/Arabic
 * letter variants, digits of any script, invisible joiners and bidi controls, and whitespace.
 * Mongolian ө/ү, Cyrillic й/ё and Chinese characters stay as they are (apart from case).
 */
export function normalizeText(s: string): string {
  return (
    s
      // Lower-case first: toLowerCase is locale-independent, and İ → i + U+0307 then loses the dot.
      .toLowerCase()
      .normalize('NFKD')
      .replace(CYRILLIC_SHORT_I_RE, 'й')
      .replace(CYRILLIC_YO_RE, 'ё')
      .replace(MARKS_RE, '')
      .replace(INVISIBLES_RE, '')
      .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS.get(ch) ?? ch)
      .replace(NON_ASCII_DIGIT_RE, asciiDigit)
      .replace(WHITESPACE_RE, ' ')
      .trim()
  );
}

// Marks are part of words: a Devanagari vowel sign must not split a token in two.
const TOKEN_SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/u;

/** Normalised words of s, in first-seen order, without duplicates; punctuation and emoji are dropped. */
export function tokenize(s: string): string[] {
  const tokens = new Set<string>();
  for (const token of normalizeText(s).split(TOKEN_SEPARATOR_RE)) {
    if (token) tokens.add(token);
  }
  return [...tokens];
}
