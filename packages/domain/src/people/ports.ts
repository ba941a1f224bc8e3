import type { AuditEntry, Page, PageRequest, PersonRole, Stored } from '../core';
import type { Invitation } from './invitation';
import type { Member } from './member';

type Audit = Omit<AuditEntry, 'entityId'>;

/** Who makes a change to the organisation's people, re-checked as an admin in the change's transaction. */
export interface ActingAdmin {
  orgId: string;
  userId: string;
}

export interface MemberRepository {
  get(orgId: string, userId: string): Promise<Stored<Member> | null>;
  /**
   * The person's role in the organisation now (null: not a member), read strongly consistent: the
   * check every signed-in request makes, so a removal or a new role counts from the next call.
   */
  roleOf(orgId: string, userId: string): Promise<PersonRole | null>;
  list(orgId: string, page: PageRequest): Promise<Page<Stored<Member>>>;
  /**
   * A new role. The organisation's count of admins moves with it in the same transaction and never
   * drops below one; `by` must still be an admin when it commits.
   */
  changeRole(next: Member, prev: Stored<Member>, by: ActingAdmin, audit: Audit): Promise<Stored<Member>>;
  /**
   * Ends the membership: the member item goes, the user is free to join another organisation, the
   * counts move (never the last admin). `by` is null when the member leaves by themselves.
   */
  remove(prev: Stored<Member>, by: ActingAdmin | null, audit: Audit): Promise<void>;
}

export interface InvitationRepository {
  get(invitationId: string): Promise<Stored<Invitation> | null>;
  listByOrg(orgId: string, page: PageRequest): Promise<Page<Stored<Invitation>>>;
  /** Invitations to an address, newest first (the invitee's own list). */
  listByEmail(email: string, page: PageRequest): Promise<Page<Stored<Invitation>>>;
  /** At most one pending (unexpired) invitation per organisation and address: another is a conflict. */
  create(invitation: Invitation, by: ActingAdmin, audit: Audit): Promise<Stored<Invitation>>;
  revoke(
    next: Invitation,
    prev: Stored<Invitation>,
    by: ActingAdmin,
    audit: Audit,
  ): Promise<Stored<Invitation>>;
  /**
   * All at once or nothing: the invitation accepted (only from the version read, still pending and
   * unexpired), the member made, the user's organisation set (only if it had none), the counts moved.
   */
  accept(
    next: Invitation,
    prev: Stored<Invitation>,
    member: Member,
    audits: { invitation: Audit; member: Audit },
  ): Promise<Stored<Member>>;
}

/**
 * Quotas on invitations (each sends an e-mail to an address the firm chose). The quota module
 * plugs in here; it refuses with a `rate_limited` DomainError (429, Retry-After) past a firm's
 * limit. Until one is given, invitations are limited only by the API's throttling.
 */
export interface InvitationAllowance {
  take(admin: { userId: string; orgId: string }): Promise<void>;
}

export const noInvitationQuota: InvitationAllowance = { take: async () => {} };
