import { categories } from '../categories/isic-rev4';
import type { ChainService } from '../chains/chain.service';
import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  invalid,
  newId,
  notFound,
  type OrgCaller,
  type Page,
  type PageRequest,
  requireOrg,
  requireRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import type { AttachmentPlanner } from '../documents/attachments';
import { queryTerms } from '../matching/search-text';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';
import type { ParkService } from '../parks/park.service';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import { amendmentChanges, type NeedAmendment } from './amendment';
import { AuctionRules, type Need, type NeedInput } from './need';
import type { NeedAmendmentInput, NeedDraftPatch, NeedFromInput, NeedListFilter } from './need-requests';
import type { NeedRepository } from './ports';
import type { ViewerResolver } from './viewer';
import { audienceOf, canSee } from './visibility';

export interface NeedRules {
  /** The shortest time from publishing (or amending) a need to its close, in seconds. */
  minBiddingWindowS: number;
}

const HOUR_MS = 3600_000;

/**
 * The life of a need up to its close: draft, publish, amend, extend, cancel, read and search.
 * Closing and awarding belong to the bidding context.
 */
export class NeedService {
  constructor(
    private readonly needs: NeedRepository,
    private readonly chains: ChainService,
    private readonly parks: ParkService,
    private readonly memberships: MembershipRepository,
    private readonly viewers: ViewerResolver,
    private readonly clock: Clock,
    private readonly rules: NeedRules,
    private readonly files: AttachmentPlanner,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  async create(caller: Caller, input: NeedInput): Promise<Stored<Need>> {
    const tenant = requireRole(caller, 'tenant');
    await this.checkInput(tenant, input);
    if (input.chainInputRef) {
      const chain = await this.chains.requireOwned(tenant, input.chainInputRef.chainId).catch(() => null);
      if (!chain?.inputs.some((i) => i.inputId === input.chainInputRef?.inputId)) {
        throw ruleBroken('need.chain_input_unknown', 'No such input in your production chains.', [
          { path: 'chainInputRef', message: 'Refer to an input of one of your own chains.' },
        ]);
      }
    }
    const now = this.clock.now().toISOString();
    const closesAtMs = Date.parse(input.closesAt);
    const needId = newId('need');
    const files = await this.files.plan(tenant.orgId, { kind: 'need', needId }, input.attachments ?? []);
    const need: Need = {
      ...input,
      attachments: files.attachments,
      requiredCertificates: [...new Set(input.requiredCertificates)],
      auction: input.mode === 'auction' ? (input.auction ?? AuctionRules.parse({})) : undefined,
      needId,
      ownerOrgId: tenant.orgId,
      status: 'draft',
      closesAt: new Date(closesAtMs).toISOString(),
      closesAtMs,
      originalClosesAt: new Date(closesAtMs).toISOString(),
      extensionCount: 0,
      publishedAt: null,
      parkFirstUntil: null,
      parkFirstUntilMs: 0,
      amendmentCount: 0,
      amendedAt: null,
      amendedAtMs: 0,
      cancelReason: null,
      awardedBidId: null,
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    return this.needs.save(
      need,
      null,
      { action: 'need.created', actor: actorOf(tenant), before: null, after: need, parkId: need.parkId },
      undefined,
      files.change,
      this.quotas.charges(tenant, 'need.create'),
    );
  }

  /** "An input can become a need in one call": the need takes the input's category, amount and park. */
  async createFromChainInput(
    caller: Caller,
    chainId: string,
    inputId: string,
    body: NeedFromInput,
  ): Promise<Stored<Need>> {
    const tenant = requireRole(caller, 'tenant');
    const chain = await this.chains.requireOwned(tenant, chainId);
    const input = chain.inputs.find((i) => i.inputId === inputId);
    if (!input) throw notFound('chain_input');
    const park = await this.parks.get(chain.parkId);
    const what = input.name ?? categories.title(input.category, 'en') ?? input.category;
    const quantity = body.quantity ?? input.quantity;
    const need = await this.create(tenant, {
      title: body.title ?? what,
      description:
        body.description ??
        `${quantity} ${input.unit} ${body.recurring ? `per ${input.period}` : 'once'} of ${what}, an input of ${chain.output.name}.`,
      category: input.category,
      quantity,
      unit: input.unit,
      recurrence: body.recurring ? { every: input.period } : undefined,
      parkId: chain.parkId,
      currency: body.currency ?? park.currency,
      closesAt: body.closesAt,
      mode: body.mode,
      auction: body.auction,
      requiredCertificates: body.requiredCertificates,
      parkFirstHours: body.parkFirstHours,
      visibility: body.visibility,
      chainInputRef: { chainId, inputId },
      delivery: body.delivery,
      paymentTerms: body.paymentTerms,
      attachments: body.attachments,
    });
    return body.publish ? this.publish(tenant, need.needId, need.version) : need;
  }

  async updateDraft(caller: Caller, needId: string, patch: NeedDraftPatch, ifMatch?: number) {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, needId, ifMatch);
    if (prev.status !== 'draft')
      throw conflict('need.not_draft', 'Only a draft can be edited; amend an open need instead.');
    const { recurrence, auction, closesAt, delivery, paymentTerms, attachments, ...rest } = patch;
    const files = await this.files.plan(
      tenant.orgId,
      { kind: 'need', needId },
      attachments,
      prev.attachments,
    );
    const merged = {
      ...prev,
      ...rest,
      recurrence: recurrence === null ? undefined : (recurrence ?? prev.recurrence),
      auction: auction === null ? undefined : (auction ?? prev.auction),
      delivery: delivery === null ? undefined : (delivery ?? prev.delivery),
      paymentTerms: paymentTerms === null ? undefined : (paymentTerms ?? prev.paymentTerms),
      attachments: files.attachments,
    };
    if (merged.mode === 'auction' && !merged.auction) merged.auction = AuctionRules.parse({});
    if (merged.mode === 'sealed') merged.auction = undefined;
    await this.checkInput(tenant, merged);
    const closesAtMs = closesAt ? Date.parse(closesAt) : prev.closesAtMs;
    const next: Need = {
      ...merged,
      requiredCertificates: [...new Set(merged.requiredCertificates)],
      closesAt: new Date(closesAtMs).toISOString(),
      closesAtMs,
      originalClosesAt: new Date(closesAtMs).toISOString(),
      updatedAt: this.clock.now().toISOString(),
    };
    return this.needs.save(
      next,
      prev,
      { action: 'need.updated', actor: actorOf(tenant), before: prev, after: next, parkId: next.parkId },
      { status: ['draft'] },
      files.change,
    );
  }

  async publish(caller: Caller, needId: string, ifMatch?: number): Promise<Stored<Need>> {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, needId, ifMatch);
    if (prev.status !== 'draft') throw conflict('need.not_draft', `The need is ${prev.status} already.`);
    const now = this.clock.now();
    const window = prev.closesAtMs - now.getTime();
    if (window < this.rules.minBiddingWindowS * 1000) {
      throw ruleBroken(
        'need.closes_too_soon',
        `A need stays open at least ${this.rules.minBiddingWindowS} s after publishing.`,
        [
          {
            path: 'closesAt',
            message: `Close no earlier than ${new Date(now.getTime() + this.rules.minBiddingWindowS * 1000).toISOString()}.`,
          },
        ],
      );
    }
    if (prev.parkFirstHours * HOUR_MS >= window) {
      throw ruleBroken('need.park_first_too_long', 'The park-first window must end before the close.', [
        { path: 'parkFirstHours', message: 'Shorten the park-first window or close later.' },
      ]);
    }
    if (!isActiveAs(await this.memberships.get(prev.parkId, tenant.orgId), 'tenant')) {
      throw ruleBroken('need.not_a_tenant', 'Your organisation is no longer an active tenant of this park.');
    }
    const parkFirstUntilMs = prev.parkFirstHours ? now.getTime() + prev.parkFirstHours * HOUR_MS : 0;
    const next: Need = {
      ...prev,
      status: 'open',
      publishedAt: now.toISOString(),
      originalClosesAt: prev.closesAt,
      parkFirstUntil: parkFirstUntilMs ? new Date(parkFirstUntilMs).toISOString() : null,
      parkFirstUntilMs,
      updatedAt: now.toISOString(),
    };
    return this.needs.save(
      next,
      prev,
      { action: 'need.published', actor: actorOf(tenant), before: prev, after: next, parkId: next.parkId },
      { status: ['draft'] },
    );
  }

