import { loadavg } from 'node:os';
import { BUNDLE_BUDGET_BYTES, OPEN_BUNDLE_FINDINGS } from '../../tests/perf/bundle-budget';
import type { BenchTable } from '../run';
import { type measureColdStarts, median } from './cold-start';
import { kb } from './lambda-bundles';

type Measured = Awaited<ReturnType<typeof measureColdStarts>>;

const ms = (x: number) => `${x.toFixed(0)} ms`;

export function bundleTable(m: Measured): BenchTable {
  return {
    title: 'Lambda bundles, built as infra builds them (esbuild: minified ESM, node22, createRequire banner)',
    columns: ['bundle', 'minified', 'gzipped', 'DynamoDB', 'budget 400 KB', 'largest parts'],
    rows: [...m.bundles, ...m.baselines].map((b) => [
      b.entry,
      kb(b.bytes),
      kb(b.gzipBytes),
      b.usesDynamoDb ? 'yes' : 'no',
      !b.usesDynamoDb
        ? '—'
        : b.bytes <= BUNDLE_BUDGET_BYTES
          ? 'within'
          : OPEN_BUNDLE_FINDINGS[b.entry]
            ? 'OVER (open finding)'
            : 'OVER',
      b.largest
        .slice(0, 4)
        .map(([p, n]) => `${p} ${kb(n)}`)
        .join(', '),
    ]),
  };
}

export function coldStartTable(m: Measured): BenchTable {
  const express = m.results.find((r) => r.target.name.startsWith('Express'));
  const base = express ? median(express.runs) : Number.NaN;
  return {
    title: `Cold start: a fresh Node ${m.nodeVersion} process imports the bundle and answers one API Gateway v2 event (median of ${m.runs}, DynamoDB Local)`,
    columns: [
      'function',
      'first request',
      'status',
      'import',
      'first answer',
      'import + answer',
      'min – max',
      'whole process',
      '× Express',
    ],
    rows: m.results.map((r) => [
      r.target.name,
      `${r.target.method} ${r.target.path.replace(/(park|need|deal|expo)_[0-9A-Z]+/g, '{$1Id}')}`,
      [...new Set(r.statuses)].join(','),
      ms(median(r.imports)),
      ms(median(r.firsts)),
      ms(median(r.runs)),
      `${ms(Math.min(...r.runs))} – ${ms(Math.max(...r.runs))}`,
      ms(median(r.processes)),
      (median(r.runs) / base).toFixed(2),
    ]),
    notes: [
      `Load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' / ',
        )} on a machine with its other work running; runs are interleaved so every target sees the same moments. Budget: import + first answer under 100 ms median; Parkbridge well ahead of Express.`,
    ],
  };
}
