import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('leave Persian and Mongolian text as it is', () => {
    expect(csvCell('شرکت فولاد')).toBe('شرکت فولاد');
    expect(csvCell('Эрдэнэт, ХХК')).toBe('"Эрдэнэт, ХХК"');
  });

  it('defuse text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
  });

  it('end rows in CRLF and write empty cells for missing values', () => {
    expect(csvRow(['a', null, undefined, 0])).toBe('a,,,0\r\n');
  });
});
