import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolate, placeholdersOf } from '../../packages/web/src/i18n/interpolate';
import { LANGS } from '../../packages/web/src/i18n/languages';
import { en } from '../../packages/web/src/i18n/messages/en';
import { fa } from '../../packages/web/src/i18n/messages/fa';
import { mn } from '../../packages/web/src/i18n/messages/mn';
import { vi } from '../../packages/web/src/i18n/messages/vi';
import { zh } from '../../packages/web/src/i18n/messages/zh';

const CATALOGUES: Record<string, Record<string, string>> = { en, fa, mn, vi, zh };
const SRC = resolve(import.meta.dirname, '../../packages/web/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the message catalogues', () => {
  it('exist for exactly the interface languages', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGS].sort());
  });

  for (const [lang, messages] of Object.entries(CATALOGUES)) {
    it(`${lang} has every key of the English catalogue and no other`, () => {
      const missing = Object.keys(en).filter((k) => !(k in messages));
      const extra = Object.keys(messages).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${lang} has a non-empty text with the same {placeholders} for every key`, () => {
      const wrong = Object.entries(en).flatMap(([key, english]) => {
        const text = messages[key];
        if (typeof text !== 'string' || !text.trim()) return [`${key}: empty`];
        const want = placeholdersOf(english).join(',');
        const got = placeholdersOf(text).join(',');
        return want === got ? [] : [`${key}: {${got}} instead of {${want}}`];
      });
      expect(wrong).toEqual([]);
    });
  }

  it('covers every key the source builds from a template (status.*, role.*, problem.*, …)', () => {
    // Keys written whole are checked by the type-checker; keys built at run time from a known
    // prefix must have a fallback in the code (tMaybe) or exist for each value the code passes.
    const templated = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(`([a-zA-Z.]+)\$\{/g))
        templated.add(m[1] as string);
    }
    for (const prefix of templated) {
      expect(
        Object.keys(en).some((k) => k.startsWith(prefix)),
        `no key starts with ${prefix}`,
      ).toBe(true);
    }
  });

  it('leaves no literal text in the JSX of the web app: every string comes from a catalogue', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC).filter((f) => f.endsWith('.tsx'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/(?<!=)>([^<>{}`;=()]*[\p{L}][^<>{}`;=()]*)</gu)) {
        const text = (m[1] as string).trim();
        if (text && !/^[\s·:—–|/,.#…]*$/.test(text)) offenders.push(`${file.slice(SRC.length)}: "${text}"`);
      }
      for (const m of code.matchAll(
        /\b(?:label|title|placeholder|description|aria-label)="([^"]*\p{L}[^"]*)"/gu,
      )) {
        offenders.push(`${file.slice(SRC.length)}: attribute "${m[1]}"`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('interpolates named placeholders and keeps unknown ones visible', () => {
    expect(interpolate('Bids: {count} of {max}', { count: 3, max: 5 })).toBe('Bids: 3 of 5');
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
    expect(placeholdersOf('{b} and {a}')).toEqual(['a', 'b']);
  });
});
