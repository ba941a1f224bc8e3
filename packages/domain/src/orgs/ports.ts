import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { AttachmentChange } from '../documents/ports';
import type { QuotaCharge } from '../quotas/quota';
import type { User } from '../users/user';
import type { Certificate } from './certificate';
import type { Membership, MembershipStatus } from './membership';
import type { Org } from './org';

type Audit = Omit<AuditEntry, 'entityId'>;

export interface OrgRepository {
  get(orgId: string): Promise<Stored<Org> | null>;
  getMany(orgIds: string[]): Promise<Stored<Org>[]>;
  /** Creates the org and makes the user its first member, atomically; fails if the user has an org. */
  createWithFounder(org: Org, founderUserId: string, audit: Audit): Promise<Stored<Org>>;
  save(next: Org, prev: Stored<Org>, audit: Audit): Promise<Stored<Org>>;
}

export interface UserRepository {
  get(userId: string): Promise<User | null>;
  /** Users by id, in no particular order; unknown ids are left out. */
  getMany(userIds: string[]): Promise<User[]>;
  getByEmail(email: string): Promise<User | null>;
  /** Creates the user unless the email is taken; returns whichever user holds the email. */
  createOrGet(user: User): Promise<User>;
}

export interface MembershipRepository {
  get(parkId: string, orgId: string): Promise<Stored<Membership> | null>;
  listByPark(
    parkId: string,
    status: MembershipStatus | undefined,
    page: PageRequest,
  ): Promise<Page<Stored<Membership>>>;
  listByOrg(orgId: string, page: PageRequest): Promise<Page<Stored<Membership>>>;
  save(
    next: Membership,
    prev: Stored<Membership> | null,
    audit: Audit,
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<Membership>>;
}

export interface CertificateRepository {
  get(orgId: string, certId: string): Promise<Stored<Certificate> | null>;
  listByOrg(orgId: string, page: PageRequest): Promise<Page<Stored<Certificate>>>;
  /** Saving a verified certificate also refreshes the org's held-kind marker that bids check in conditions. */
  save(
    next: Certificate,
    prev: Stored<Certificate> | null,
    audit: Audit,
    files?: AttachmentChange | null,
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<Certificate>>;
}
