import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  notFound,
  type PageRequest,
  requireRole,
  ruleBroken,
  type Stored,
} from '../core';
import type { ParkService } from '../parks/park.service';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { Membership, MembershipStatus } from './membership';
import type { OrgKind } from './org';
import type { MembershipRepository, OrgRepository } from './ports';

type Decision = 'approved' | 'rejected' | 'suspended' | 'reinstated';

export class MembershipService {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly orgs: OrgRepository,
    private readonly parks: ParkService,
    private readonly clock: Clock,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  async apply(caller: Caller, parkId: string, as?: ('tenant' | 'supplier')[]): Promise<Stored<Membership>> {
    const firm = requireRole(caller, 'tenant', 'supplier');
    await this.parks.get(parkId);
    const org = await this.orgs.get(firm.orgId);
    if (!org) throw notFound('organisation');
    const kinds = org.kinds.filter((k): k is 'tenant' | 'supplier' => k !== 'operator');
    const roles = as ?? kinds;
    const missing = roles.filter((r) => !kinds.includes(r));
    if (missing.length) {
      throw ruleBroken('membership.kind_not_declared', `Your organisation is not a ${missing.join(', ')}.`, [
        { path: 'as', message: 'Apply only as a kind your organisation declares.' },
      ]);
    }
    const prev = await this.memberships.get(parkId, firm.orgId);
    if (prev && prev.status !== 'rejected') {
      throw conflict('membership.exists', `Your organisation's membership is ${prev.status} already.`);
    }
    const now = this.clock.now().toISOString();
    const next: Membership = {
      parkId,
      orgId: firm.orgId,
      as: roles,
      status: 'pending',
      suspended: false,
      reason: null,
      history: [
        ...(prev?.history ?? []),
        { at: now, byUserId: firm.userId, action: 'applied', reason: null },
      ],
      appliedAt: now,
      decidedAt: null,
      version: prev?.version ?? 0,
    };
    return this.memberships.save(
      next,
      prev,
      { action: 'membership.applied', actor: actorOf(firm), before: prev ?? null, after: next, parkId },
      this.quotas.charges(firm, 'membership.apply'),
    );
  }

  async list(caller: Caller, parkId: string, status: MembershipStatus | undefined, page: PageRequest) {
    const op = requireRole(caller, 'operator');
    await this.parks.requireOperated(op.orgId, parkId);
    return this.memberships.listByPark(parkId, status, page);
  }

  async listMine(caller: Caller, page: PageRequest) {
    const firm = requireRole(caller, 'tenant', 'supplier', 'operator');
    return this.memberships.listByOrg(firm.orgId, page);
  }

  async decide(caller: Caller, parkId: string, orgId: string, decision: Decision, reason?: string) {
    const op = requireRole(caller, 'operator');
    await this.parks.requireOperated(op.orgId, parkId);
    const prev = await this.memberships.get(parkId, orgId);
    if (!prev) throw notFound('membership');
    const allowed: Record<Decision, boolean> = {
      approved: prev.status === 'pending',
      rejected: prev.status === 'pending' || prev.status === 'approved',
      suspended: prev.status === 'approved' && !prev.suspended,
      reinstated: prev.status === 'approved' && prev.suspended,
    };
    if (!allowed[decision]) {
      throw conflict('membership.invalid_transition', `A ${prev.status} membership cannot be ${decision}.`);
    }
    const now = this.clock.now().toISOString();
    const next: Membership = {
      ...prev,
      status: decision === 'approved' || decision === 'rejected' ? decision : prev.status,
      suspended: decision === 'suspended' ? true : decision === 'reinstated' ? false : prev.suspended,
      reason: reason ?? null,
      decidedAt: decision === 'approved' || decision === 'rejected' ? now : prev.decidedAt,
      history: [...prev.history, { at: now, byUserId: op.userId, action: decision, reason: reason ?? null }],
    };
    return this.memberships.save(next, prev, {
      action: `membership.${decision}`,
      actor: actorOf(op),
      before: prev,
      after: next,
      parkId,
      reason,
    });
  }

  /** Whether an organisation may act in a park as the given kind, right now. */
  async isActive(parkId: string, orgId: string, as: Exclude<OrgKind, 'operator'>): Promise<boolean> {
    const m = await this.memberships.get(parkId, orgId);
    return !!m && m.status === 'approved' && !m.suspended && m.as.includes(as);
  }
}
