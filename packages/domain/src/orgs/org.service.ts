import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  type OrgCaller,
  requireCaller,
  requireOrg,
  type Stored,
  staleVersion,
} from '../core';
import type { Org, OrgInput, OrgPatch } from './org';
import type { OrgRepository } from './ports';

export class OrgService {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly clock: Clock,
  ) {}

  async get(orgId: string): Promise<Stored<Org>> {
    const org = await this.orgs.get(orgId);
    if (!org) throw notFound('organisation');
    return org;
  }

  async create(caller: Caller, input: OrgInput): Promise<Stored<Org>> {
    const user = requireCaller(caller);
    if (user.orgId) throw conflict('org.already_member', 'You belong to an organisation already.');
    const now = this.clock.now().toISOString();
    const org: Org = { ...input, orgId: newId('org'), createdAt: now, updatedAt: now, version: 0 };
    return this.orgs.createWithFounder(org, user.userId, {
      action: 'org.created',
      actor: actorOf(user),
      before: null,
      after: org,
    });
  }

  /** The caller's own organisation; another's profile cannot be changed, and saying so would confirm nothing new: 404. */
  async requireOwn(caller: Caller, orgId: string): Promise<OrgCaller> {
    const member = requireOrg(caller);
    if (member.orgId !== orgId) throw notFound('organisation');
    return member;
  }

  async update(caller: Caller, orgId: string, patch: OrgPatch, ifMatch?: number): Promise<Stored<Org>> {
    const member = await this.requireOwn(caller, orgId);
    const prev = await this.get(orgId);
    if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
    const next: Org = { ...prev, ...patch, updatedAt: this.clock.now().toISOString() };
    return this.orgs.save(next, prev, {
      action: 'org.updated',
      actor: actorOf(member),
      before: prev,
      after: next,
    });
  }
}
