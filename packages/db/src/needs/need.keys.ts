import type { Need } from '@parkbridge/domain/needs';
import { pad } from '../core/keys';

/**
 * The need item's main key. The bidding context's transactions ConditionCheck this item on
 * `status`, `closesAtMs`, `parkFirstUntilMs` (and read `requiredCertificates`, `parkId`,
 * `currency`, `mode`) so that no bid lands after the effective close. Index keys of needs are
 * the market context's, beside its repository.
 */
export const needKey = (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' });

export const NEED_OPEN_BY_CLOSE = 'NEEDS#OPEN#BY_CLOSE';

/**
 * The need item's index keys. Anyone who writes the need item (the bidding context closing or
 * awarding it, or extending it against sniping) must write these with it — use
 * `DynamoNeedRepository.save` or spread `needItemAttributes(need)` — or searches go stale.
 *
 * - gsi1 `NEEDS#<status>` / `<category>#<needId>`: the market by status and category (not drafts)
 * - gsi2 `PARK#<parkId>#NEEDS#<status>` / `<category>#<needId>`: one park's needs (not drafts)
 * - gsi3 `ORG#<ownerOrgId>#NEEDS` / `<needId>`: a buyer's own needs, drafts included
 * - gsi4 `NEEDS#OPEN#BY_CLOSE` / `<closesAt>#<needId>`: open needs by close (closing sweeps)
 */
export function needIndexKeys(
  need: Pick<Need, 'needId' | 'status' | 'category' | 'parkId' | 'ownerOrgId' | 'closesAt'>,
) {
  const listed = need.status !== 'draft';
  const open = need.status === 'open';
  return {
    gsi1pk: listed ? `NEEDS#${need.status}` : undefined,
    gsi1sk: listed ? `${need.category}#${need.needId}` : undefined,
    gsi2pk: listed ? `PARK#${need.parkId}#NEEDS#${need.status}` : undefined,
    gsi2sk: listed ? `${need.category}#${need.needId}` : undefined,
    gsi3pk: `ORG#${need.ownerOrgId}#NEEDS`,
    gsi3sk: need.needId,
    gsi4pk: open ? NEED_OPEN_BY_CLOSE : undefined,
    gsi4sk: open ? `${need.closesAt}#${need.needId}` : undefined,
  };
}

/**
 * Amendments live in the need's partition right after the need item itself (`NEED` <
 * `NEED#AMENDMENT#…`, and nothing else there starts with `NEED`), so one Query,
 * `begins_with(sk, 'NEED')`, reads the need and its first amendments.
 */
export const AMENDMENT_PREFIX = 'NEED#AMENDMENT#';
export const amendmentKey = (needId: string, seq: number) => ({
  pk: `NEED#${needId}`,
  sk: `${AMENDMENT_PREFIX}${pad(seq, 4)}`,
});
