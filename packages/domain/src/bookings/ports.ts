import type { AuditEntry, DomainError, Page, PageRequest, Stored } from '../core';
import type { SlotTarget } from '../expos/slot';
import type { NotificationDraft } from '../notifications/notification';
import type { QuotaCharge } from '../quotas/quota';
import type { Booking, BookingFilter } from './booking';
import type { BookingStatus, FloorExhibitor, SlotClaim } from './claim';
import type { HoldLedger } from './hold-ledger';
import type { WaitlistEntry, WaitlistPlace } from './waitlist';

type Audit = Omit<AuditEntry, 'entityId'>;

export interface HoldCommand {
  booking: Booking;
  target: SlotTarget;
  /**
   * The slot's version the booking's terms (price, area, code) were read at: the write lands only
   * while the slot is still at it, so a hold never carries a price an edit replaced meanwhile.
   */
  slotVersion: number;
  /** The ledger as read: the write is conditioned on its version, and drops the lapsed entries. */
  ledger: { version: number | null; lapsed: string[] };
  audit: Audit;
  notify?: NotificationDraft[];
  /** When the hold is an offer from the waitlist: the place it consumes, in the same transaction. */
  offer?: { prev: Stored<WaitlistPlace>; next: WaitlistPlace; audit: Audit };
  /** The holder's quotas, charged in the hold's transaction. */
  charges?: readonly QuotaCharge[];
}

/** How the claim on the slot moves with a booking's transition; the write fails unless it is `from`. */
export interface ClaimChange {
  from: BookingStatus;
  to: BookingStatus;
  /** Also require the hold to be unexpired at this instant (submit, cancel of a hold). */
  unexpiredAt?: Date;
  /** Shown on the floor plan once confirmed; null removes it. */
  exhibitor?: FloorExhibitor | null;
  onLost: () => DomainError;
}

export interface TransitionCommand {
  prev: Stored<Booking>;
  next: Booking;
  audit: Audit;
  claim?: ClaimChange;
  /**
   * The booking's entry in its organisation's claim ledger: `requested` keeps it counting with no
   * expiry (a submitted hold), `released` takes it out (a decision, a cancellation, an expiry).
   */
  ledger?: 'requested' | 'released';
  notify?: NotificationDraft[];
  /** The booking changed since it was read (another decision won): the error to answer. */
  onStale: (currentStatus: string | undefined) => DomainError;
}

export interface BookingRepository {
  get(bookingId: string): Promise<Stored<Booking> | null>;
  ledger(expoId: string, orgId: string): Promise<HoldLedger>;
  /** A consistent read of the claim on a slot or slice. */
  claim(target: SlotTarget): Promise<SlotClaim | null>;
  /**
   * One transaction: the claim (only if free: none, released, or a hold past its expiry at the
   * booking's `createdAt`; and only while the slot is still at `slotVersion`), the booking and its
   * audit record, the hold ledger. Fails with `slot.taken` when the claim is not free, and with
   * `slot.changed` when the claim is free but the slot was edited since it was read.
   */
  hold(cmd: HoldCommand): Promise<Stored<Booking>>;
  transition(cmd: TransitionCommand): Promise<Stored<Booking>>;
  /**
   * Sets the exhibitor shown on the booking's claim, only while the claim is still this booking's
   * and confirmed; false when it is not (nothing written).
   */
  setFloorExhibitor(
    booking: Pick<Booking, 'bookingId' | 'slotId' | 'sliceId'>,
    exhibitor: FloorExhibitor,
  ): Promise<boolean>;
  listByOrg(orgId: string, page: PageRequest): Promise<Page<Stored<Booking>>>;
  listByExpo(
    expoId: string,
    filter: BookingFilter,
    now: Date,
    page: PageRequest,
  ): Promise<Page<Stored<Booking>>>;
  /** Holds whose expiry has passed and that no job has marked yet, oldest first. */
  lapsedHolds(now: Date, limit: number): Promise<Stored<Booking>[]>;
}

export interface WaitlistRepository {
  place(target: SlotTarget, orgId: string): Promise<Stored<WaitlistPlace> | null>;
  /** Joins (a new place, or again after leaving); fails with `waitlist.already_waiting`. */
  join(
    next: WaitlistPlace,
    prev: Stored<WaitlistPlace> | null,
    audit: Audit,
    charges?: readonly QuotaCharge[],
  ): Promise<Stored<WaitlistPlace>>;
  leave(next: WaitlistPlace, prev: Stored<WaitlistPlace>, audit: Audit): Promise<Stored<WaitlistPlace>>;
  /** The first `limit` waiting organisations, in the order they will be offered the slot. */
  queue(target: SlotTarget, limit: number): Promise<WaitlistEntry[]>;
  /**
   * The organisation's waiting place and its position (1 = next), read from the queue alone (each
   * entry carries its place); null when it is not among the first `horizon` waiting.
   */
  queuedPlace(
    target: SlotTarget,
    orgId: string,
    horizon: number,
  ): Promise<{ place: Stored<WaitlistPlace>; position: number } | null>;
}
