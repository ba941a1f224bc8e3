import { actorOf, type Caller, type Clock, conflict, notFound, requireRole, type Stored } from '../core';
import type { ExpoRepository } from '../expos/ports';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { BookingService } from './booking.service';
import { isClaimable } from './claim';
import type { BookingRepository, WaitlistRepository } from './ports';
import { requireBookable, resolveTarget } from './slot-target';
import type { WaitlistPlace } from './waitlist';

/** How far down a queue a caller's position is counted; beyond it the position reads null. */
const POSITION_HORIZON = 200;

/** Waitlists of taken slots: park members first, then in order of joining. */
export class WaitlistService {
  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly bookings: BookingRepository,
    private readonly expos: ExpoRepository,
    private readonly memberships: MembershipRepository,
    private readonly offers: BookingService,
    private readonly clock: Clock,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  async join(caller: Caller, slotId: string, sliceId?: string): Promise<Stored<WaitlistPlace>> {
    const firm = requireRole(caller, 'tenant', 'supplier');
    const resolved = await resolveTarget(this.expos, slotId, sliceId);
    const { slot, target } = resolved;
    const now = this.clock.now();
    requireBookable(resolved, now);
    const claim = await this.bookings.claim(target);
    if (isClaimable(claim, now)) {
      throw conflict('waitlist.slot_available', 'The slot is available: hold it instead.');
    }
    if (claim?.orgId === firm.orgId) {
      throw conflict('waitlist.own_claim', 'Your organisation holds or booked this slot already.');
    }
    const prev = await this.waitlist.place(target, firm.orgId);
    if (prev?.status === 'waiting') {
      throw conflict('waitlist.already_waiting', 'Your organisation is on this waitlist already.');
    }
    const membership = await this.memberships.get(slot.parkId, firm.orgId);
    const inPark = isActiveAs(membership, 'tenant') || isActiveAs(membership, 'supplier');
    const at = now.toISOString();
    const next: WaitlistPlace = {
      slotId,
      sliceId: target.sliceId,
      expoId: slot.expoId,
      parkId: slot.parkId,
      orgId: firm.orgId,
      status: 'waiting',
      priority: inPark ? 'park' : 'other',
      joinedAt: at,
      offeredBookingId: null,
      updatedAt: at,
      version: prev?.version ?? 0,
    };
    const place = await this.waitlist.join(
      next,
      prev,
      {
        action: 'waitlist.joined',
        actor: actorOf(firm),
        before: prev ?? null,
        after: next,
        parkId: slot.parkId,
      },
      this.quotas.charges(firm, 'waitlist.join'),
    );
    // The slot may have freed between the check above and the join, after its releaser looked at
    // the queue: offer it now, so no place waits on a free slot.
    // A failed offer must not fail the join, which has committed; the jobs offer again later.
    const offered = await this.offers.offerNext(target, resolved).catch(() => null);
    if (offered) return (await this.waitlist.place(target, firm.orgId)) ?? place;
    return place;
  }

  async leave(caller: Caller, slotId: string, sliceId?: string): Promise<Stored<WaitlistPlace>> {
    const firm = requireRole(caller, 'tenant', 'supplier');
    const { target } = await resolveTarget(this.expos, slotId, sliceId);
    const prev = await this.waitlist.place(target, firm.orgId);
    if (prev?.status !== 'waiting') throw notFound('waitlist place');
    const next: WaitlistPlace = { ...prev, status: 'left', updatedAt: this.clock.now().toISOString() };
    return this.waitlist.leave(next, prev, {
      action: 'waitlist.left',
      actor: actorOf(firm),
      before: prev,
      after: next,
      parkId: prev.parkId,
    });
  }

  /**
   * The caller's place on a slot's waitlist, with its position in the queue (1 = next to be
   * offered). A waiting place is found in the queue itself, in one read. Otherwise (left, offered,
   * beyond the first POSITION_HORIZON, or no such slot or place) the slot and the place are read,
   * and the position is null: that read of the queue already showed the place is not within it.
   */
  async mine(caller: Caller, slotId: string, sliceId?: string) {
    const firm = requireRole(caller, 'tenant', 'supplier');
    // Only a joined place has a queue entry, and joining resolved the slot and slice: finding it
    // proves the target exists as named.
    const queued = await this.waitlist.queuedPlace(
      { slotId, sliceId: sliceId ?? null },
      firm.orgId,
      POSITION_HORIZON,
    );
    if (queued) return queued;
    const { target } = await resolveTarget(this.expos, slotId, sliceId);
    const place = await this.waitlist.place(target, firm.orgId);
    if (!place) throw notFound('waitlist place');
    return { place, position: null };
  }
}
