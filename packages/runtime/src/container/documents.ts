import type { Rules } from '@parkbridge/config';
import type { Db } from '@parkbridge/db';
import { DynamoBiddingNeedRepository, DynamoBidRepository } from '@parkbridge/db/bids';
import { DynamoDealRepository } from '@parkbridge/db/deals';
import { DownloadService, FileAccess, UploadService } from '@parkbridge/domain/documents';
import { ViewerResolver } from '@parkbridge/domain/needs';
import type { CoreContext } from './core';

/**
 * Documents: uploads straight to object storage and their checks, and downloads for whoever may see
 * the thing a file is attached to. Attaching happens in each thing's own context (core.attachments).
 */
export function createDocumentsContext(db: Db, _rules: Rules, core: CoreContext) {
  // Read-only here: the things files hang on, to decide who may fetch them.
  const access = new FileAccess({
    needs: new DynamoBiddingNeedRepository(db),
    bids: new DynamoBidRepository(db),
    deals: new DynamoDealRepository(db),
    viewers: new ViewerResolver(core.repos.memberships, core.repos.parks),
    reviewsCertificatesOf: (caller, orgId) => core.certificates.decidesOn(caller, orgId),
    clock: db.clock,
  });
  return {
    // Presigning writes one item, not a transaction: the quotas are taken in a write of their own.
    uploads: new UploadService(core.repos.uploads, core.files, db.clock, {
      take: (caller, bytes) =>
        core.repos.quotas.take([
          ...core.quotas.charges(caller, 'upload.create'),
          ...core.quotas.charges(caller, 'upload.bytes', bytes),
        ]),
    }),
    downloads: new DownloadService(core.repos.uploads, core.files.store, access),
  };
}
