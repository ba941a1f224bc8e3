// Regenerates isic-rev4.data.json from the reference CSV (codes, parents, English titles; the level
// follows from the code) and isic-rev4.translations.json. Translations live only in that JSON: they
// are carried over by code, and a `--translations file.json` ({ "<code>": { "fa": "…", … } }) adds or
// replaces some of them.
//
//   npx tsx packages/domain/src/categories/build-isic-data.ts [path/to/isic-rev4.csv] [--translations t.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LANGS } from '../shared/locale';
import { Category, CategoryTree } from './category';

const OUT = fileURLToPath(new URL('./isic-rev4.data.json', import.meta.url));
const TRANSLATIONS_OUT = fileURLToPath(new URL('./isic-rev4.translations.json', import.meta.url));
const DEFAULT_CSV = fileURLToPath(new URL('./reference/isic-rev4.csv', import.meta.url));

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const Translations = z.record(z.string(), z.partialRecord(z.enum(LANGS), z.string().min(1)));

function main(args: string[]): void {
  const tIndex = args.indexOf('--translations');
  const translationsPath = tIndex >= 0 ? args[tIndex + 1] : undefined;
  const positional = tIndex >= 0 ? args.filter((_, i) => i !== tIndex && i !== tIndex + 1) : args;
  const csvPath = positional[0] ?? DEFAULT_CSV;

  const titles = new Map(
    Object.entries(
      existsSync(TRANSLATIONS_OUT)
        ? Translations.parse(JSON.parse(readFileSync(TRANSLATIONS_OUT, 'utf8')))
        : {},
    ),
  );
  const extra = translationsPath
    ? Translations.parse(JSON.parse(readFileSync(translationsPath, 'utf8')))
    : {};

  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  if (header?.join() !== 'level,code,parent,title_en')
    throw new Error(`Unexpected CSV header in ${csvPath}.`);

  const nodes = rows.map(([level, code = '', parent, en = '']) => {
    const title: Record<string, string> = { en };
    for (const lang of LANGS) {
      if (lang === 'en') continue;
      const text = extra[code]?.[lang] ?? titles.get(code)?.[lang];
      if (text) title[lang] = text.normalize('NFC').trim();
    }
    return Category.parse({ code, level, parent: parent || null, title });
  });
  for (const code of Object.keys(extra)) {
    if (!nodes.some((n) => n.code === code)) throw new Error(`Translation for unknown code ${code}.`);
  }
  new CategoryTree(nodes); // throws if the hierarchy is inconsistent

  // One node per line keeps diffs readable; rows, not objects, keep the bundles that carry it small.
  const lines = nodes.map((n) => JSON.stringify([n.code, n.parent, n.title.en]));
  writeFileSync(OUT, `[\n${lines.join(',\n')}\n]\n`);
  const translated = nodes
    .filter((n) => Object.keys(n.title).length > 1)
    .map(({ code, title: { en: _en, ...others } }) => `${JSON.stringify(code)}: ${JSON.stringify(others)}`);
  writeFileSync(TRANSLATIONS_OUT, `{\n${translated.join(',\n')}\n}\n`);
  console.log(`Wrote ${nodes.length} categories to ${OUT}.`);
}

main(process.argv.slice(2));
