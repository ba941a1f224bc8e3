import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  newId,
  notFound,
  type OrgCaller,
  type PageRequest,
  requireRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import type { NotificationRepository } from '../notifications/ports';
import { requireOperatorOf } from '../parks/operator';
import type { ParkRepository } from '../parks/ports';
import type { Offering, OfferingInput } from './offering';
import { effectiveStatus } from './offering.rules';
import type { OfferingFilter, OfferingRepository } from './ports';

export interface OfferingServiceDeps {
  offerings: OfferingRepository;
  parks: ParkRepository;
  notifications: NotificationRepository;
  clock: Clock;
  rules: { minBiddingWindowS: number };
}

/** An offering as readers see it: the effective status, never the audit head. */
export type OfferingView = Omit<Stored<Offering>, 'auditHash'>;

/**
 * The operator's side of park space: drafts, publishing, cancelling, and reading offerings. A
 * draft exists only for its park's operator; an open offering is shown to everyone, signed in or not.
 */
export class OfferingService {
  constructor(private readonly d: OfferingServiceDeps) {}

  async create(caller: Caller, parkId: string, input: OfferingInput): Promise<OfferingView> {
    const op = requireRole(caller, 'operator');
    const park = await this.d.parks.get(parkId);
    if (!park) throw notFound('park');
    requireOperatorOf(park, op.orgId);
    const now = this.d.clock.now();
    const closesAtMs = Date.parse(input.closesAt);
    if (closesAtMs <= now.getTime()) {
      throw ruleBroken('offering.closes_in_past', 'The close must be in the future.', [
        { path: 'closesAt', message: 'A time in the future.' },
      ]);
    }
    const at = now.toISOString();
    const offering: Offering = {
      ...input,
      offeringId: newId('offering', now.getTime()),
      parkId,
      operatorOrgId: op.orgId,
      status: 'draft',
      closesAt: new Date(closesAtMs).toISOString(),
      closesAtMs,
      originalClosesAt: new Date(closesAtMs).toISOString(),
      extensionCount: 0,
      publishedAt: null,
      cancelReason: null,
      awardedBidId: null,
      allocationId: null,
      createdAt: at,
      updatedAt: at,
      version: 0,
    };
    const saved = await this.d.offerings.save(offering, null, {
      action: 'offering.created',
      actor: actorOf(op),
      before: null,
      after: { status: 'draft', kind: input.kind, reservePrice: input.reservePrice, mode: input.mode },
      parkId,
    });
    return this.view(saved);
  }

  async publish(caller: Caller, offeringId: string, ifMatch?: number): Promise<OfferingView> {
    const { op, offering } = await this.operated(caller, offeringId);
    if (offering.status !== 'draft')
      throw conflict('offering.not_draft', `The offering is ${offering.status}.`);
    if (ifMatch !== undefined && ifMatch !== offering.version) throw staleVersion();
    const now = this.d.clock.now();
    const earliest = now.getTime() + this.d.rules.minBiddingWindowS * 1000;
    if (offering.closesAtMs < earliest) {
      throw ruleBroken(
        'offering.window_too_short',
        `Investors need at least ${this.d.rules.minBiddingWindowS} seconds to bid: move the close later.`,
        [{ path: 'closesAt', message: `At or after ${new Date(earliest).toISOString()}.` }],
      );
    }
    const at = now.toISOString();
    const next: Offering = { ...offering, status: 'open', publishedAt: at, updatedAt: at };
    const saved = await this.d.offerings.save(next, offering, {
      action: 'offering.published',
      actor: actorOf(op),
      before: { status: 'draft' },
      after: { status: 'open', closesAt: offering.closesAt },
      parkId: offering.parkId,
    });
    return this.view(saved);
  }

  async cancel(caller: Caller, offeringId: string, reason: string, ifMatch?: number): Promise<OfferingView> {
    const { op, offering } = await this.operated(caller, offeringId);
    if (offering.status === 'awarded' || offering.status === 'cancelled') {
      throw conflict(
        `offering.${offering.status === 'awarded' ? 'already_awarded' : 'cancelled'}`,
        `The offering is ${offering.status}.`,
      );
    }
    if (ifMatch !== undefined && ifMatch !== offering.version) throw staleVersion();
    const at = this.d.clock.now().toISOString();
    const next: Offering = { ...offering, status: 'cancelled', cancelReason: reason, updatedAt: at };
    // Conditioned on the version read: an award racing this cancel moves the version, so one loses.
    const saved = await this.d.offerings.save(next, offering, {
      action: 'offering.cancelled',
      actor: actorOf(op),
      before: { status: offering.status },
      after: { status: 'cancelled' },
      parkId: offering.parkId,
      reason,
    });
    if (offering.status === 'open') {
      const { bids } = await this.d.offerings.book(offeringId);
      for (const bid of bids.filter((b) => b.status === 'submitted')) {
        await this.d.notifications.notify({
          orgId: bid.bidderOrgId,
          kind: 'offering.cancelled',
          entityId: offeringId,
          data: { offeringId, title: offering.title, reason },
          dedupeKey: `offering-cancelled#${offeringId}`,
        });
      }
    }
    return this.view(saved);
  }

  /** One offering: a draft only for its park's operator; anything else for anyone signed in. */
  async get(caller: Caller, offeringId: string): Promise<OfferingView> {
    const offering = await this.d.offerings.get(offeringId);
    if (!offering || (offering.status === 'draft' && offering.operatorOrgId !== caller.orgId)) {
      throw notFound('offering');
    }
    return this.view(offering);
  }

  /** Without a token: open offerings only (closed, awarded and cancelled ones leave the public pages). */
  async getPublic(offeringId: string): Promise<OfferingView> {
    const offering = await this.d.offerings.get(offeringId);
    if (offering?.status !== 'open') throw notFound('offering');
    return this.view(offering);
  }

  async list(caller: Caller | null, parkId: string, filter: OfferingFilter, page: PageRequest) {
    const park = await this.d.parks.get(parkId);
    if (!park) throw notFound('park');
    const operates = !!caller && park.operatorOrgId === caller.orgId;
    if (!caller) filter = { ...filter, status: 'open' };
    // Drafts are the operator's own: anyone else asking for them gets none.
    const res = await this.d.offerings.listByPark(
      parkId,
      { ...filter, includeDrafts: operates, now: this.d.clock.now() },
      page,
    );
    return { items: res.items.map((o) => this.view(o)), nextCursor: res.nextCursor };
  }

  /** The offering, for its park's operator (404 to anyone who cannot see it, 403 to other roles). */
  async operated(caller: Caller, offeringId: string): Promise<{ op: OrgCaller; offering: Stored<Offering> }> {
    const offering = await this.d.offerings.get(offeringId);
    if (!offering || (offering.status === 'draft' && offering.operatorOrgId !== caller.orgId)) {
      throw notFound('offering');
    }
    const op = requireRole(caller, 'operator');
    requireOperatorOf(offering, op.orgId);
    return { op, offering };
  }

  view(o: Stored<Offering>): OfferingView {
    const { auditHash: _drop, ...rest } = o;
    return { ...rest, status: effectiveStatus(o, this.d.clock.now()) };
  }
}
