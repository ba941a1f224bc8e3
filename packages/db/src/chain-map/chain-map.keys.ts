import type { AggregateRef, HeadSet, NewContribution, Row } from '@parkbridge/domain/chain-map';
import { MAP_HEAD } from '@parkbridge/domain/chain-map';

/**
 * Every chain-map item lives in a partition of its park, so a park's map is read (and rebuilt) by
 * Query on the park's keys alone. The map itself is two Queries: everything current sits in the
 * park's own partition right after the park item, and everything of a period under one prefix.
 *
 * - `PARK#<parkId>`                    the park (`PARK`, the core's) and the current view:
 *                                      `PARK#MAP#CAT#<category>`, `PARK#MAP#SUMMARY`,
 *                                      `PARK#MAP#NEAR#<category>` (nearest outside suppliers),
 *                                      `PARK#MAP#HEAD#<set>` / `PARK#MAP#STATE#<set>` (declared, idle)
 * - `CMAP#<parkId>`                    periods, each under its own prefix `P#<period>#`: `AGG` (the
 *                                      period's totals and, as `<category>/<field>`, its counters per
 *                                      category), `BEFORE` (the previous period's totals), then the
 *                                      awarded edges `EDGE#<buyerOrgId>#<sellerOrgId>#<category>`: one
 *                                      Query with a Limit reads both items and the first edges
 * - `CMAP#<parkId>#DECLARED`           declared edges: `<buyerOrgId>#<chainId>#<inputId>`
 * - `CMAP#<parkId>#IDLE`               idle capacity: `<category>#<listingId>`
 * - `CMAP#<parkId>#MARK`               tenant needs category (refcount): `<category>#<tenantOrgId>`
 * - `CMAP#<parkId>#SRC`                contributions: `<sourceId>`
 * - `CMAPUSE#<category>`               parks whose map uses the category: `<parkId>` (a listing's
 *                                      change refreshes those parks' nearest outside suppliers)
 */
export const parkPk = (parkId: string) => `PARK#${parkId}`;
export const PARK_SK = 'PARK';
export const CURRENT_PREFIX = 'PARK#MAP#';
/** The last sort key of the current view (the park's memberships sort before `PARK`). */
export const CURRENT_END = `${CURRENT_PREFIX}\uffff`;
export const periodsPk = (parkId: string) => `CMAP#${parkId}`;
/** The awarded edges of a period: after its two aggregate items, under this prefix. */
export const edgePrefix = (period: string) => `P#${period}#EDGE#`;
export const rowsPk = (parkId: string, set: Row['set']) =>
  `CMAP#${parkId}#${set === 'declared' ? 'DECLARED' : 'IDLE'}`;
export const marksPk = (parkId: string) => `CMAP#${parkId}#MARK`;
export const sourcesPk = (parkId: string) => `CMAP#${parkId}#SRC`;
export const usePk = (category: string) => `CMAPUSE#${category}`;

export const periodPrefix = (period: string) => `P#${period}#`;
export const markSk = (category: string, tenantOrgId: string) => `${category}#${tenantOrgId}`;
export const nearKey = (parkId: string, category: string) => ({
  pk: parkPk(parkId),
  sk: `${CURRENT_PREFIX}NEAR#${category}`,
});

export const ItemType = {
  aggregate: 'chain-map-aggregate',
  edge: 'chain-map-edge',
  row: 'chain-map-row',
  mark: 'chain-map-mark',
  contribution: 'chain-map-contribution',
  head: 'chain-map-head',
  headState: 'chain-map-head-state',
  nearest: 'chain-map-nearest',
  use: 'chain-map-use',
} as const;

/** A park's use of a category: the consumer refreshes the nearest suppliers of every park using it. */
export const useItem = (parkId: string, category: string) => ({
  pk: usePk(category),
  sk: parkId,
  type: ItemType.use,
  parkId,
  category,
});

export function aggregateKey(parkId: string, ref: AggregateRef): { pk: string; sk: string } {
  switch (ref.kind) {
    case 'category':
      return ref.scope === 'current'
        ? { pk: parkPk(parkId), sk: `${CURRENT_PREFIX}CAT#${ref.category}` }
        : { pk: periodsPk(parkId), sk: `P#${ref.scope}#AGG` };
    case 'total':
      return { pk: periodsPk(parkId), sk: `P#${ref.scope}#AGG` };
    case 'previous':
      return { pk: periodsPk(parkId), sk: `P#${ref.scope}#BEFORE` };
    case 'summary':
      return { pk: parkPk(parkId), sk: `${CURRENT_PREFIX}SUMMARY` };
    case 'edge':
      return { pk: periodsPk(parkId), sk: `${edgePrefix(ref.scope)}${ref.edgeId}` };
  }
}

/**
 * The attribute a counter is kept in: a period's counters per category share the period's `AGG`
 * item as `<category>/<field>` (a category code has no `/`), beside its totals.
 */
export const counterField = (ref: AggregateRef, field: string): string =>
  ref.kind === 'category' && ref.scope !== 'current' ? `${ref.category}/${field}` : field;

/** The non-counter attributes an aggregate item carries (everything numeric else is a counter). */
export function aggregateLabels(ref: AggregateRef): Record<string, string> {
  switch (ref.kind) {
    case 'category':
      return ref.scope === 'current' ? { scope: ref.scope, category: ref.category } : { scope: ref.scope };
    case 'total':
    case 'previous':
      return { scope: ref.scope };
    case 'summary':
      return {};
    case 'edge':
      return { scope: ref.scope, ...ref.labels };
  }
}

/** Attributes of aggregate items that are not counters. */
export const NON_COUNTERS = new Set(['pk', 'sk', 'type', 'scope', 'category', 'tenantsSample', 'ttl']);

/**
 * The first rows of each current listed set (declared edges, idle capacity), copied into the park's
 * partition (a "head") with a small state item: `seq` moves with every change inside the head's
 * range (the head is stale until refreshed to it), `ver` with every change of the set at all (a
 * refresh commits only if no change came between its read and its write).
 */
export interface HeadKeys {
  set: HeadSet;
  head: { pk: string; sk: string };
  state: { pk: string; sk: string };
  /** The partition of the whole set, and how many of its first rows the head holds. */
  rowsPk: string;
  size: number;
}

export function headKeys(parkId: string, set: HeadSet): HeadKeys {
  return {
    set,
    head: { pk: parkPk(parkId), sk: `${CURRENT_PREFIX}HEAD#${set}` },
    state: { pk: parkPk(parkId), sk: `${CURRENT_PREFIX}STATE#${set}` },
    rowsPk: rowsPk(parkId, set),
    size: MAP_HEAD[set],
  };
}

/** A source's stored contribution, with the `rev` the next write to it is conditional on. */
export const contributionItem = (
  parkId: string,
  c: NewContribution,
  rev: string,
): Record<string, unknown> => ({
  pk: sourcesPk(parkId),
  sk: c.sourceId,
  type: ItemType.contribution,
  parkId,
  sourceId: c.sourceId,
  sourceVersion: c.sourceVersion,
  rev,
  contribution: c.contribution,
  meta: c.meta,
});
