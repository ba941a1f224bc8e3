import type { AuditRepository } from '@parkbridge/domain/audit';
import type { AuditRecord, PageRequest } from '@parkbridge/domain/core';
import { type Db, queryPage, stripKeys } from '../core';

export class DynamoAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async list(entityId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: `AUDIT#${entityId}`, skPrefix: 'SEQ#' }, page);
    return { items: res.items.map((i) => stripKeys<AuditRecord>(i)), nextCursor: res.nextCursor };
  }

  async latest(entityId: string) {
    const res = await queryPage(
      this.db,
      { pk: `AUDIT#${entityId}`, skPrefix: 'SEQ#', descending: true, consistent: true },
      { limit: 1 },
    );
    const item = res.items[0];
    return item ? stripKeys<AuditRecord>(item) : null;
  }
}
