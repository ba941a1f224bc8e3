import type { AuditRecord, Caller, Page, PageRequest } from '../core';
import { notFound, requireRole } from '../core';
import type { MembershipRepository } from '../orgs/ports';
import type { ParkRepository } from '../parks/ports';

export interface AuditRepository {
  list(entityId: string, page: PageRequest): Promise<Page<AuditRecord>>;
  /** The entity's newest record: its current state. */
  latest(entityId: string): Promise<AuditRecord | null>;
}

/**
 * Audit trails are for park authority staff. A record tied to a park is shown only to that
 * park's operator; a record of a firm-wide entity (organisation, certificate) only to operators of
 * a park the firm applied to — the same operators who may see the entity itself. A thing whose
 * current state is a draft is its owner's alone (a draft need is invisible to the park's operator on
 * every other route), so its trail answers 404 as the thing itself does.
 */
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly parks: ParkRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async list(caller: Caller, entityId: string, page: PageRequest): Promise<Page<AuditRecord>> {
    const op = requireRole(caller, 'operator');
    const current = await this.audit.latest(entityId);
    if (current && isDraftOfAnother(current, op.orgId)) throw notFound('entity');
    const result = await this.audit.list(entityId, page);
    const parkIds = new Set(result.items.map((r) => r.parkId).filter((p): p is string => !!p));
    const firms = new Set(
      result.items
        .filter((r) => !r.parkId)
        .map(subjectOrg)
        .filter((o): o is string => !!o),
    );
    const parksOfFirm = new Map<string, string[]>();
    for (const orgId of firms) {
      const ids = (await this.memberships.listByOrg(orgId, { limit: 100 })).items.map((m) => m.parkId);
      parksOfFirm.set(orgId, ids);
      for (const id of ids) parkIds.add(id);
    }
    const parks = await this.parks.getMany([...parkIds]);
    const operated = new Set(parks.filter((p) => p.operatorOrgId === op.orgId).map((p) => p.parkId));
    const operatesFirm = new Set<string>();
    for (const [orgId, ids] of parksOfFirm) {
      if (orgId === op.orgId || ids.some((id) => operated.has(id))) operatesFirm.add(orgId);
    }
    const visible = (r: AuditRecord) => {
      if (r.parkId) return operated.has(r.parkId);
      const org = subjectOrg(r);
      return !!org && operatesFirm.has(org);
    };
    return { ...result, items: result.items.filter(visible) };
  }
}

/** The firm a firm-wide record is about: its own id, or the orgId of the entity before or after. */
function subjectOrg(r: AuditRecord): string | undefined {
  const pick = (v: unknown) =>
    v && typeof v === 'object' && typeof (v as { orgId?: unknown }).orgId === 'string'
      ? (v as { orgId: string }).orgId
      : undefined;
  return pick(r.after) ?? pick(r.before) ?? (r.entityId.startsWith('org_') ? r.entityId : undefined);
}

/** The record's current state is a draft owned by another organisation. */
function isDraftOfAnother(r: AuditRecord, orgId: string): boolean {
  const state = (r.after ?? r.before) as { status?: unknown; ownerOrgId?: unknown } | null;
  return !!state && state.status === 'draft' && state.ownerOrgId !== orgId;
}
