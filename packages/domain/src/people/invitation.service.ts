import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  type Page,
  type PageRequest,
  requireCaller,
  requirePersonRole,
  ruleBroken,
  type Stored,
} from '../core';
import type { UserRepository } from '../orgs/ports';
import { normalizeEmail } from '../users/user';
import {
  INVITATION_TTL_MS,
  type Invitation,
  type InvitationInput,
  type InvitationView,
  invitationView,
  statusAt,
} from './invitation';
import type { Member } from './member';
import { type MemberService, ownOrganisation } from './member.service';
import { type InvitationAllowance, type InvitationRepository, noInvitationQuota } from './ports';
import { hashSecret, mintSecret } from './secret';

/** Sends the invitation's email: the link carries the invitation's id and its secret. */
export interface InvitationMailer {
  send(invitation: Stored<Invitation>, secret: string): Promise<void>;
}

export interface InvitationServiceDeps {
  invitations: InvitationRepository;
  users: Pick<UserRepository, 'get' | 'getByEmail'>;
  members: Pick<MemberService, 'requireRoleOf'>;
  clock: Clock;
  /** Absent until mail is wired: the invitee then finds the invitation in GET /v1/invitations/mine. */
  mailer?: InvitationMailer | undefined;
  /** Absent until the quota module is wired: no limit but the API's throttling. */
  allowance?: InvitationAllowance | undefined;
}

/**
 * Invitations by email: an admin invites an address with a role for seven days; the person with
 * that (verified) address accepts and joins. Revoked, expired, accepted and "already in another
 * organisation" each answer their own problem.
 */
export class InvitationService {
  constructor(private readonly d: InvitationServiceDeps) {}

  /** Mail is its own context, built after this one: it plugs its sender in here when it is. */
  sendWith(mailer: InvitationMailer): void {
    this.d.mailer = mailer;
  }

  async invite(caller: Caller, orgId: string, input: InvitationInput): Promise<InvitationView> {
    ownOrganisation(caller, orgId);
    const admin = requirePersonRole(caller, 'admin');
    const org = await this.d.members.requireRoleOf(orgId, input.role);
    const email = normalizeEmail(input.email);
    const invitee = await this.d.users.getByEmail(email);
    if (invitee?.orgId === orgId) {
      throw conflict('invitation.already_member', `${email} is a member of your organisation already.`);
    }
    await (this.d.allowance ?? noInvitationQuota).take(admin);
    const inviter = await this.d.users.get(admin.userId);
    const now = this.d.clock.now();
    const secret = await mintSecret();
    const invitation: Invitation = {
      invitationId: newId('invitation', now.getTime()),
      orgId,
      orgName: org.name,
      email,
      role: input.role,
      status: 'pending',
      invitedBy: admin.userId,
      invitedByName: inviter?.name ?? '',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      expiresAtMs: now.getTime() + INVITATION_TTL_MS,
      tokenHash: secret.hash,
      acceptedBy: null,
      acceptedAt: null,
      revokedBy: null,
      revokedAt: null,
      version: 0,
    };
    const saved = await this.d.invitations.create(invitation, admin, {
      action: 'invitation.created',
      actor: actorOf(admin),
      before: null,
      after: { orgId, email, role: input.role, expiresAt: invitation.expiresAt },
    });
    await this.d.mailer?.send(saved, secret.token);
    return invitationView(saved, now);
  }

  async listForOrg(caller: Caller, orgId: string, page: PageRequest): Promise<Page<InvitationView>> {
    ownOrganisation(caller, orgId);
    requirePersonRole(caller, 'admin');
    const now = this.d.clock.now();
    const res = await this.d.invitations.listByOrg(orgId, page);
    return { items: res.items.map((i) => invitationView(i, now)), nextCursor: res.nextCursor };
  }

