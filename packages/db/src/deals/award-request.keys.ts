import type { AwardRequest } from '@parkbridge/domain/deals';
import { needKey } from '../needs/need.keys';

/**
 * A need's pending award request sits at one key beside the need, so there is at most one and it
 * is read strongly consistent; gsi1 lists an organisation's pending requests, oldest first. Once
 * settled (approved, declined, superseded) it moves to a history key without an index.
 */
export const pendingAwardKey = (needId: string) => ({ pk: needKey(needId).pk, sk: 'AWARD#PENDING' });

export const pendingAwardKeys = (
  r: Pick<AwardRequest, 'needId' | 'orgId' | 'requestedAt' | 'requestId'>,
) => ({
  ...pendingAwardKey(r.needId),
  gsi1pk: pendingAwardsPartition(r.orgId),
  gsi1sk: `${r.requestedAt}#${r.requestId}`,
});

export const pendingAwardsPartition = (orgId: string) => `ORG#${orgId}#AWARDS#PENDING`;

export const settledAwardKey = (r: Pick<AwardRequest, 'needId' | 'requestedAt' | 'requestId'>) => ({
  pk: needKey(r.needId).pk,
  sk: `AWARD#REQUEST#${r.requestedAt}#${r.requestId}`,
});
