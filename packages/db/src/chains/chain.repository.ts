import type { Chain, ChainRepository } from '@parkbridge/domain/chains';
import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import { type Db, getItem, queryPage, stripKeys, writeVersioned } from '../core';

/**
 * One item per chain, its inputs inside (at most 50, well under the item size limit).
 * gsi1 lists an organisation's chains; gsi2 a park's (the operator's chain map).
 */
export const chainKeys = (c: Pick<Chain, 'chainId' | 'ownerOrgId' | 'parkId'>) => ({
  pk: `CHAIN#${c.chainId}`,
  sk: 'CHAIN',
  gsi1pk: `ORG#${c.ownerOrgId}#CHAINS`,
  gsi1sk: c.chainId,
  gsi2pk: `PARK#${c.parkId}#CHAINS`,
  gsi2sk: c.chainId,
});

const toChain = (i: Record<string, unknown>) => stripKeys<Stored<Chain>>(i);

export class DynamoChainRepository implements ChainRepository {
  constructor(private readonly db: Db) {}

  async get(chainId: string) {
    const item = await getItem(this.db, `CHAIN#${chainId}`, 'CHAIN');
    return item ? toChain(item) : null;
  }

  async listByOrg(orgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi1', pk: `ORG#${orgId}#CHAINS` }, page);
    return { items: res.items.map(toChain), nextCursor: res.nextCursor };
  }

  async listByPark(parkId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi2', pk: `PARK#${parkId}#CHAINS` }, page);
    return { items: res.items.map(toChain), nextCursor: res.nextCursor };
  }

  save(next: Chain, prev: Stored<Chain> | null, audit: Omit<AuditEntry, 'entityId'>) {
    return writeVersioned(this.db, {
      keys: chainKeys(next),
      entityId: next.chainId,
      next: next as Stored<Chain>,
      prev,
      audit,
      extra: { type: 'chain' },
    });
  }
}