  /** Revoking twice changes nothing; an accepted invitation cannot be revoked (remove the member instead). */
  async revoke(caller: Caller, orgId: string, invitationId: string): Promise<void> {
    ownOrganisation(caller, orgId);
    const prev = await this.d.invitations.get(invitationId);
    if (!prev || prev.orgId !== orgId) throw notFound('invitation');
    const admin = requirePersonRole(caller, 'admin');
    if (prev.status === 'revoked') return;
    if (prev.status === 'accepted') throw alreadyAccepted();
    const at = this.d.clock.now().toISOString();
    await this.d.invitations.revoke(
      { ...prev, status: 'revoked', revokedBy: admin.userId, revokedAt: at },
      prev,
      admin,
      {
        action: 'invitation.revoked',
        actor: actorOf(admin),
        before: { status: statusAt(prev, this.d.clock.now()) },
        after: { status: 'revoked' },
      },
    );
  }

  /** The caller's pending invitations, found by the address they signed up with. */
  async mine(caller: Caller, page: PageRequest): Promise<Page<InvitationView>> {
    const user = await this.d.users.get(requireCaller(caller).userId);
    if (!user) return { items: [], nextCursor: null };
    const now = this.d.clock.now();
    const res = await this.d.invitations.listByEmail(user.email, page);
    return { items: res.items.map((i) => invitationView(i, now)), nextCursor: res.nextCursor };
  }

  /**
   * Whether the caller sees the invitation (the 404 step of the order of checks): under an
   * organisation's path, its own people and its own invitations only; otherwise the invited
   * address only.
   */
  async visible(caller: Caller, invitationId: string, orgId?: string): Promise<void> {
    if (orgId !== undefined) {
      ownOrganisation(caller, orgId);
      if ((await this.d.invitations.get(invitationId))?.orgId !== orgId) throw notFound('invitation');
      return;
    }
    const [user, invitation] = await Promise.all([
      this.d.users.get(requireCaller(caller).userId),
      this.d.invitations.get(invitationId),
    ]);
    if (!user || !invitation || invitation.email !== normalizeEmail(user.email)) throw notFound('invitation');
  }

  /**
   * Joins the organisation with the invitation's role. Only the invited address may accept, so an
   * invitation is 404 to anyone else (and to a link whose secret does not match). The caller's
   * next token carries the organisation.
   */
  async accept(caller: Caller, invitationId: string, secret?: string): Promise<Stored<Member>> {
    const who = requireCaller(caller);
    const [user, prev] = await Promise.all([
      this.d.users.get(who.userId),
      this.d.invitations.get(invitationId),
    ]);
    if (!user || !prev || prev.email !== normalizeEmail(user.email)) throw notFound('invitation');
    if (secret !== undefined && (await hashSecret(secret)) !== prev.tokenHash) throw notFound('invitation');
    const now = this.d.clock.now();
    const status = statusAt(prev, now);
    if (status === 'accepted') throw alreadyAccepted();
    if (status === 'revoked') throw revoked();
    if (status === 'expired') throw expired(prev.expiresAt);
    if (user.orgId === prev.orgId) {
      throw conflict('invitation.already_member', 'You are a member of this organisation already.');
    }
    if (user.orgId) throw inAnotherOrganisation();
    const member: Member = {
      memberId: newId('member', now.getTime()),
      orgId: prev.orgId,
      userId: who.userId,
      role: prev.role,
      joinedAt: now.toISOString(),
      invitedBy: prev.invitedBy,
      version: 0,
    };
    const actor = { userId: who.userId, orgId: prev.orgId };
    return this.d.invitations.accept(
      { ...prev, status: 'accepted', acceptedBy: who.userId, acceptedAt: member.joinedAt },
      prev,
      member,
      {
        invitation: {
          action: 'invitation.accepted',
          actor,
          before: { status: 'pending' },
          after: { status: 'accepted', userId: who.userId },
        },
        member: {
          action: 'member.joined',
          actor,
          before: null,
          after: { orgId: prev.orgId, userId: who.userId, role: prev.role, invitationId },
        },
      },
    );
  }
}

export const alreadyAccepted = () =>
  conflict('invitation.already_accepted', 'The invitation has been accepted already: it works once.');
export const revoked = () => conflict('invitation.revoked', 'The organisation revoked this invitation.');
export const expired = (at: string) =>
  ruleBroken('invitation.expired', `The invitation expired at ${at}: ask for a new one.`);
export const inAnotherOrganisation = () =>
  conflict(
    'invitation.in_another_org',
    'You belong to another organisation: leave it first, then accept this invitation.',
  );
