import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  DomainError,
  forbidden,
  notFound,
  type OrgCaller,
  type PageRequest,
  requireOrg,
  requireRole,
  type Stored,
  staleVersion,
} from '../core';
import type { NotificationKind } from '../notifications/kinds';
import type { NotificationDraft } from '../notifications/notification';
import { CANCELLABLE, type Deal, type DealRole, type DealStatus, type RatingInput } from './deal';
import { requireSideRole } from './deal-side';
import type { DealRepository, ReputationCounter } from './ports';

type Effects = Parameters<DealRepository['save']>[3];

/**
 * A deal's lifecycle after the award, and the ratings. Reputation totals move only here, in the
 * same transaction as the acceptance or rating they count.
 */
export class DealService {
  constructor(
    private readonly deals: DealRepository,
    private readonly clock: Clock,
  ) {}

  async get(caller: Caller, dealId: string): Promise<Stored<Deal>> {
    const org = requireOrg(caller);
    const deal = await this.deals.get(dealId);
    // Another organisation's deal looks like no deal.
    if (!deal || (deal.buyerOrgId !== org.orgId && deal.sellerOrgId !== org.orgId)) throw notFound('deal');
    return deal;
  }

  list(caller: Caller, role: DealRole | undefined, page: PageRequest) {
    const org = requireRole(caller, 'tenant', 'supplier');
    const as = role ?? (org.roles.includes('tenant') ? 'buyer' : 'seller');
    return this.deals.listByOrg(org.orgId, as, page);
  }

  confirm(caller: Caller, dealId: string, ifMatch?: number) {
    return this.step(caller, dealId, ifMatch, 'seller', 'awarded', (deal, at) => ({
      next: { ...deal, status: 'confirmed', confirmedAt: at },
      effects: { reputation: [], notifications: [notice(deal, deal.buyerOrgId, 'deal.confirmed')] },
    }));
  }

  deliver(caller: Caller, dealId: string, ifMatch?: number) {
    return this.step(caller, dealId, ifMatch, 'seller', 'confirmed', (deal, at) => ({
      next: { ...deal, status: 'delivered', deliveredAt: at, onTime: at <= deal.dueBy },
      effects: { reputation: [], notifications: [notice(deal, deal.buyerOrgId, 'deal.delivered')] },
    }));
  }

  /** The buyer accepts the delivery: the deal counts for both sides' reputation, on time or not. */
  acceptDelivery(caller: Caller, dealId: string, ifMatch?: number) {
    return this.step(caller, dealId, ifMatch, 'buyer', 'delivered', (deal, at) => ({
      next: { ...deal, status: 'accepted', acceptedAt: at },
      effects: {
        reputation: [
          { orgId: deal.sellerOrgId, add: { sellerDealCount: 1, sellerOnTimeCount: deal.onTime ? 1 : 0 } },
          { orgId: deal.buyerOrgId, add: { buyerDealCount: 1 } },
        ],
        notifications: [notice(deal, deal.sellerOrgId, 'deal.accepted')],
      },
    }));
  }

  /**
   * Either side calls the deal off before anything is delivered (awarded or confirmed): the other
   * side is told, with the reason. A delivered or accepted deal stands (409); so does a cancelled one.
   * Reputation is not moved: it counts accepted deliveries and ratings only. The write is
   * conditional on the version read, so a delivery that races the cancellation wins or loses whole.
   */
  cancel(caller: Caller, dealId: string, reason: string, ifMatch?: number) {
    const org = requireRole(caller, 'tenant', 'supplier');
    return this.retryStale(ifMatch, async () => {
      const deal = await this.get(org, dealId);
      const by = requireSideRole(org, deal, 'act');
      if (ifMatch !== undefined && ifMatch !== deal.version) throw staleVersion();
      if (!CANCELLABLE.includes(deal.status)) {
        throw conflict(
          'deal.not_cancellable',
          deal.status === 'cancelled'
            ? 'The deal is cancelled already.'
            : `The deal is ${deal.status}: a deal is cancelled only before delivery.`,
        );
      }
      const at = this.clock.now().toISOString();
      const next: Deal = { ...deal, status: 'cancelled', cancellation: { by, reason, at } };
      const other = by === 'buyer' ? deal.sellerOrgId : deal.buyerOrgId;
      return this.deals.save(
        next,
        deal,
        {
          action: 'deal.cancelled',
          actor: actorOf(org),
          before: { status: deal.status },
          after: { status: 'cancelled', by, reason },
          parkId: deal.parkId,
        },
        {
          reputation: [],
          notifications: [
            { ...notice(deal, other, 'deal.cancelled'), data: { dealId, needId: deal.needId, by, reason } },
          ],
        },
      );
    });
  }

