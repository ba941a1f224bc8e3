import {
  type AuditActor,
  actorOf,
  type Caller,
  type Clock,
  conflict,
  hasRole,
  newId,
  notFound,
  type Page,
  type PageRequest,
  requireOrg,
  requireRole,
  ruleBroken,
  type Stored,
  SYSTEM_ACTOR,
} from '../core';
import { exhibitorProfileOf, sameProfile } from '../expos/exhibitor-profiles';
import { requireExpoOperator } from '../expos/expo';
import type { ExpoRepository } from '../expos/ports';
import type { SlotTarget } from '../expos/slot';
import type { NotificationDraft } from '../notifications/notification';
import type { OrgRepository } from '../orgs/ports';
import type { ParkRepository } from '../parks/ports';
import { NO_QUOTAS, type QuotaCharge, type QuotaPolicy } from '../quotas/quota';
import type { Booking, BookingFilter, SubmitInput } from './booking';
import {
  alreadyDecided,
  bookingChanged,
  hasCode,
  holdExpired,
  holdLimit,
  LEDGER_MOVED,
  SLOT_CHANGED,
  slotTaken,
  WAITLIST_MOVED,
} from './booking-errors';
import { type BookingStatus, effectiveStatus, isClaimable } from './claim';
import { lapsedHolds, liveClaims } from './hold-ledger';
import type { BookingRepository, HoldCommand, WaitlistRepository } from './ports';
import { type ResolvedTarget, requireBookable, resolveTarget } from './slot-target';
import type { WaitlistPlace } from './waitlist';

export interface BookingRules {
  holdTtlS: number;
  /** Holds and submitted requests of one organisation in one expo, together. */
  maxClaimsPerOrgPerExpo: number;
}

/** Checks, before a booking is accepted, that the listings to show at the booth are the exhibitor's own. */
export interface ListingOwnership {
  /** The ids among `listingIds` that are not active listings of `orgId`. */
  foreign(orgId: string, listingIds: string[]): Promise<string[]>;
}

const MAX_ATTEMPTS = 6;
/**
 * Re-reads of a slot edited between a hold's read and its write. One: the caller gets the slot at
 * its new terms without asking again; an edit landing in that second window too answers 409
 * `slot.changed`, since the slot is plainly being reworked and the caller should look at it.
 */
const MAX_SLOT_REREADS = 1;

interface HoldRequest {
  orgId: string;
  userId: string;
  actor: AuditActor;
  resolved: ResolvedTarget;
  action: 'booking.held' | 'booking.offered';
  bookingId?: string;
  offer?: (bookingId: string, now: Date) => NonNullable<HoldCommand['offer']>;
  notify?: (booking: Booking) => NotificationDraft[];
  /** The holder's quotas (a firm's own hold; a waitlist offer charges none). */
  charges?: readonly QuotaCharge[];
}

/**
 * Holds, submissions, decisions and cancellations of slot bookings. The rule that no slot is ever
 * claimed twice lives in the repository's conditions; this service decides who may ask, and what
 * the next state is.
 */
