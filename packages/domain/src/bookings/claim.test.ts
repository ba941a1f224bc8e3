import { describe, expect, it } from 'vitest';
import { effectiveStatus, isClaimable, publicStatus, type SlotClaim } from './claim';
import { emptyLedger, lapsedHolds, liveClaims } from './hold-ledger';

const now = new Date('2027-01-01T10:00:00.000Z');
const t = now.getTime();
const claim = (status: SlotClaim['status'], expiresAtMs: number | null = null): SlotClaim => ({
  orgId: 'org_A',
  bookingId: 'bkg_1',
  status,
  expiresAtMs,
  exhibitor: null,
});

describe('claims', () => {
  it('counts a hold as free from the millisecond after its expiry, and released claims as free', () => {
    expect(isClaimable(null, now)).toBe(true);
    expect(isClaimable(claim('held', t + 1), now)).toBe(false);
    expect(isClaimable(claim('held', t), now)).toBe(false);
    expect(isClaimable(claim('held', t - 1), now)).toBe(true);
    for (const s of ['cancelled', 'rejected', 'expired'] as const)
      expect(isClaimable(claim(s), now)).toBe(true);
    for (const s of ['requested', 'confirmed'] as const) expect(isClaimable(claim(s), now)).toBe(false);
  });

  it('shows the public status without who: a lapsed hold reads available', () => {
    expect(publicStatus(claim('held', t + 5), now)).toBe('held');
    expect(publicStatus(claim('held', t - 5), now)).toBe('available');
    expect(publicStatus(claim('requested'), now)).toBe('requested');
    expect(publicStatus(claim('confirmed'), now)).toBe('booked');
    expect(publicStatus(claim('rejected'), now)).toBe('available');
  });

  it('reads a booking held past its expiry as expired, whatever is stored', () => {
    expect(effectiveStatus({ status: 'held', expiresAtMs: t - 1 }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'held', expiresAtMs: t + 1 }, now)).toBe('held');
    expect(effectiveStatus({ status: 'requested', expiresAtMs: t - 1 }, now)).toBe('requested');
  });
});

describe('the hold ledger', () => {
  it('counts only holds that have not lapsed, and names the lapsed for pruning', () => {
    const ledger = { version: 4, holds: { a: t + 1000, b: t, c: t - 1 } };
    expect(liveClaims(ledger, now).sort()).toEqual(['a', 'b']);
    expect(lapsedHolds(ledger, now)).toEqual(['c']);
    expect(liveClaims(emptyLedger(), now)).toEqual([]);
  });
});
