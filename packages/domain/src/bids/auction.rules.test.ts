import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors';
import {
  auctionMove,
  improvesRank,
  leadThreshold,
  priceToLead,
  rank,
  rankOf,
  snipingExtension,
} from './auction.rules';

const r = (orgId: string, unitPriceMinor: number, pricedAt = '2030-01-01T00:00:00.000Z') => ({
  orgId,
  unitPriceMinor,
  pricedAt,
});

describe('ranking', () => {
  it('ranks the lowest price first and an equal price set later behind', () => {
    const ranked = rank([
      r('a', 100, '2030-01-01T00:00:02Z'),
      r('b', 90),
      r('c', 100, '2030-01-01T00:00:01Z'),
    ]);
    expect(ranked.map((x) => x.orgId)).toEqual(['b', 'c', 'a']);
    expect(rankOf(ranked, 'a')).toBe(3);
    expect(rankOf(ranked, 'z')).toBeNull();
  });
});

describe('the minimum decrement', () => {
  it('computes the price that takes the lead and its inverse exactly, in integers', () => {
    expect(priceToLead(10_000, 50)).toBe(9_950);
    expect(priceToLead(999, 50)).toBe(994);
    // The threshold is the smallest best that a price beats by the decrement.
    expect(leadThreshold(9_950, 50)).toBe(10_000);
    expect(priceToLead(leadThreshold(994, 50), 50)).toBeGreaterThanOrEqual(994);
    expect(priceToLead(leadThreshold(994, 50) - 1, 50)).toBeLessThan(994);
  });

  it('stays exact for prices near the largest safe integer', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(priceToLead(big, 1)).toBe(Number((BigInt(big) * 9_999n) / 10_000n));
  });
});

describe('auction moves', () => {
  const state = { bestMinor: 10_000, leaderOrgId: 'leader' };
  const move = (priceMinor: number, orgId = 'me', ownPreviousMinor: number | null = null) =>
    auctionMove({ priceMinor, ownPreviousMinor, orgId, state, minDecrementBps: 100 });
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return (err as DomainError).code;
    }
    return null;
  };

  it('opens an empty auction with any price', () => {
    expect(
      auctionMove({
        priceMinor: 5,
        ownPreviousMinor: null,
        orgId: 'a',
        state: { bestMinor: null, leaderOrgId: null },
        minDecrementBps: 100,
      }),
    ).toEqual({
      kind: 'lead',
      thresholdMinor: null,
    });
  });

  it('takes the lead only at or below the best minus the decrement', () => {
    expect(move(9_900)).toEqual({ kind: 'lead', thresholdMinor: 10_000 });
    expect(refusal(() => move(9_901))).toBe('bid.decrement_too_small');
    expect(refusal(() => move(9_999))).toBe('bid.decrement_too_small');
  });

  it('accepts a price at or above the best as a follower', () => {
    expect(move(10_000)).toEqual({ kind: 'follow' });
    expect(move(12_000)).toEqual({ kind: 'follow' });
  });

  it('lets the leader improve its own price without the decrement, but never raise it', () => {
    expect(move(9_999, 'leader', 10_000)).toEqual({ kind: 'improve_lead' });
    expect(refusal(() => move(10_000, 'leader', 10_000))).toBe('bid.must_beat_own_previous');
  });

  it("refuses a price that does not beat the bidder's own previous one", () => {
    expect(refusal(() => move(10_500, 'me', 10_500))).toBe('bid.must_beat_own_previous');
    expect(refusal(() => move(10_600, 'me', 10_500))).toBe('bid.must_beat_own_previous');
    expect(move(10_400, 'me', 10_500)).toEqual({ kind: 'follow' });
  });

  it('throws domain errors, so the HTTP layer answers 422 with the field', () => {
    try {
      move(9_950);
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).fields[0]?.path).toBe('unitPrice.amount');
    }
  });
});