export class BookingService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly expos: ExpoRepository,
    private readonly waitlist: WaitlistRepository,
    private readonly parks: ParkRepository,
    private readonly clock: Clock,
    private readonly rules: BookingRules,
    private readonly listings: ListingOwnership | null = null,
    private readonly orgs: Pick<OrgRepository, 'get'> | null = null,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  /** A hold of a free slot (or slice) for the caller's organisation, lasting the hold TTL. */
  async hold(caller: Caller, slotId: string, sliceId?: string): Promise<Stored<Booking>> {
    const firm = requireRole(caller, 'tenant', 'supplier');
    const resolved = await resolveTarget(this.expos, slotId, sliceId);
    return this.placeHold({
      orgId: firm.orgId,
      userId: firm.userId,
      actor: actorOf(firm),
      resolved,
      action: 'booking.held',
      charges: this.quotas.charges(firm, 'slot.hold'),
    });
  }

  async get(caller: Caller, bookingId: string): Promise<Stored<Booking>> {
    const { booking } = await this.visible(caller, bookingId);
    return this.view(booking);
  }

  /** The caller's organisation's own booking: anyone else's (the park's operator's view included) is 404 to a holder's step. */
  async requireOwn(caller: Caller, bookingId: string): Promise<Stored<Booking>> {
    const firm = requireOrg(caller);
    const booking = await this.bookings.get(bookingId);
    if (!booking || booking.orgId !== firm.orgId) throw notFound('booking');
    return booking;
  }

  async submit(caller: Caller, bookingId: string, input: SubmitInput): Promise<Stored<Booking>> {
    const firm = requireOrg(caller);
    const prev = await this.requireOwn(firm, bookingId);
    const now = this.clock.now();
    const status = effectiveStatus(prev, now);
    if (status === 'expired') throw holdExpired();
    if (status !== 'held') {
      throw conflict('booking.not_held', `The booking is ${status}; only a hold can be submitted.`);
    }
    if (input.listingIds.length && this.listings) {
      const foreign = await this.listings.foreign(firm.orgId, input.listingIds);
      if (foreign.length) {
        throw ruleBroken('booking.listings_not_yours', 'A booth shows only your own active listings.', [
          ...foreign.map((id) => ({
            path: `listingIds.${input.listingIds.indexOf(id)}`,
            message: 'Not an active listing of yours.',
          })),
        ]);
      }
    }
    const park = await this.parks.get(prev.parkId);
    const at = now.toISOString();
    const next: Booking = {
      ...prev,
      status: 'requested',
      exhibitor: input.exhibitor,
      listingIds: input.listingIds,
      submittedAt: at,
      updatedAt: at,
    };
    const saved = await this.bookings.transition({
      prev,
      next,
      audit: {
        action: 'booking.submitted',
        actor: actorOf(firm),
        before: prev,
        after: next,
        parkId: prev.parkId,
      },
      claim: { from: 'held', to: 'requested', unexpiredAt: now, onLost: holdExpired },
      // Submitting frees no place in the organisation's count: the request holds one until decided.
      ledger: 'requested',
      notify: park ? [this.notice(park.operatorOrgId, next, 'booking.requested')] : [],
      onStale: bookingChanged,
    });
    return this.view(saved);
  }

  /** The park's operator approves (`confirmed`) or rejects a requested booking; a racing second decision gets 409. */
  async decide(
    caller: Caller,
    bookingId: string,
    decision: 'confirmed' | 'rejected',
    reason?: string,
  ): Promise<Stored<Booking>> {
    const op = requireRole(caller, 'operator');
    const prev = await this.bookings.get(bookingId);
    if (!prev || !(await this.operates(op.orgId, prev.parkId))) throw notFound('booking');
    if (prev.status === 'confirmed' || prev.status === 'rejected') throw alreadyDecided(prev.status);
    if (prev.status !== 'requested') {
      const status = effectiveStatus(prev, this.clock.now());
      throw conflict(
        'booking.not_requested',
        `The booking is ${status}; only a requested booking is decided.`,
      );
    }
    // The floor plan shows the exhibitor's public profile from the claim: copy it in the same write.
    const org = decision === 'confirmed' && prev.exhibitor ? await this.orgs?.get(prev.orgId) : null;
    const at = this.clock.now().toISOString();
    const next: Booking = { ...prev, status: decision, reason: reason ?? null, decidedAt: at, updatedAt: at };
    const saved = await this.bookings.transition({
      prev,
      next,
      audit: {
        action: decision === 'confirmed' ? 'booking.approved' : 'booking.rejected',
        actor: actorOf(op),
        before: prev,
        after: next,
        parkId: prev.parkId,
        reason,
      },
      claim: {
        from: 'requested',
        to: decision,
        exhibitor:
          decision === 'confirmed' && prev.exhibitor
            ? {
                orgId: prev.orgId,
                displayName: prev.exhibitor.displayName,
                listingIds: prev.listingIds,
                ...(org ? { profile: exhibitorProfileOf(org) } : {}),
              }
            : null,
        onLost: () => alreadyDecided(undefined),
      },
      ledger: 'released',
      notify: [this.notice(prev.orgId, next, `booking.${decision}`)],
      onStale: alreadyDecided,
    });
    if (decision === 'rejected') await this.offerQuietly(targetOf(saved));
    return this.view(saved);
  }

  /** The holder (any status but final) or the park's operator cancels; the slot goes to its waitlist. */
  async cancel(caller: Caller, bookingId: string, reason?: string): Promise<Stored<Booking>> {
    const { booking: prev, asOperator } = await this.visible(caller, bookingId);
    const now = this.clock.now();
    const status = effectiveStatus(prev, now);
    if (status === 'expired') throw holdExpired();
    if (status !== 'held' && status !== 'requested' && status !== 'confirmed') {
      throw conflict('booking.not_active', `The booking is ${status} already.`);
    }
    const at = now.toISOString();
    const next: Booking = { ...prev, status: 'cancelled', reason: reason ?? null, updatedAt: at };
    const park = await this.parks.get(prev.parkId);
    const notify: NotificationDraft[] = [];
    if (asOperator) notify.push(this.notice(prev.orgId, next, 'booking.cancelled'));
    else if (status !== 'held' && park)
      notify.push(this.notice(park.operatorOrgId, next, 'booking.cancelled'));
    const saved = await this.bookings.transition({
      prev,
      next,
      audit: {
        action: 'booking.cancelled',
        actor: actorOf(requireOrg(caller)),
        before: prev,
        after: next,
        parkId: prev.parkId,
        reason,
      },
      claim: {
        from: status,
        to: 'cancelled',
        ...(status === 'held' ? { unexpiredAt: now } : {}),
        ...(status === 'confirmed' ? { exhibitor: null } : {}),
        onLost: status === 'held' ? holdExpired : () => bookingChanged(undefined),
      },
      ...(status === 'held' || status === 'requested' ? { ledger: 'released' as const } : {}),
      notify,
      onStale: bookingChanged,
    });
    await this.offerQuietly(targetOf(saved));
    return this.view(saved);
  }

  async listMine(caller: Caller, page: PageRequest): Promise<Page<Stored<Booking>>> {
    const firm = requireOrg(caller);
    const res = await this.bookings.listByOrg(firm.orgId, page);
    return { items: res.items.map((b) => this.view(b)), nextCursor: res.nextCursor };
  }

  /** Every booking of an expo, with filters (the park's operator). */
  async listForExpo(
    caller: Caller,
    expoId: string,
    filter: BookingFilter,
    page: PageRequest,
  ): Promise<Page<Stored<Booking>>> {
    const op = requireRole(caller, 'operator');
    const expo = await this.expos.get(expoId);
    if (!expo) throw notFound('expo');
    // The expo is public; its bookings are its park operator's, as the park's memberships are (403).
    requireExpoOperator(expo, op.orgId);
    const res = await this.bookings.listByExpo(expoId, filter, this.clock.now(), page);
    return { items: res.items.map((b) => this.view(b)), nextCursor: res.nextCursor };
  }

  /**
   * Rewrites the public profile on the claims of an organisation's confirmed bookings after it
   * edited its profile (the expos jobs call it off the stream). Idempotent: each claim gets the
   * profile as it is now, and only while it is still that booking's confirmed claim.
   */
  async refreshExhibitorProfile(orgId: string): Promise<number> {
    const org = await this.orgs?.get(orgId);
    if (!org) return 0;
    const profile = exhibitorProfileOf(org);
    let rewritten = 0;
    let cursor: string | undefined;
    do {
      const page = await this.bookings.listByOrg(orgId, { limit: 100, cursor });
      for (const b of page.items) {
        if (b.status !== 'confirmed' || !b.exhibitor) continue;
        const claim = await this.bookings.claim(targetOf(b));
        if (claim?.bookingId !== b.bookingId || claim.status !== 'confirmed') continue;
        if (sameProfile(claim.exhibitor?.profile, profile)) continue;
        const exhibitor = {
          orgId: b.orgId,
          displayName: b.exhibitor.displayName,
          listingIds: b.listingIds,
          profile,
        };
        if (await this.bookings.setFloorExhibitor(b, exhibitor)) rewritten++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rewritten;
  }

  /**
   * Offers a free slot to the first organisation on its waitlist, as a hold of its own with the
   * usual TTL. An organisation at its hold limit is passed over (it keeps its place). Safe to call
   * any number of times from anywhere: the offer's transaction claims the slot only if it is free.
   * `known` is the slot as the caller has just read it, which saves reading it again: the offer is
   * conditioned on the slot's version, so an edit since then is caught and the slot read afresh.
   */
  async offerNext(target: SlotTarget, known?: ResolvedTarget): Promise<Stored<Booking> | null> {
    let resolved =
      known ?? (await resolveTarget(this.expos, target.slotId, target.sliceId).catch(() => null));
    if (!resolved) return null;
    for (let round = 0; round < MAX_ATTEMPTS; round++) {
      const now = this.clock.now();
      if (now.getTime() >= endOf(resolved)) return null;
      if (!isClaimable(await this.bookings.claim(target), now)) return null;
      const queue = await this.waitlist.queue(target, 10);
      let moved = false;
      for (const entry of queue) {
        // The entry's copy of the place: the offer is conditioned on its version, so a place that
        // moved since (left, or offered elsewhere) refuses the offer with WAITLIST_MOVED.
        const { place } = entry;
        try {
          return await this.placeHold({
            orgId: entry.orgId,
            userId: SYSTEM_ACTOR.userId,
            actor: SYSTEM_ACTOR,
            resolved,
            action: 'booking.offered',
            offer: (bookingId, at) => {
              const next: WaitlistPlace = {
                ...place,
                status: 'offered',
                offeredBookingId: bookingId,
                updatedAt: at.toISOString(),
              };
              return {
                prev: place,
                next,
                audit: {
                  action: 'waitlist.offered',
                  actor: SYSTEM_ACTOR,
                  before: place,
                  after: next,
                  parkId: place.parkId,
                },
              };
            },
            notify: (b) => [this.notice(entry.orgId, b, 'booking.offered')],
          });
        } catch (err) {
          if (hasCode(err, 'booking.hold_limit')) continue;
          if (hasCode(err, WAITLIST_MOVED)) {
            moved = true;
            break;
          }
          if (hasCode(err, 'slot.taken')) return null;
          if (hasCode(err, SLOT_CHANGED)) {
            // Edited twice under the offer: read the slot again and start the round over.
            resolved = await resolveTarget(this.expos, target.slotId, target.sliceId, true);
            moved = true;
            break;
          }
          throw err;
        }
      }
      if (!moved) return null;
    }
    return null;
  }

  /**
   * Tidies holds past their expiry (the slot is free already: the next hold's condition says so)
   * and moves each slot's waitlist. Run by the sweeper; nothing depends on it for correctness.
   */
  async expireLapsed(limit = 100): Promise<{ expired: number; offered: number }> {
    const now = this.clock.now();
    let expired = 0;
    let offered = 0;
    for (const prev of await this.bookings.lapsedHolds(now, limit)) {
      const next: Booking = { ...prev, status: 'expired', updatedAt: now.toISOString() };
      try {
        await this.bookings.transition({
          prev,
          next,
          audit: {
            action: 'booking.expired',
            actor: SYSTEM_ACTOR,
            before: prev,
            after: next,
            parkId: prev.parkId,
          },
          ledger: 'released',
          notify: [this.notice(prev.orgId, next, 'booking.expired')],
          onStale: bookingChanged,
        });
        expired++;
      } catch (err) {
        // Submitted, cancelled or expired by someone else meanwhile: nothing left to tidy.
        if (hasCode(err, 'booking.changed', 'write.concurrent')) continue;
        throw err;
      }
      if (await this.offerNext(targetOf(prev))) offered++;
    }
    return { expired, offered };
  }

  private async placeHold(req: HoldRequest): Promise<Stored<Booking>> {
    let resolved = req.resolved;
    let slotRereads = 0;
    const bookingId = req.bookingId ?? newId('booking');
    for (let attempt = 1; ; attempt++) {
      const { slot, slice, target } = resolved;
      const now = this.clock.now();
      requireBookable(resolved, now);
      const [claim, ledger] = await Promise.all([
        this.bookings.claim(target),
        this.bookings.ledger(slot.expoId, req.orgId),
      ]);
      // An early refusal only (it saves a failed transaction): the hold's condition decides races.
      if (!isClaimable(claim, now)) throw slotTaken();
      if (liveClaims(ledger, now).length >= this.rules.maxClaimsPerOrgPerExpo) {
        throw holdLimit(this.rules.maxClaimsPerOrgPerExpo);
      }
      const at = now.toISOString();
      const expiresAtMs = now.getTime() + this.rules.holdTtlS * 1000;
      const booking: Booking = {
        bookingId,
        expoId: slot.expoId,
        parkId: slot.parkId,
        pavilionId: slot.pavilionId,
        slotId: slot.slotId,
        sliceId: target.sliceId,
        slotCode: slot.code,
        orgId: req.orgId,
        heldByUserId: req.userId,
        status: 'held',
        expiresAt: new Date(expiresAtMs).toISOString(),
        expiresAtMs,
        price: slice?.price ?? slot.price,
        area: slot.area,
        exhibitor: null,
        listingIds: [],
        reason: null,
        viaWaitlist: !!req.offer,
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        decidedAt: null,
        version: 0,
      };
      try {
        return await this.bookings.hold({
          booking,
          target,
          slotVersion: slot.version,
          ledger: { version: ledger.version, lapsed: lapsedHolds(ledger, now) },
          audit: { action: req.action, actor: req.actor, before: null, after: booking, parkId: slot.parkId },
          ...(req.notify ? { notify: req.notify(booking) } : {}),
          ...(req.offer ? { offer: req.offer(bookingId, now) } : {}),
          ...(req.charges ? { charges: req.charges } : {}),
        });
      } catch (err) {
        // The slot was edited after it was read (its price may differ): the write was refused, so
        // no hold carries terms the slot no longer has. Read it as last written and hold at its
        // terms now; the early refusal above then also answers for a claim taken meanwhile.
        if (hasCode(err, SLOT_CHANGED) && slotRereads < MAX_SLOT_REREADS) {
          slotRereads++;
          resolved = await resolveTarget(this.expos, target.slotId, target.sliceId, true);
          continue;
        }
        // Lost a race that says nothing about the slot (own ledger moved, a transaction conflict):
        // try again; the next attempt meets the slot as it is now and answers for it.
        if (attempt < MAX_ATTEMPTS && hasCode(err, LEDGER_MOVED, 'write.concurrent')) {
          await pause(attempt);
          continue;
        }
        throw err;
      }
    }
  }

  /** Waitlist offers after a release must not fail the release itself; the jobs offer again later. */
  private async offerQuietly(target: SlotTarget): Promise<void> {
    try {
      await this.offerNext(target);
    } catch {
      // The stream consumer and the sweeper call offerNext again; a missed offer is only late.
    }
  }

  /** The caller's own booking, or one of a park it operates; anything else does not exist for it. */
  private async visible(caller: Caller, bookingId: string) {
    const user = requireOrg(caller);
    const booking = await this.bookings.get(bookingId);
    if (booking?.orgId === user.orgId) return { booking, asOperator: false };
    if (booking && hasRole(caller, 'operator') && (await this.operates(user.orgId, booking.parkId))) {
      return { booking, asOperator: true };
    }
    throw notFound('booking');
  }

  private async operates(orgId: string, parkId: string): Promise<boolean> {
    return (await this.parks.get(parkId))?.operatorOrgId === orgId;
  }

  private notice(orgId: string, b: Booking, kind: string): NotificationDraft {
    return {
      orgId,
      kind,
      entityId: b.bookingId,
      data: {
        bookingId: b.bookingId,
        expoId: b.expoId,
        slotId: b.slotId,
        sliceId: b.sliceId,
        slotCode: b.slotCode,
        status: b.status,
        expiresAt: b.expiresAt,
      },
      dedupeKey: `${kind}:${b.bookingId}`,
    };
  }

  /** What readers see: a hold past its expiry reads as expired, whether or not the sweeper came by. */
  private view(b: Stored<Booking>): Stored<Booking> {
    return { ...b, status: effectiveStatus(b, this.clock.now()) as BookingStatus };
  }
}

const targetOf = (b: Pick<Booking, 'slotId' | 'sliceId'>): SlotTarget => ({
  slotId: b.slotId,
  sliceId: b.sliceId,
});
const endOf = (t: ResolvedTarget) => (t.slice ? Date.parse(t.slice.endsAt) : t.slot.expoEndsAtMs);
const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * attempt) + 2 * attempt));
