import type { Need } from './need';

/** What a caller's organisation may see of the market, worked out once per request. */
export interface Viewer {
  orgId: string;
  /** Parks where the organisation is an approved, unsuspended supplier. */
  supplierParkIds: ReadonlySet<string>;
  /** Parks the organisation operates. */
  operatedParkIds: ReadonlySet<string>;
}

/**
 * A draft is its owner's alone. Otherwise the owner and the delivery park's operator see it; a
 * park-only need is seen by the park's approved suppliers; a public need by any approved supplier.
 */
export function canSee(
  need: Pick<Need, 'ownerOrgId' | 'status' | 'parkId' | 'visibility'>,
  viewer: Viewer,
): boolean {
  if (need.ownerOrgId === viewer.orgId) return true;
  if (need.status === 'draft') return false;
  if (viewer.operatedParkIds.has(need.parkId)) return true;
  if (need.visibility === 'park') return viewer.supplierParkIds.has(need.parkId);
  return viewer.supplierParkIds.size > 0;
}

/**
 * What decides who sees a need. Owner, park and visibility never change once a need is open (an
 * amendment cannot touch them), so records of an open need may carry a copy.
 */
export interface NeedAccess {
  ownerOrgId: string;
  parkId: string;
  visibility: Need['visibility'];
  draft: boolean;
}

export const accessOf = (
  need: Pick<Need, 'ownerOrgId' | 'parkId' | 'visibility' | 'status'>,
): NeedAccess => ({
  ownerOrgId: need.ownerOrgId,
  parkId: need.parkId,
  visibility: need.visibility,
  draft: need.status === 'draft',
});

/** The same rule as a filter the table can apply (drafts never reach a search index). */
export interface NeedAudience {
  orgId: string;
  /** Needs delivered to these parks are visible whatever their visibility. */
  parkIds: string[];
  /** Whether public needs are visible. */
  publicNeeds: boolean;
}

export const audienceOf = (viewer: Viewer): NeedAudience => ({
  orgId: viewer.orgId,
  parkIds: [...new Set([...viewer.supplierParkIds, ...viewer.operatedParkIds])],
  publicNeeds: viewer.supplierParkIds.size > 0,
});
