import type { AggregateRef, NewContribution, Row } from '@parkbridge/domain/chain-map';

/**
 * Every chain-map item lives in a partition of its park, so a park's map is read (and rebuilt) by
 * Query on the park's keys alone:
 *
 * - `CMAP#<parkId>`                    aggregates: `CUR#CAT#<category>`, `CUR#SUMMARY`,
 *                                      `P#<period>#CAT#<category>`, `P#<period>#TOTAL`
 * - `CMAP#<parkId>#EDGES#<period>`     awarded edges: `<buyerOrgId>#<sellerOrgId>#<category>`
 * - `CMAP#<parkId>#DECLARED`           declared edges: `<buyerOrgId>#<chainId>#<inputId>`
 * - `CMAP#<parkId>#IDLE`               idle capacity: `<category>#<listingId>`
 * - `CMAP#<parkId>#MARK`               tenant needs category (refcount): `<category>#<tenantOrgId>`
 * - `CMAP#<parkId>#SRC`                contributions: `<sourceId>`
 */
export const aggregatesPk = (parkId: string) => `CMAP#${parkId}`;
export const edgesPk = (parkId: string, period: string) => `CMAP#${parkId}#EDGES#${period}`;
export const rowsPk = (parkId: string, set: Row['set']) =>
  `CMAP#${parkId}#${set === 'declared' ? 'DECLARED' : 'IDLE'}`;
export const marksPk = (parkId: string) => `CMAP#${parkId}#MARK`;
export const sourcesPk = (parkId: string) => `CMAP#${parkId}#SRC`;

export const CURRENT_PREFIX = 'CUR#';
export const periodPrefix = (period: string) => `P#${period}#`;
export const markSk = (category: string, tenantOrgId: string) => `${category}#${tenantOrgId}`;

export const ItemType = {
  aggregate: 'chain-map-aggregate',
  edge: 'chain-map-edge',
  row: 'chain-map-row',
  mark: 'chain-map-mark',
  contribution: 'chain-map-contribution',
} as const;

export function aggregateKey(parkId: string, ref: AggregateRef): { pk: string; sk: string } {
  switch (ref.kind) {
    case 'category':
      return {
        pk: aggregatesPk(parkId),
        sk: ref.scope === 'current' ? `CUR#CAT#${ref.category}` : `P#${ref.scope}#CAT#${ref.category}`,
      };
    case 'total':
      return { pk: aggregatesPk(parkId), sk: `P#${ref.scope}#TOTAL` };
    case 'summary':
      return { pk: aggregatesPk(parkId), sk: 'CUR#SUMMARY' };
    case 'edge':
      return { pk: edgesPk(parkId, ref.scope), sk: ref.edgeId };
  }
}

/** The non-counter attributes an aggregate item carries (everything numeric else is a counter). */
export function aggregateLabels(ref: AggregateRef): Record<string, string> {
  switch (ref.kind) {
    case 'category':
      return { scope: ref.scope, category: ref.category };
    case 'total':
      return { scope: ref.scope };
    case 'summary':
      return {};
    case 'edge':
      return { scope: ref.scope, ...ref.labels };
  }
}

/** Attributes of aggregate items that are not counters. */
export const NON_COUNTERS = new Set(['pk', 'sk', 'type', 'scope', 'category', 'tenantsSample', 'ttl']);

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
