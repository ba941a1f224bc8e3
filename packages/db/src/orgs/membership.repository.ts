import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import type { Membership, MembershipRepository, MembershipStatus } from '@parkbridge/domain/orgs';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import { type Db, getItem, queryPage, stripKeys, writeVersioned } from '../core';
import { quotaWrites } from '../quotas/quota.repository';

/**
 * One item per (park, org). The main key answers "is this org an approved supplier here?" in one
 * GetItem or a transaction ConditionCheck; gsi1 lists an org's parks; gsi2 a park's applications by status.
 */
export const membershipKeys = (m: Pick<Membership, 'parkId' | 'orgId' | 'status' | 'appliedAt'>) => ({
  pk: `PARK#${m.parkId}`,
  sk: `MEMBER#${m.orgId}`,
  gsi1pk: `ORG#${m.orgId}#MEMBERSHIPS`,
  gsi1sk: m.parkId,
  gsi2pk: `PARK#${m.parkId}#MEMBERS#${m.status}`,
  gsi2sk: `${m.appliedAt}#${m.orgId}`,
});

export const membershipKey = (parkId: string, orgId: string) => ({
  pk: `PARK#${parkId}`,
  sk: `MEMBER#${orgId}`,
});

const toMembership = (i: Record<string, unknown>) => stripKeys<Stored<Membership>>(i);

export class DynamoMembershipRepository implements MembershipRepository {
  constructor(private readonly db: Db) {}

  async get(parkId: string, orgId: string) {
    const item = await getItem(this.db, `PARK#${parkId}`, `MEMBER#${orgId}`);
    return item ? toMembership(item) : null;
  }

  async listByPark(parkId: string, status: MembershipStatus | undefined, page: PageRequest) {
    const res = status
      ? await queryPage(this.db, { index: 'gsi2', pk: `PARK#${parkId}#MEMBERS#${status}` }, page)
      : await queryPage(this.db, { pk: `PARK#${parkId}`, skPrefix: 'MEMBER#' }, page);
    return { items: res.items.map(toMembership), nextCursor: res.nextCursor };
  }

  async listByOrg(orgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi1', pk: `ORG#${orgId}#MEMBERSHIPS` }, page);
    return { items: res.items.map(toMembership), nextCursor: res.nextCursor };
  }

  save(
    next: Membership,
    prev: Stored<Membership> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    charges?: readonly QuotaCharge[],
  ) {
    return writeVersioned(this.db, {
      keys: membershipKeys(next),
      entityId: `${next.parkId}/${next.orgId}`,
      next: next as Stored<Membership>,
      prev,
      audit,
      extra: { type: 'membership' },
      with: quotaWrites(this.db, charges),
    });
  }
}
