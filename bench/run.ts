// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
// each one's table. Benchmarks measure; they do not pass or fail.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchTable[]>;
}

export function printTable(t: BenchTable): void {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${t.title}\n`);
  console.log(line(t.columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
  for (const n of t.notes ?? []) console.log(`\n${n}`);
}

async function main() {
  const only = process.argv.slice(2);
  const dir = import.meta.dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  if (!files.length) throw new Error(`No benchmark matches ${only.join(', ')}.`);
  for (const f of files) {
    const mod = (await import(join(dir, f))) as { default: Bench };
    console.log(`\n== ${mod.default.name} (${f}) ==`);
    for (const table of await mod.default.run()) printTable(table);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
