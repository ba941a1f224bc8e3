import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoAuditRepository } from '@parkbridge/db/audit';
import { DynamoUploadRepository } from '@parkbridge/db/documents';
import { DynamoIdempotencyRepository } from '@parkbridge/db/idempotency';
import { DynamoNotificationRepository } from '@parkbridge/db/notifications';
import {
  DynamoCertificateRepository,
  DynamoMembershipRepository,
  DynamoOrgRepository,
} from '@parkbridge/db/orgs';
import { DynamoParkRepository } from '@parkbridge/db/parks';
import { DynamoInvitationRepository, DynamoMemberRepository } from '@parkbridge/db/people';
import { DynamoQuotaRepository } from '@parkbridge/db/quotas';
import { DynamoUserRepository } from '@parkbridge/db/users';
import { AuditService } from '@parkbridge/domain/audit';
import { AttachmentPlanner, type FileServices } from '@parkbridge/domain/documents';
import { NotificationService } from '@parkbridge/domain/notifications';
import { CertificateService, MembershipService, OrgService } from '@parkbridge/domain/orgs';
import { ParkService } from '@parkbridge/domain/parks';
import { InvitationService, MemberService } from '@parkbridge/domain/people';
import { Quotas } from '@parkbridge/domain/quotas';

/**
 * Parks, organisations and their people, memberships, certificates, notifications, audit, and the uploads every
 * context attaches files from: what every context uses. `files` is object storage and its checks
 * (only the documents context reaches it); without it, reaching it is a wiring mistake, named.
 */
export function createCoreContext(db: Db, rules: Rules, files: FileServices = unwiredFiles) {
  const repos = {
    parks: new DynamoParkRepository(db),
    orgs: new DynamoOrgRepository(db),
    users: new DynamoUserRepository(db),
    memberships: new DynamoMembershipRepository(db),
    certificates: new DynamoCertificateRepository(db),
    notifications: new DynamoNotificationRepository(db),
    audit: new DynamoAuditRepository(db),
    idempotency: new DynamoIdempotencyRepository(db),
    uploads: new DynamoUploadRepository(db),
    members: new DynamoMemberRepository(db),
    invitations: new DynamoInvitationRepository(db),
    quotas: new DynamoQuotaRepository(db),
  };
  // Every limit of packages/config/src/quotas.ts, as the environment sets them.
  const quotas = new Quotas(rules.quotas, db.clock);
  const parks = new ParkService(repos.parks, db.clock);
  const attachments = new AttachmentPlanner(repos.uploads);
  const members = new MemberService({
    members: repos.members,
    users: repos.users,
    orgs: repos.orgs,
    clock: db.clock,
  });
  return {
    db,
    rules,
    clock: db.clock,
    repos,
    parks,
    orgs: new OrgService(repos.orgs, db.clock),
    quotas,
    memberships: new MembershipService(repos.memberships, repos.orgs, parks, db.clock, quotas),
    files,
    attachments,
    certificates: new CertificateService(
      repos.certificates,
      repos.memberships,
      repos.parks,
      db.clock,
      attachments,
      quotas,
    ),
    notifications: new NotificationService(repos.notifications),
    members,
    invitations: new InvitationService({
      invitations: repos.invitations,
      users: repos.users,
      members,
      clock: db.clock,
    }),
    audit: new AuditService(repos.audit, repos.parks, repos.memberships),
  };
}

export type CoreContext = ReturnType<typeof createCoreContext>;

const unwired = (): never => {
  throw new Error('Object storage is not wired in this process: pass FileServices to the container.');
};
const unwiredFiles: FileServices = {
  store: { presignUpload: unwired, read: unwired, delete: unwired, downloadUrl: unwired },
  detector: { detect: unwired },
  scanner: { verdict: unwired },
};