  async cancel(caller: Caller, needId: string, reason: string, ifMatch?: number): Promise<Stored<Need>> {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, needId, ifMatch);
    if (!['draft', 'open', 'closed'].includes(prev.status))
      throw conflict('need.not_cancellable', `A ${prev.status} need cannot be cancelled.`);
    const next: Need = {
      ...prev,
      status: 'cancelled',
      cancelReason: reason,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.needs.save(
      next,
      prev,
      {
        action: 'need.cancelled',
        actor: actorOf(tenant),
        before: prev,
        after: next,
        parkId: next.parkId,
        reason,
      },
      { status: [prev.status] },
    );
  }

  /** Moves the close later; only while the need is open and before its effective close. */
  async extend(caller: Caller, needId: string, closesAt: string, ifMatch?: number): Promise<Stored<Need>> {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, needId, ifMatch);
    const now = this.clock.now();
    this.requireBiddable(prev, now);
    const closesAtMs = Date.parse(closesAt);
    if (closesAtMs <= prev.closesAtMs) {
      throw ruleBroken('need.extend_not_later', 'An extension moves the close later.', [
        { path: 'closesAt', message: `Choose a time after ${prev.closesAt}.` },
      ]);
    }
    const next: Need = {
      ...prev,
      closesAt: new Date(closesAtMs).toISOString(),
      closesAtMs,
      updatedAt: now.toISOString(),
    };
    return this.needs.save(
      next,
      prev,
      { action: 'need.extended', actor: actorOf(tenant), before: prev, after: next, parkId: next.parkId },
      { status: ['open'], beforeCloseAt: now },
    );
  }

  /**
   * Changes material fields of an open need, recording what changed. If less than the minimum
   * bidding window remains, the close moves out to it, so bidders have time to reconsider.
   */
  async amend(caller: Caller, needId: string, input: NeedAmendmentInput, ifMatch?: number) {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, needId, ifMatch);
    const now = this.clock.now();
    this.requireBiddable(prev, now);
    if (input.category && !categories.has(input.category)) throw unknownCategory('category');
    const changes = amendmentChanges(prev, input);
    const files = await this.files.plan(
      tenant.orgId,
      { kind: 'need', needId },
      input.attachments,
      prev.attachments,
    );
    if (files.change) {
      // Recorded by name, so bidders read which drawing came or went.
      changes.push({ field: 'attachments', before: prev.attachments ?? [], after: files.attachments });
    }
    if (!changes.length) throw ruleBroken('need.amendment_empty', 'The amendment changes nothing.');
    const earliestClose = now.getTime() + this.rules.minBiddingWindowS * 1000;
    const closesAtMs = Math.max(prev.closesAtMs, earliestClose);
    const seq = prev.amendmentCount + 1;
    const amendment: NeedAmendment = {
      needId,
      seq,
      at: now.toISOString(),
      byUserId: tenant.userId,
      reason: input.reason,
      changes,
      closesAtBefore: prev.closesAt,
      closesAtAfter: new Date(closesAtMs).toISOString(),
    };
    const changed = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    const next: Need = {
      ...prev,
      ...changed,
      closesAt: amendment.closesAtAfter,
      closesAtMs,
      amendmentCount: seq,
      amendedAt: amendment.at,
      amendedAtMs: now.getTime(),
      updatedAt: amendment.at,
    };
    return this.needs.saveAmended(
      next,
      prev,
      {
        action: 'need.amended',
        actor: actorOf(tenant),
        before: prev,
        after: next,
        parkId: next.parkId,
        reason: input.reason,
      },
      amendment,
      { status: ['open'], beforeCloseAt: now },
      files.change,
    );
  }

  async get(caller: Caller, needId: string): Promise<Stored<Need>> {
    const who = requireOrg(caller);
    // Consistent: an owner reads its need right after writing it.
    const need = await this.needs.get(needId, true);
    if (!need) throw notFound('need');
    if (need.ownerOrgId === who.orgId) return need;
    if (need.status === 'draft' || !canSee(need, await this.viewers.of(who))) throw notFound('need');
    return need;
  }

  async list(caller: Caller, filter: NeedListFilter, page: PageRequest): Promise<Page<Stored<Need>>> {
    const who = requireOrg(caller);
    if (filter.category && !categories.has(filter.category)) throw unknownCategory('category');
    const terms = queryTerms(filter.q);
    if (filter.mine) {
      return this.needs.searchOwn(
        {
          ownerOrgId: who.orgId,
          status: filter.status,
          category: filter.category,
          parkId: filter.parkId,
          terms,
        },
        page,
      );
    }
    // Drafts are in no search index: asking for them outside `mine` finds nothing, by design.
    if (filter.status === 'draft') return { items: [], nextCursor: null };
    const audience = audienceOf(await this.viewers.of(who));
    return this.needs.search(
      { status: filter.status ?? 'open', category: filter.category, parkId: filter.parkId, terms, audience },
      page,
    );
  }

  /** Amendments are seen by whoever sees the need (404 otherwise), in at most two reads. */
  async amendments(caller: Caller, needId: string, page: PageRequest): Promise<Page<NeedAmendment>> {
    const who = requireOrg(caller);
    const { access, ...amendments } = await this.needs.listAmendments(needId, page);
    if (!access || !(await this.viewers.sees(who, access))) throw notFound('need');
    return amendments;
  }

  /** The need if the caller's organisation owns it (404 otherwise), at the version it read. */
  async requireOwned(caller: OrgCaller, needId: string, ifMatch?: number): Promise<Stored<Need>> {
    const need = await this.needs.get(needId, true);
    if (!need || need.ownerOrgId !== caller.orgId) throw notFound('need');
    if (ifMatch !== undefined && ifMatch !== need.version) throw staleVersion();
    return need;
  }

  private requireBiddable(need: Need, now: Date) {
    if (need.status !== 'open') throw conflict('need.not_open', `The need is ${need.status}.`);
    if (now.getTime() >= need.closesAtMs) throw conflict('need.closed', 'The need has reached its close.');
  }

  private async checkInput(
    tenant: OrgCaller,
    input: Pick<NeedInput, 'category' | 'parkId' | 'mode' | 'auction'>,
  ) {
    if (!categories.has(input.category)) throw unknownCategory('category');
    if (input.mode === 'sealed' && input.auction) {
      throw invalid('need.auction_rules_sealed', 'Auction rules apply to auction mode only.', [
        { path: 'auction', message: 'Leave out auction rules for a sealed need.' },
      ]);
    }
    await this.parks.get(input.parkId);
    if (!isActiveAs(await this.memberships.get(input.parkId, tenant.orgId), 'tenant')) {
      throw ruleBroken('need.not_a_tenant', 'Post needs for a park where you are an approved tenant.', [
        { path: 'parkId', message: 'Your organisation is not an approved tenant of this park.' },
      ]);
    }
  }
}

const unknownCategory = (path: string) =>
  invalid('category.unknown', 'Use an ISIC Rev.4 code that exists.', [
    { path, message: 'Unknown ISIC code.' },
  ]);
