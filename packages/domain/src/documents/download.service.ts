import { isPastClose } from '../bids/bid.rules';
import type { BiddingNeedRepository, BidRepository } from '../bids/ports';
import { type Caller, type Clock, notFound, type OrgCaller, requireOrg } from '../core';
import type { DealRepository } from '../deals/ports';
import type { ViewerResolver } from '../needs/viewer';
import { accessOf } from '../needs/visibility';
import { contentDisposition } from './attachments';
import type { FileStore, UploadRepository } from './ports';
import type { FileParent } from './upload';

/** A download URL lives this long (the contract's ceiling is 5 minutes). */
export const DOWNLOAD_URL_TTL_S = 300;

export interface FileAccessDeps {
  needs: Pick<BiddingNeedRepository, 'get'>;
  bids: Pick<BidRepository, 'needAndBid'>;
  deals: Pick<DealRepository, 'get'>;
  viewers: Pick<ViewerResolver, 'sees'>;
  /** Whether the caller reviews the organisation's certificate claims (the operator of a park it applied to). */
  reviewsCertificatesOf(caller: OrgCaller, orgId: string): Promise<boolean>;
  clock: Clock;
}

/**
 * Who may fetch a file: exactly who may see the thing it is attached to. A need's files: whoever
 * sees the need. A bid's: its bidder, and the need's owner only after the close (sealed with the
 * bid). A certificate's: its firm and the operators who review its claims. A message's: the deal's
 * two parties. Everyone else, and every file not attached (or taken off again), gets 404.
 */
export class FileAccess {
  constructor(private readonly d: FileAccessDeps) {}

  async mayRead(caller: OrgCaller, parent: FileParent): Promise<boolean> {
    switch (parent.kind) {
      case 'need': {
        const need = await this.d.needs.get(parent.needId);
        return !!need && (await this.d.viewers.sees(caller, accessOf(need)));
      }
      case 'bid': {
        const { need, bid } = await this.d.bids.needAndBid(parent.needId, parent.supplierOrgId);
        if (!need || !bid) return false;
        if (caller.orgId === parent.supplierOrgId) return true;
        return (
          caller.orgId === need.ownerOrgId &&
          bid.status !== 'withdrawn' &&
          isPastClose(need, this.d.clock.now())
        );
      }
      case 'certificate':
        return caller.orgId === parent.orgId || this.d.reviewsCertificatesOf(caller, parent.orgId);
      case 'message': {
        const deal = await this.d.deals.get(parent.dealId);
        return !!deal && (deal.buyerOrgId === caller.orgId || deal.sellerOrgId === caller.orgId);
      }
    }
  }
}

export class DownloadService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly store: FileStore,
    private readonly access: FileAccess,
  ) {}

  /** A short-lived URL for the file, or 404 to anyone who may not see its parent. */
  /** The attached file, if the caller may see its parent; 404 otherwise. */
  async visible(caller: Caller, attachmentId: string) {
    const org = requireOrg(caller);
    const file = await this.uploads.get(attachmentId);
    if (file?.status !== 'attached' || !file.parent) throw notFound('attachment');
    if (!(await this.access.mayRead(org, file.parent))) throw notFound('attachment');
    return file;
  }

  async url(caller: Caller, attachmentId: string): Promise<{ url: string; expiresInS: number }> {
    const file = await this.visible(caller, attachmentId);
    const url = await this.store.downloadUrl({
      key: file.objectKey,
      contentType: file.contentType,
      contentDisposition: contentDisposition(file.fileName),
      expiresInS: DOWNLOAD_URL_TTL_S,
    });
    return { url, expiresInS: DOWNLOAD_URL_TTL_S };
  }
}
