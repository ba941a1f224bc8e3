import {
  actorOf,
  type Caller,
  type Clock,
  newId,
  type Page,
  type PageRequest,
  requireOrg,
  type Stored,
} from '../core';
import type { AttachmentPlanner } from '../documents/attachments';
import type { OrgRepository } from '../orgs/ports';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { Deal } from './deal';
import type { DealMessage, DealMessageInput, PurchaseOrder } from './deal-room';
import { requireSideRole } from './deal-side';
import type { DealMessageRepository, DealRepository } from './ports';

export interface DealRoomDeps {
  deals: DealRepository;
  messages: DealMessageRepository;
  orgs: OrgRepository;
  files: AttachmentPlanner;
  /** The deal if the caller is one of its parties (404 otherwise): DealService.get. */
  partyDeal(caller: Caller, dealId: string): Promise<Stored<Deal>>;
  clock: Clock;
  /** Messages are counted per person and organisation (none when absent). */
  quotas?: QuotaPolicy;
}

/**
 * After the award, the buyer and the seller talk in the deal's own thread (the only private channel
 * between them: before the award there are questions and answers only), and the buyer prints a
 * purchase order of what was agreed.
 */
export class DealRoomService {
  constructor(private readonly d: DealRoomDeps) {}

  async messages(caller: Caller, dealId: string, page: PageRequest): Promise<Page<DealMessage>> {
    requireSideRole(requireOrg(caller), await this.d.partyDeal(caller, dealId), 'read');
    return this.d.messages.list(dealId, page);
  }

  /** Posts a message (with files) and tells the other side, in one transaction. */
  async post(caller: Caller, dealId: string, input: DealMessageInput): Promise<DealMessage> {
    const org = requireOrg(caller);
    const deal = await this.d.partyDeal(org, dealId);
    const side = requireSideRole(org, deal, 'act');
    const now = this.d.clock.now();
    const messageId = newId('message', now.getTime());
    const files = await this.d.files.plan(
      org.orgId,
      { kind: 'message', dealId, messageId },
      input.attachments ?? [],
    );
    const message: DealMessage = {
      messageId,
      dealId,
      fromOrgId: org.orgId,
      fromUserId: org.userId,
      side,
      ...(input.text ? { text: input.text } : {}),
      attachments: files.attachments,
      createdAt: now.toISOString(),
    };
    await this.d.messages.post(message, {
      notification: {
        orgId: side === 'buyer' ? deal.sellerOrgId : deal.buyerOrgId,
        kind: 'deal.message',
        entityId: dealId,
        data: {
          dealId,
          needId: deal.needId,
          messageId,
          from: side,
          title: deal.title,
          files: files.attachments.length,
        },
        dedupeKey: `deal.message#${messageId}`,
      },
      files: files.change,
      charges: (this.d.quotas ?? NO_QUOTAS).charges(org, 'deal.message'),
      audit: {
        action: 'deal.message_posted',
        actor: actorOf(org),
        before: null,
        // The words stay in the thread; the trail records that a message (and which files) went.
        after: { messageId, side, files: files.attachments.map((a) => a.fileName) },
        parkId: deal.parkId,
      },
    });
    return message;
  }

  /** The purchase order; its number is given on first read, once (concurrent first reads agree). */
  async purchaseOrder(caller: Caller, dealId: string): Promise<PurchaseOrder> {
    const deal = await this.d.partyDeal(caller, dealId);
    requireSideRole(requireOrg(caller), deal, 'read');
    const po = await this.d.deals.purchaseOrderOf(deal, this.d.clock.now());
    const orgs = new Map(
      (await this.d.orgs.getMany([deal.buyerOrgId, deal.sellerOrgId])).map((o) => [o.orgId, o]),
    );
    const party = (orgId: string) => {
      const o = orgs.get(orgId);
      return {
        orgId,
        name: o?.name ?? orgId,
        ...(o?.names ? { names: o.names } : {}),
        country: o?.country ?? '',
        ...(o?.city ? { city: o.city } : {}),
      };
    };
    return {
      number: po.number,
      issuedAt: po.issuedAt,
      dealId: deal.dealId,
      needId: deal.needId,
      status: deal.status,
      buyer: party(deal.buyerOrgId),
      seller: party(deal.sellerOrgId),
      lines: [
        {
          description: deal.title,
          category: deal.category,
          quantity: deal.quantity,
          unit: deal.unit,
          unitPrice: deal.unitPrice,
          total: deal.total,
        },
      ],
      total: deal.total,
      delivery: deal.delivery ?? null,
      paymentTerms: deal.paymentTerms ?? null,
      leadTimeDays: deal.leadTimeDays,
      dueBy: deal.dueBy,
      awardedAt: deal.awardedAt,
    };
  }
}
