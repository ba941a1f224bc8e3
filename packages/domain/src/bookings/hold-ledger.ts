/**
 * An organisation's live claims in one expo (holds and submitted requests), kept on one item so
 * that the per-organisation limit is checked in the same transaction as the hold. Each entry is a
 * booking id and when its claim lapses: a hold's expiry (past it, the entry no longer counts, at
 * once, with no job having to remove it; the next hold's write prunes it), or never for a
 * submitted request (REQUESTED). Submitting keeps the entry; a decision, a cancellation or an
 * expiry removes it.
 */
export interface HoldLedger {
  /** null: the organisation has never held in this expo. */
  version: number | null;
  holds: Record<string, number>;
}

/** A submitted request's entry: it counts until the operator decides or someone cancels. */
export const REQUESTED = Number.MAX_SAFE_INTEGER;

export const emptyLedger = (): HoldLedger => ({ version: null, holds: {} });

export function liveClaims(ledger: HoldLedger, now: Date): string[] {
  return Object.entries(ledger.holds)
    .filter(([, expiresAtMs]) => expiresAtMs >= now.getTime())
    .map(([id]) => id);
}

export function lapsedHolds(ledger: HoldLedger, now: Date): string[] {
  return Object.entries(ledger.holds)
    .filter(([, expiresAtMs]) => expiresAtMs < now.getTime())
    .map(([id]) => id);
}
