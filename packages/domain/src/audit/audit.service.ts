import type { AuditRecord, Caller, Page, PageRequest } from '../core';
import { requireRole } from '../core';
import type { ParkRepository } from '../parks/ports';

export interface AuditRepository {
  list(entityId: string, page: PageRequest): Promise<Page<AuditRecord>>;
}

/**
 * Audit trails are for park authority staff. A record tied to a park is shown only to that
 * park's operator; records of firm-wide entities (organisations, certificates) to any operator.
 */
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly parks: ParkRepository,
  ) {}

  async list(caller: Caller, entityId: string, page: PageRequest): Promise<Page<AuditRecord>> {
    const op = requireRole(caller, 'operator');
    const result = await this.audit.list(entityId, page);
    const parkIds = [...new Set(result.items.map((r) => r.parkId).filter((p): p is string => !!p))];
    const operated = new Set(
      (await this.parks.getMany(parkIds)).filter((p) => p.operatorOrgId === op.orgId).map((p) => p.parkId),
    );
    return { ...result, items: result.items.filter((r) => !r.parkId || operated.has(r.parkId)) };
  }
}
