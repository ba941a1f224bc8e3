import type { InboxEntry, Match } from '@parkbridge/domain/matching';

/** 100 - score, zero-padded: an ascending index read gives best first. */
const rank = (score: number) => String(100 - score).padStart(3, '0');

/**
 * A match: one item per (need, listing), in the need's own match partition so that a need's
 * matches, or one supplier's matches for it, are one Query.
 * gsi1 `NEED#<needId>#MATCHES` / `<rank>#<listingId>`: the owner's ranked list.
 * gsi2 `LISTING#<listingId>#MATCHES` / `<needId>`: a listing's matches (when it changes or goes).
 * gsi3 `ORG#<needOwnerOrgId>#MATCHES` / `<needId>#<rank>#<listingId>`: a buyer's matches across its
 * needs (booth recommendations); matches exist for open needs only.
 */
export const matchKeys = (
  m: Pick<Match, 'needId' | 'supplierOrgId' | 'listingId' | 'score' | 'needOwnerOrgId'>,
) => ({
  pk: `MATCH#${m.needId}`,
  sk: `SUP#${m.supplierOrgId}#LST#${m.listingId}`,
  gsi1pk: `NEED#${m.needId}#MATCHES`,
  gsi1sk: `${rank(m.score)}#${m.listingId}`,
  gsi2pk: `LISTING#${m.listingId}#MATCHES`,
  gsi2sk: m.needId,
  ...(m.needOwnerOrgId
    ? { gsi3pk: buyerMatchesPk(m.needOwnerOrgId), gsi3sk: `${m.needId}#${rank(m.score)}#${m.listingId}` }
    : {}),
});

/** gsi3: every match of a buyer's (open) needs, need by need, best first within each. */
export const buyerMatchesPk = (ownerOrgId: string) => `ORG#${ownerOrgId}#MATCHES`;

export const matchKey = (m: Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>) => ({
  pk: `MATCH#${m.needId}`,
  sk: `SUP#${m.supplierOrgId}#LST#${m.listingId}`,
});

/**
 * An inbox row: one per (supplier, need), carrying the supplier's best match for the need.
 * gsi1 `ORG#<supplierOrgId>#INBOX` / `<rank>#<needId>`: the supplier's inbox, best first.
 */
export const inboxKeys = (e: Pick<InboxEntry, 'supplierOrgId' | 'needId' | 'score'>) => ({
  pk: `INBOX#${e.supplierOrgId}`,
  sk: `NEED#${e.needId}`,
  gsi1pk: `ORG#${e.supplierOrgId}#INBOX`,
  gsi1sk: `${rank(e.score)}#${e.needId}`,
});

export const inboxKey = (e: Pick<InboxEntry, 'supplierOrgId' | 'needId'>) => ({
  pk: `INBOX#${e.supplierOrgId}`,
  sk: `NEED#${e.needId}`,
});
