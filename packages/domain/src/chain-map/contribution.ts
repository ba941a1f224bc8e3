import { canonicalEqual } from '../core/equality';

/**
 * What one source record (a chain input, a deal, an open need, a listing, a membership) adds to a
 * park's chain map. The consumer stores each source's contribution beside the aggregates and moves
 * the aggregates by the difference between the new and the stored contribution, so re-applying
 * the same record adds nothing, a cancelled deal takes back exactly what it gave, and the rebuild
 * (which sums contributions from scratch) lands on the same numbers.
 */

/** `current` for what is true now (declarations, open needs, listings); otherwise a period key. */
export type Scope = 'current' | string;

export type AggregateRef =
  /** Per park, scope and input category. */
  | { kind: 'category'; scope: Scope; category: string }
  /** Per park and period: the per-currency totals of awards. */
  | { kind: 'total'; scope: Scope }
  /**
   * The same totals of the period before `scope`, kept beside `scope`'s own items so that one
   * Query reads a period and its trend baseline.
   */
  | { kind: 'previous'; scope: Scope }
  /** Per park, current: tenants, chains. */
  | { kind: 'summary' }
  /** An awarded supply link: one buyer, one seller, one category, in a period. */
  | { kind: 'edge'; scope: Scope; edgeId: string; labels: Record<string, string> };

/** An integer amount (minor units, thousandths of a unit, or a count) added to one field. */
export interface Counter {
  ref: AggregateRef;
  field: string;
  n: number;
}

/** A whole row that the map lists as is (a declared supply link, an idle-capacity listing). */
export interface Row {
  set: 'declared' | 'idle';
  id: string;
  data: Record<string, unknown>;
}

/** "This tenant needs this category": reference-counted, so the category counts distinct tenants. */
export interface Mark {
  category: string;
  tenantOrgId: string;
  tenantName: string;
}

export interface Contribution {
  counters: Counter[];
  rows: Row[];
  marks: Mark[];
}

export const emptyContribution = (): Contribution => ({ counters: [], rows: [], marks: [] });

export const refKey = (r: AggregateRef): string => {
  switch (r.kind) {
    case 'category':
      return `category|${r.scope}|${r.category}`;
    case 'total':
      return `total|${r.scope}`;
    case 'previous':
      return `previous|${r.scope}`;
    case 'summary':
      return 'summary';
    case 'edge':
      return `edge|${r.scope}|${r.edgeId}`;
  }
};

export const markKey = (m: Pick<Mark, 'category' | 'tenantOrgId'>) => `${m.category}|${m.tenantOrgId}`;

/** Adds up counters per aggregate and field (zero sums kept out). */
export function sumCounters(counters: readonly Counter[]): Map<string, Counter> {
  const out = new Map<string, Counter>();
  for (const c of counters) {
    const k = `${refKey(c.ref)}#${c.field}`;
    const prev = out.get(k);
    out.set(k, { ref: c.ref, field: c.field, n: (prev?.n ?? 0) + c.n });
  }
  for (const [k, c] of out) if (c.n === 0) out.delete(k);
  return out;
}

export interface ContributionDelta {
  /** Non-zero differences, per aggregate and field. */
  counters: Counter[];
  /** Rows to write (new or changed) and to delete (no longer contributed). */
  putRows: Row[];
  deleteRows: Pick<Row, 'set' | 'id'>[];
  /** Mark reference-count changes, per (category, tenant). */
  marks: { mark: Mark; by: number }[];
  /** Nothing to write: a redelivered or irrelevant change. */
  empty: boolean;
}

/** The change that turns `prev` into `next`: what the aggregates must move by. */
export function diffContribution(prev: Contribution, next: Contribution): ContributionDelta {
  const negated = prev.counters.map((c) => ({ ...c, n: -c.n }));
  const counters = [...sumCounters([...next.counters, ...negated]).values()];
  const rowKey = (r: Pick<Row, 'set' | 'id'>) => `${r.set}|${r.id}`;
  const prevRows = new Map(prev.rows.map((r) => [rowKey(r), r]));
  const nextRows = new Map(next.rows.map((r) => [rowKey(r), r]));
  // The stored contribution comes back from the table with its keys in another order: compare
  // values, not serialisations, or every row would look changed (and be rewritten) on every change.
  const putRows = [...nextRows.values()].filter(
    (r) => !canonicalEqual(prevRows.get(rowKey(r))?.data, r.data),
  );
  const deleteRows = [...prevRows.values()]
    .filter((r) => !nextRows.has(rowKey(r)))
    .map((r) => ({ set: r.set, id: r.id }));
  const markBy = new Map<string, { mark: Mark; by: number }>();
  for (const [list, sign] of [
    [next.marks, 1],
    [prev.marks, -1],
  ] as const) {
    for (const m of list) {
      const k = markKey(m);
      const e = markBy.get(k) ?? { mark: m, by: 0 };
      e.by += sign;
      if (sign === 1) e.mark = m;
      markBy.set(k, e);
    }
  }
  const marks = [...markBy.values()].filter((m) => m.by !== 0);
  return {
    counters,
    putRows,
    deleteRows,
    marks,
    empty: !counters.length && !putRows.length && !deleteRows.length && !marks.length,
  };
}

/** Every contribution of a park added up: what the aggregates must hold (the rebuild writes this). */
export function totalOf(contributions: readonly Contribution[]): {
  counters: Counter[];
  rows: Row[];
  marks: { mark: Mark; count: number }[];
} {
  const counters = [...sumCounters(contributions.flatMap((c) => c.counters)).values()];
  const rows = new Map<string, Row>();
  for (const r of contributions.flatMap((c) => c.rows)) rows.set(`${r.set}|${r.id}`, r);
  const marks = new Map<string, { mark: Mark; count: number }>();
  for (const m of contributions.flatMap((c) => c.marks)) {
    const e = marks.get(markKey(m)) ?? { mark: m, count: 0 };
    e.count += 1;
    marks.set(markKey(m), e);
  }
  return { counters, rows: [...rows.values()], marks: [...marks.values()] };
}