describe('anti-sniping', () => {
  const base = {
    closesAtMs: 10_000,
    windowMs: 1_000,
    extensionsUsed: 0,
    maxExtensions: 2,
    improvesRank: true,
  };

  it('extends to now + window for an improving bid inside the window', () => {
    expect(snipingExtension({ ...base, nowMs: 9_500 })).toBe(10_500);
    expect(snipingExtension({ ...base, nowMs: 9_000 })).toBeNull();
    expect(snipingExtension({ ...base, nowMs: 9_001 })).toBe(10_001);
  });

  it('never extends for a bid that improves no rank, after the close, or past the cap', () => {
    expect(snipingExtension({ ...base, nowMs: 9_500, improvesRank: false })).toBeNull();
    expect(snipingExtension({ ...base, nowMs: 10_000 })).toBeNull();
    expect(snipingExtension({ ...base, nowMs: 9_500, extensionsUsed: 2 })).toBeNull();
    expect(snipingExtension({ ...base, nowMs: 9_500, windowMs: 0 })).toBeNull();
  });

  it('counts as improving only a bid that overtakes another bidder', () => {
    const before = [r('a', 100), r('b', 110)];
    expect(improvesRank(before, [r('a', 100), r('b', 95)], 'b')).toBe(true);
    expect(improvesRank(before, [r('a', 100), r('b', 105)], 'b')).toBe(false);
    // A first bid overtakes those it beats; one that lands last overtakes no one.
    expect(improvesRank(before, [...before, r('c', 105)], 'c')).toBe(true);
    expect(improvesRank(before, [...before, r('c', 120)], 'c')).toBe(false);
    expect(improvesRank([], [r('c', 120)], 'c')).toBe(false);
  });
});

describe('the forward direction (highest wins: park offerings)', () => {
  const up = 'highest_wins' as const;

  it('ranks the highest price first and an equal price set later behind', () => {
    const ranked = rank(
      [r('a', 100, '2030-01-01T00:00:02Z'), r('b', 90), r('c', 100, '2030-01-01T00:00:01Z')],
      up,
    );
    expect(ranked.map((x) => x.orgId)).toEqual(['c', 'a', 'b']);
    expect(rankOf(ranked, 'b', up)).toBe(3);
  });

  it('computes the price that leads by an amount or a share, and its inverse, upward', () => {
    expect(priceToLead(10_000, { minor: 500 }, up)).toBe(10_500);
    expect(leadThreshold(10_500, { minor: 500 }, up)).toBe(10_000);
    expect(priceToLead(10_000, 50, up)).toBe(10_050);
    expect(priceToLead(999, 50, up)).toBe(1_004);
    expect(priceToLead(leadThreshold(1_004, 50, up), 50, up)).toBeLessThanOrEqual(1_004);
    expect(priceToLead(leadThreshold(1_004, 50, up) + 1, 50, up)).toBeGreaterThan(1_004);
  });

  const state = { bestMinor: 10_000, leaderOrgId: 'leader' };
  const move = (priceMinor: number, orgId = 'me', ownPreviousMinor: number | null = null) =>
    auctionMove({
      priceMinor,
      ownPreviousMinor,
      orgId,
      state,
      step: { minor: 500 },
      direction: up,
      mustLead: true,
      pricePath: 'price.amount',
    });
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return [(err as DomainError).code, (err as DomainError).fields[0]?.path];
    }
    return null;
  };

  it('takes the lead only at or above the best plus the increment, and refuses anything less', () => {
    expect(move(10_500)).toEqual({ kind: 'lead', thresholdMinor: 10_000 });
    expect(refusal(() => move(10_499))).toEqual(['bid.increment_too_small', 'price.amount']);
    // Equal to the best, or below it: refused when every bid must lead (the earlier bid keeps it).
    expect(refusal(() => move(10_000))).toEqual(['bid.increment_too_small', 'price.amount']);
    expect(refusal(() => move(9_000))).toEqual(['bid.increment_too_small', 'price.amount']);
  });

  it('follows behind the best when following is allowed', () => {
    expect(
      auctionMove({
        priceMinor: 9_000,
        ownPreviousMinor: null,
        orgId: 'me',
        state,
        step: { minor: 1 },
        direction: up,
      }),
    ).toEqual({ kind: 'follow' });
  });

  it('lets the leader raise its own price but never lower it', () => {
    expect(move(10_001, 'leader', 10_000)).toEqual({ kind: 'improve_lead' });
    expect(refusal(() => move(9_999, 'leader', 10_000))?.[0]).toBe('bid.must_beat_own_previous');
  });

  it('counts a first bid above others as improving a rank', () => {
    const before = [r('a', 100), r('b', 110)];
    expect(improvesRank(before, [...before, r('c', 105)], 'c', up)).toBe(true);
    expect(improvesRank(before, [...before, r('c', 90)], 'c', up)).toBe(false);
  });
});
