import {
  actorOf,
  type Caller,
  type Clock,
  invalid,
  notFound,
  type OrgCaller,
  type Page,
  type PageRequest,
  type PersonRole,
  requireOrg,
  requirePersonRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import type { Org } from '../orgs/org';
import type { OrgRepository, UserRepository } from '../orgs/ports';
import { type Member, type MemberView, memberView } from './member';
import type { MemberRepository } from './ports';
import { rolesFor } from './roles';

export interface MemberServiceDeps {
  members: MemberRepository;
  users: Pick<UserRepository, 'getMany'>;
  orgs: Pick<OrgRepository, 'get'>;
  clock: Clock;
}

/** An organisation's people: who they are, their roles, and leaving or being removed. */
export class MemberService {
  constructor(private readonly d: MemberServiceDeps) {}

  async list(caller: Caller, orgId: string, page: PageRequest): Promise<Page<MemberView>> {
    ownOrganisation(caller, orgId);
    const members = await this.d.members.list(orgId, page);
    return { items: await this.views(members.items), nextCursor: members.nextCursor };
  }

  async get(caller: Caller, orgId: string, userId: string): Promise<MemberView> {
    ownOrganisation(caller, orgId);
    const [view] = await this.views([await this.member(orgId, userId)]);
    return view as MemberView;
  }

  /** Admins only; never one's own role (another admin changes it), never the last admin away. */
  async changeRole(
    caller: Caller,
    orgId: string,
    userId: string,
    role: PersonRole,
    ifMatch?: number,
  ): Promise<MemberView> {
    ownOrganisation(caller, orgId);
    const prev = await this.member(orgId, userId);
    const admin = requirePersonRole(caller, 'admin');
    await this.requireRoleOf(orgId, role);
    if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
    if (userId === admin.userId) {
      throw ruleBroken('member.own_role', 'Nobody changes their own role: another admin does.');
    }
    if (prev.role === role) return (await this.views([prev]))[0] as MemberView;
    const next: Member = { ...prev, role };
    const saved = await this.d.members.changeRole(next, prev, admin, {
      action: 'member.role_changed',
      actor: actorOf(admin),
      before: { orgId, userId, role: prev.role },
      after: { orgId, userId, role },
    });
    return (await this.views([saved]))[0] as MemberView;
  }

  /** An admin removes someone, or a person leaves; the last admin can do neither. */
  async remove(caller: Caller, orgId: string, userId: string): Promise<void> {
    const member = ownOrganisation(caller, orgId);
    const leaving = userId === member.userId;
    const prev = await this.member(orgId, userId);
    const by = leaving ? null : requirePersonRole(member, 'admin');
    await this.d.members.remove(prev, by, {
      action: leaving ? 'member.left' : 'member.removed',
      actor: actorOf(member),
      before: { orgId, userId, role: prev.role },
      after: null,
    });
  }

  private async member(orgId: string, userId: string): Promise<Stored<Member>> {
    const m = await this.d.members.get(orgId, userId);
    if (!m) throw notFound('member');
    return m;
  }

  /**
   * A role outside the organisation's own set (staff in a firm, buyer at a park authority) is bad
   * input. Returns the organisation.
   */
  async requireRoleOf(orgId: string, role: PersonRole): Promise<Stored<Org>> {
    const org = await this.d.orgs.get(orgId);
    if (!org) throw notFound('organisation');
    const allowed = rolesFor(org.kinds);
    if (!allowed.includes(role)) {
      throw invalid('member.role_invalid', `People of this organisation are ${allowed.join(', ')}.`, [
        { path: 'role', message: `Must be one of ${allowed.join(', ')}.` },
      ]);
    }
    return org;
  }

  private async views(members: Stored<Member>[]): Promise<MemberView[]> {
    const users = new Map(
      (await this.d.users.getMany(members.map((m) => m.userId))).map((u) => [u.userId, u]),
    );
    return members.map((m) => memberView(m, users.get(m.userId)));
  }
}

/** The people of an organisation are its own business: anyone else gets 404. */
export function ownOrganisation(caller: Caller, orgId: string): OrgCaller {
  const member = requireOrg(caller);
  if (member.orgId !== orgId) throw notFound('organisation');
  return member;
}
