// Persian (U+06F0…) and Arabic-Indic (U+0660…) digits, as people type them on their keyboards.
const DIGIT_BLOCKS = [0x06f0, 0x0660];

/** Any-script digits to ASCII, so inputs accept what a Persian keyboard types. */
export function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    const block = DIGIT_BLOCKS.find((b) => code >= b && code <= b + 9);
    out += block === undefined ? ch : String(code - block);
  }
  return out;
}
