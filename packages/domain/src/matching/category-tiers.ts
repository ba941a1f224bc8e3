/**
 * ISIC codes are prefix-hierarchical (division 24 ⊃ group 242 ⊃ class 2420), so a sort key that
 * starts with the category code answers "everything under X" with begins_with, and a tier that
 * leaves out a nearer tier is two key ranges around it.
 */
export const CategoryLevel = { class: 'class', group: 'group', division: 'division' } as const;
export type CategoryMatchLevel = (typeof CategoryLevel)[keyof typeof CategoryLevel];

export interface CategoryRange {
  /** The 2-digit division: candidates live in one partition per division. */
  division: string;
  /** Codes starting with this. */
  prefix: string;
  /** ... but not those starting with this (a nearer tier, read already). */
  exclude?: string | undefined;
}

export interface CandidateTier {
  level: CategoryMatchLevel;
  range: CategoryRange;
}

export const divisionOf = (code: string): string => code.slice(0, 2);

/**
 * The tiers in which to look for counterparts of a category, nearest first: the same class, then
 * the rest of its group, then the rest of its division. A group-level code starts at the group.
 */
export function candidateTiers(code: string): CandidateTier[] {
  const division = divisionOf(code);
  const tiers: CandidateTier[] = [];
  if (code.length >= 4) tiers.push({ level: 'class', range: { division, prefix: code.slice(0, 4) } });
  if (code.length >= 3) {
    const group = code.slice(0, 3);
    tiers.push({
      level: 'group',
      range: { division, prefix: group, exclude: code.length > 3 ? code.slice(0, 4) : undefined },
    });
  }
  tiers.push({
    level: 'division',
    range: { division, prefix: division, exclude: code.length > 2 ? code.slice(0, 3) : undefined },
  });
  return tiers;
}

/** Whether a code falls in a range (the same test the key conditions make). */
export const inRange = (code: string, r: CategoryRange): boolean =>
  code.startsWith(r.prefix) && !(r.exclude && code.startsWith(r.exclude));

/**
 * How specifically a listing's category answers a need's: `exact` when the listing's code is the
 * need's or lies under it (a need for group 242 is fully answered by class 2420), otherwise the
 * deepest level the two codes share; null when they do not even share a division.
 */
export function categoryFit(
  needCategory: string,
  listingCategory: string,
): 'exact' | 'group' | 'division' | null {
  if (listingCategory.startsWith(needCategory)) return 'exact';
  if (
    needCategory.length >= 3 &&
    listingCategory.length >= 3 &&
    needCategory.slice(0, 3) === listingCategory.slice(0, 3)
  )
    return 'group';
  if (divisionOf(needCategory) === divisionOf(listingCategory)) return 'division';
  return null;
}
