import { readFileSync } from 'node:fs';

/** docs/api.md, read as the tests need it: its route tables and its problem codes. */
export const API_DOC = 'docs/api.md';

export interface DocumentedRoute {
  key: string;
  method: string;
  path: string;
  /** The `###` heading whose table lists it. */
  area: string;
  line: number;
}

export interface ApiDoc {
  routes: DocumentedRoute[];
  /** Rows of a route table whose first cell is not `` `METHOD /path` ``. */
  malformed: { line: number; text: string }[];
  /** Every code in the first cell of a Problem codes table. */
  codes: Set<string>;
}

const ROUTE_CELL = /^`(GET|POST|PUT|PATCH|DELETE) (\/\S*)`$/;

/** The lines of one `## ` section, with their line numbers. */
function section(lines: string[], title: string): { text: string; line: number }[] {
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) throw new Error(`${API_DOC} has no "## ${title}" section.`);
  const after = lines.slice(start + 1);
  const end = after.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? after : after.slice(0, end)).map((text, i) => ({ text, line: start + 2 + i }));
}

/** First cells of a section's table rows, with the `###` heading above each; header and rule rows skipped. */
function firstCells(rows: { text: string; line: number }[]) {
  const cells: { cell: string; area: string; line: number; text: string }[] = [];
  let area = '';
  for (const { text, line } of rows) {
    if (text.startsWith('### ')) area = text.slice(4).trim();
    if (!text.startsWith('|')) continue;
    const cell = text.split('|')[1]?.trim() ?? '';
    if (/^-+$/.test(cell) || cell === 'route' || cell === 'code') continue;
    cells.push({ cell, area, line, text });
  }
  return cells;
}

export function readApiDoc(root: string): ApiDoc {
  const lines = readFileSync(`${root}${API_DOC}`, 'utf8').split('\n');
  const routes: DocumentedRoute[] = [];
  const malformed: ApiDoc['malformed'] = [];
  for (const { cell, area, line, text } of firstCells(section(lines, 'Routes'))) {
    const m = ROUTE_CELL.exec(cell);
    if (!m) malformed.push({ line, text });
    else routes.push({ key: `${m[1]} ${m[2]}`, method: m[1] as string, path: m[2] as string, area, line });
  }
  const codes = new Set(
    firstCells(section(lines, 'Problem codes')).flatMap(({ cell }) =>
      [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
    ),
  );
  return { routes, malformed, codes };
}

/**
 * The `###` area a new route most likely belongs to: that of the listed route sharing the longest
 * leading run of path segments with it (`/v1/needs/{needId}/…` joins the other need routes); null
 * when none shares more than `/v1` (a new resource: a new area).
 */
export function likelyArea(path: string, listed: readonly DocumentedRoute[]): string | null {
  const segments = path.split('/');
  let best: { area: string | null; shared: number } = { area: null, shared: 2 };
  for (const r of listed) {
    const other = r.path.split('/');
    let shared = 0;
    while (shared < segments.length && segments[shared] === other[shared]) shared++;
    if (shared > best.shared) best = { area: r.area, shared };
  }
  return best.area;
}
