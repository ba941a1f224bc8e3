/**
 * An organisation's live holds in one expo, kept on one item so that the per-organisation limit
 * is checked in the same transaction as the hold. Each entry is a booking id and its hold's
 * expiry: an entry past its expiry no longer counts, at once, with no job having to remove it
 * (the next hold's write prunes it). Submitting, cancelling or expiring a hold removes its entry.
 */
export interface HoldLedger {
  /** null: the organisation has never held in this expo. */
  version: number | null;
  holds: Record<string, number>;
}

export const emptyLedger = (): HoldLedger => ({ version: null, holds: {} });

export function liveHolds(ledger: HoldLedger, now: Date): string[] {
  return Object.entries(ledger.holds)
    .filter(([, expiresAtMs]) => expiresAtMs >= now.getTime())
    .map(([id]) => id);
}

export function lapsedHolds(ledger: HoldLedger, now: Date): string[] {
  return Object.entries(ledger.holds)
    .filter(([, expiresAtMs]) => expiresAtMs < now.getTime())
    .map(([id]) => id);
}