  /** Each side rates the other once, after acceptance. */
  async rate(caller: Caller, dealId: string, input: RatingInput) {
    const org = requireOrg(caller);
    return this.retryStale(undefined, async () => {
      const deal = await this.get(org, dealId);
      const side = requireSideRole(org, deal, 'act');
      if (deal.status !== 'accepted') {
        throw conflict('deal.not_accepted', 'A deal is rated after the buyer accepts the delivery.');
      }
      const field = side === 'buyer' ? 'buyerRating' : 'sellerRating';
      if (deal[field] !== null) throw conflict('deal.already_rated', 'You have rated this deal already.');
      const rated = side === 'buyer' ? deal.sellerOrgId : deal.buyerOrgId;
      const counters: [ReputationCounter, ReputationCounter] =
        side === 'buyer' ? ['sellerRatingSum', 'sellerRatingCount'] : ['buyerRatingSum', 'buyerRatingCount'];
      const at = this.clock.now().toISOString();
      const rating = { score: input.score, ...(input.comment ? { comment: input.comment } : {}), at };
      const next: Deal = { ...deal, [field]: rating };
      return this.deals.save(
        next,
        deal,
        {
          action: `deal.rated_by_${side}`,
          actor: actorOf(org),
          before: deal,
          after: next,
          parkId: deal.parkId,
        },
        {
          reputation: [{ orgId: rated, add: { [counters[0]]: input.score, [counters[1]]: 1 } }],
          notifications: [notice(deal, rated, 'deal.rated')],
        },
      );
    });
  }

  private step(
    caller: Caller,
    dealId: string,
    ifMatch: number | undefined,
    by: 'buyer' | 'seller',
    from: DealStatus,
    change: (deal: Stored<Deal>, at: string) => { next: Deal; effects: Effects },
  ) {
    const org = requireRole(caller, by === 'buyer' ? 'tenant' : 'supplier');
    return this.retryStale(ifMatch, async () => {
      const deal = await this.get(org, dealId);
      requireSide(org, deal, by);
      requireSideRole(org, deal, 'act');
      if (ifMatch !== undefined && ifMatch !== deal.version) throw staleVersion();
      if (deal.status !== from) {
        throw conflict('deal.invalid_transition', `The deal is ${deal.status}; this step needs it ${from}.`);
      }
      const { next, effects } = change(deal, this.clock.now().toISOString());
      return this.deals.save(
        next,
        deal,
        {
          action: `deal.${next.status}`,
          actor: actorOf(org),
          before: { status: deal.status },
          after: { status: next.status },
          parkId: deal.parkId,
        },
        effects,
      );
    });
  }

  /** Without If-Match a lost race is read again (and then refused for the right reason). */
  private async retryStale<T>(ifMatch: number | undefined, attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (err) {
        const stale =
          err instanceof DomainError &&
          ['version.changed', 'version.stale', 'write.concurrent'].includes(err.code);
        if (!stale || ifMatch !== undefined || i >= 3) throw err;
      }
    }
  }
}

/** The step is one side's: the other party (who sees the deal) is refused with 403. */
export function requireSide(org: OrgCaller, deal: Deal, by: 'buyer' | 'seller') {
  const id = by === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId;
  if (id !== org.orgId) throw forbidden(`deal.${by}_only`, `Only the ${by} takes this step.`);
}

const notice = (deal: Deal, orgId: string, kind: NotificationKind): NotificationDraft => ({
  orgId,
  kind,
  entityId: deal.dealId,
  data: { dealId: deal.dealId, needId: deal.needId },
  dedupeKey: `${kind}#${deal.dealId}`,
});
