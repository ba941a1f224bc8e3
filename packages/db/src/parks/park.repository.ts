import type { AuditEntry, Page, PageRequest, Stored } from '@parkbridge/domain/core';
import type { Park, ParkRepository } from '@parkbridge/domain/parks';
import { batchGet, type Db, getItem, queryPage, stripKeys, writeVersioned } from '../core';

export const parkKeys = (park: Pick<Park, 'parkId' | 'country' | 'operatorOrgId'>) => ({
  pk: `PARK#${park.parkId}`,
  sk: 'PARK',
  gsi1pk: 'PARKS',
  gsi1sk: `${park.country}#${park.parkId}`,
  gsi2pk: `OPERATOR#${park.operatorOrgId}#PARKS`,
  gsi2sk: park.parkId,
});

export class DynamoParkRepository implements ParkRepository {
  constructor(private readonly db: Db) {}

  async get(parkId: string) {
    const item = await getItem(this.db, `PARK#${parkId}`, 'PARK');
    return item ? stripKeys<Stored<Park>>(item) : null;
  }

  async getMany(parkIds: string[]): Promise<Stored<Park>[]> {
    const items = await batchGet(
      this.db,
      parkIds.map((id) => ({ pk: `PARK#${id}`, sk: 'PARK' })),
    );
    return items.map((i) => stripKeys<Stored<Park>>(i));
  }

  async list(page: PageRequest, filter: { country?: string | undefined } = {}): Promise<Page<Stored<Park>>> {
    const res = await queryPage(
      this.db,
      { index: 'gsi1', pk: 'PARKS', skPrefix: filter.country ? `${filter.country}#` : undefined },
      page,
    );
    return { items: res.items.map((i) => stripKeys<Stored<Park>>(i)), nextCursor: res.nextCursor };
  }

  async listByOperator(operatorOrgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi2', pk: `OPERATOR#${operatorOrgId}#PARKS` }, page);
    return { items: res.items.map((i) => stripKeys<Stored<Park>>(i)), nextCursor: res.nextCursor };
  }

  save(next: Park, prev: Stored<Park> | null, audit: Omit<AuditEntry, 'entityId'>) {
    return writeVersioned(this.db, {
      keys: parkKeys(next),
      entityId: next.parkId,
      next: next as Stored<Park>,
      prev,
      audit,
      extra: { type: 'park' },
    });
  }
}
