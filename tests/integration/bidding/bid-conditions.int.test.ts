import type { BidWrite } from '@parkbridge/domain/bids';
import { DomainError, fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { cancelNeed, openNeed } from './support/needs';
import { biddingWorld } from './support/world';

/**
 * The rules hold at the moment of the write even when everything read before it said yes: the
 * repository's write is given a gate built from reads, then the world changes, then it runs.
 */
const clock = fixedClock('2030-09-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 2, certificates: ['iso_9001'] });
});
afterAll(() => rt.stop());

async function staleWrite(orgId: string, certificates: string[] = []) {
  const need = await openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: '2030-09-03T12:00:00.000Z',
    requiredCertificates: certificates,
  });
  const read = (await rt.container.bidding.repos.needs.get(need.needId))!;
  const at = clock.now().toISOString();
  return {
    need,
    run: (now = clock.now()): Promise<unknown> =>
      rt.container.bidding.repos.bids.write({
        intent: 'create',
        prev: null,
        revision: null,
        auction: null,
        audit: { action: 'bid.submitted', actor: { userId: 'u', orgId }, before: null, after: null },
        next: {
          bidId: `bid_${Math.random().toString(36).slice(2)}`,
          needId: need.needId,
          supplierOrgId: orgId,
          status: 'submitted',
          revision: 1,
          amendmentSeen: 0,
          unitPrice: { amount: 100, currency: 'IRR' },
          quantity: 1,
          leadTimeDays: 1,
          validUntil: '2031-01-01T00:00:00.000Z',
          validUntilMs: Date.parse('2031-01-01T00:00:00.000Z'),
          pricedAt: at,
          createdAt: at,
          updatedAt: at,
          version: 0,
        },
        gate: {
          need: read,
          now,
          membership: { parkId: world.parkId, orgId },
          parkFirstOnNeed: false,
          certificates,
          extension: null,
        },
      } satisfies BidWrite),
  };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err) => (err instanceof DomainError ? err.code : String(err)),
  );

describe('the bid write’s own conditions', () => {
  it('refuse a bid whose need was cancelled after it was read', async () => {
    const w = await staleWrite(world.suppliers[0]!.orgId);
    await cancelNeed(rt, world.owner, w.need.needId, 'Budget withdrawn.');
    expect(await codeOf(w.run())).toBe('bid.need_closed');
  });

  it('refuse a bid written a millisecond after the close, although the need still says open', async () => {
    const w = await staleWrite(world.suppliers[0]!.orgId);
    expect(await codeOf(w.run(new Date('2030-09-03T12:00:00.001Z')))).toBe('bid.need_closed');
    expect(await codeOf(w.run(new Date('2030-09-03T11:59:59.999Z')))).toBe('accepted');
  });

  it('refuse a supplier suspended after the read', async () => {
    const s = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const w = await staleWrite(s.orgId);
    await rt.call('POST', `/v1/parks/${world.parkId}/memberships/${s.orgId}/suspend`, {
      token: world.operator.token,
      body: { reason: 'Audit pending.' },
    });
    expect(await codeOf(w.run())).toBe('bid.supplier_not_approved');
  });

  it('refuse a supplier whose certificate has lapsed by the time of the write', async () => {
    const s = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    await rt.verifiedCertificate(s.token, s.orgId, world.operator.token, 'halal', '2030-09-01');
    const w = await staleWrite(s.orgId, ['halal']);
    expect(await codeOf(w.run(new Date('2030-09-02T00:00:00.000Z')))).toBe('bid.certificate_missing');
    expect(await codeOf(w.run(new Date('2030-09-01T23:59:59.000Z')))).toBe('accepted');
  });

  it('refuse a second live bid by the same supplier, by key', async () => {
    const w = await staleWrite(world.suppliers[1]!.orgId);
    expect(await codeOf(w.run())).toBe('accepted');
    expect(await codeOf(w.run())).toBe('bid.exists');
  });
});
