import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoAuditRepository } from '@parkbridge/db/audit';
import { DynamoIdempotencyRepository } from '@parkbridge/db/idempotency';
import { DynamoNotificationRepository } from '@parkbridge/db/notifications';
import {
  DynamoCertificateRepository,
  DynamoMembershipRepository,
  DynamoOrgRepository,
} from '@parkbridge/db/orgs';
import { DynamoParkRepository } from '@parkbridge/db/parks';
import { DynamoUserRepository } from '@parkbridge/db/users';
import { AuditService } from '@parkbridge/domain/audit';
import { NotificationService } from '@parkbridge/domain/notifications';
import { CertificateService, MembershipService, OrgService } from '@parkbridge/domain/orgs';
import { ParkService } from '@parkbridge/domain/parks';

/** Parks, organisations, memberships, certificates, notifications, audit: what every context uses. */
export function createCoreContext(db: Db, rules: Rules) {
  const repos = {
    parks: new DynamoParkRepository(db),
    orgs: new DynamoOrgRepository(db),
    users: new DynamoUserRepository(db),
    memberships: new DynamoMembershipRepository(db),
    certificates: new DynamoCertificateRepository(db),
    notifications: new DynamoNotificationRepository(db),
    audit: new DynamoAuditRepository(db),
    idempotency: new DynamoIdempotencyRepository(db),
  };
  const parks = new ParkService(repos.parks, db.clock);
  return {
    db,
    rules,
    clock: db.clock,
    repos,
    parks,
    orgs: new OrgService(repos.orgs, db.clock),
    memberships: new MembershipService(repos.memberships, repos.orgs, parks, db.clock),
    certificates: new CertificateService(repos.certificates, repos.memberships, repos.parks, db.clock),
    notifications: new NotificationService(repos.notifications),
    audit: new AuditService(repos.audit, repos.parks, repos.memberships),
  };
}

export type CoreContext = ReturnType<typeof createCoreContext>;
