import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { amendNeed, openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

const clock = fixedClock('2030-07-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
const CLOSE = '2030-07-01T12:00:00.000Z';

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 3, certificates: ['iso_9001'] });
});
afterAll(() => rt.stop());

/** A sealed need with a bid from each of the three suppliers (prices 1000, 900, 1100). */
async function biddedNeed() {
  clock.set('2030-07-01T08:00:00.000Z');
  const need = await openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: CLOSE });
  clock.set('2030-07-01T09:00:00.000Z');
  const ids: string[] = [];
  for (const [s, price] of world.suppliers.map((s, i) => [s, [1000, 900, 1100][i]!] as const)) {
    const res = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: s.token,
      body: bidBody(price, { leadTimeDays: 10 }),
    });
    expect(res.status).toBe(201);
    ids.push(res.body.bidId);
  }
  return { need, bidIds: ids };
}
const award = (
  needId: string,
  bidId: string,
  headers: Record<string, string> = {},
  token = world.owner.token,
) => rt.call('POST', `/v1/needs/${needId}/award`, { token, body: { bidId }, headers });

describe('award', () => {
  it('refuses an award before the effective close', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T11:59:59.999Z');
    const res = await award(need.needId, bidIds[1]!);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('award.before_close');
  });

  it('lets only the owner award', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    expect((await award(need.needId, bidIds[1]!, {}, world.suppliers[0]!.token)).status).toBe(403);
    const other = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    expect((await award(need.needId, bidIds[1]!, {}, other.token)).status).toBe(404);
  });

  it('creates a deal after the close, marks the need awarded and tells every bidder the outcome', async () => {
    const { need, bidIds } = await biddedNeed();
    const [a, b, c] = world.suppliers;
    clock.set('2030-07-01T09:30:00.000Z');
    await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: c!.token });
    // The close job has not run: the award itself checks the effective close.
    clock.set('2030-07-01T12:00:00.000Z');
    const res = await award(need.needId, bidIds[1]!);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      needId: need.needId,
      bidId: bidIds[1],
      buyerOrgId: world.owner.orgId,
      sellerOrgId: b!.orgId,
      status: 'awarded',
      unitPrice: { amount: 900, currency: 'IRR' },
      total: { amount: 90_000, currency: 'IRR' },
      dueBy: '2030-07-11T12:00:00.000Z',
    });
    expect(await rt.container.bidding.repos.needs.get(need.needId)).toMatchObject({
      status: 'awarded',
      awardedBidId: bidIds[1],
    });
    const kinds = async (who: { token: string }) =>
      (await rt.call('GET', '/v1/notifications', { token: who.token })).body.items
        .filter((n: any) => n.entityId === need.needId && n.kind.startsWith('bid.'))
        .map((n: any) => n.kind);
    expect(await kinds(b!)).toEqual(['bid.won']);
    expect(await kinds(a!)).toEqual(['bid.lost']);
    expect(await kinds(c!)).toEqual([]);
    expect(
      (await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: a!.token })).body.outcome,
    ).toBe('lost');
    expect(
      (await rt.call('GET', `/v1/needs/${need.needId}/bids/mine`, { token: b!.token })).body,
    ).toMatchObject({
      outcome: 'won',
      status: 'awarded',
    });
    const audit = await rt.call('GET', `/v1/audit?entityId=${need.needId}`, { token: world.operator.token });
    expect(audit.body.items.at(-1)).toMatchObject({
      action: 'need.awarded',
      actor: { orgId: world.owner.orgId },
    });

    const again = await award(need.needId, bidIds[0]!);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('need.already_awarded');
  });

  it('replays an award retried with the same Idempotency-Key', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    const key = { 'idempotency-key': `award-${need.needId}` };
    const first = await award(need.needId, bidIds[0]!, key);
    const retry = await award(need.needId, bidIds[0]!, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.dealId).toBe(first.body.dealId);
    const deals = await rt.call('GET', '/v1/deals?role=buyer', { token: world.owner.token });
    expect(deals.body.items.filter((d: any) => d.needId === need.needId)).toHaveLength(1);
  });

  it('refuses to award a withdrawn bid, an unconfirmed one, or one whose validity has ended', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T10:00:00.000Z');
    await rt.call('DELETE', `/v1/needs/${need.needId}/bids/mine`, { token: world.suppliers[0]!.token });
    await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: world.suppliers[2]!.token,
      body: bidBody(1050, { validUntil: '2030-07-01T12:30:00Z' }),
    });
    clock.set('2030-07-01T12:31:00.000Z');
    expect((await award(need.needId, bidIds[0]!)).body.code).toBe('award.bid_not_standing');
    expect((await award(need.needId, bidIds[2]!)).body.code).toBe('award.bid_expired');

    const second = await biddedNeed();
    clock.set('2030-07-01T10:00:00.000Z');
    await amendNeed(rt, world.owner, second.need.needId);
    clock.set('2030-07-01T12:00:00.000Z');
    const unconfirmed = await award(second.need.needId, second.bidIds[1]!);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.code).toBe('award.bid_not_standing');
  });

  it('answers 409 to an award of the same bid that read the need before the rival award committed', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    const bidsRepo = rt.container.bidding.repos.bids;
    const listForNeed = bidsRepo.listForNeed.bind(bidsRepo);
    // The interleaving the race test hits now and then, made certain: the rival commits after
    // this award has read the need as closed but before it reads the bids.
    let rival: Awaited<ReturnType<typeof award>> | undefined;
    bidsRepo.listForNeed = async (...args: Parameters<typeof listForNeed>) => {
      bidsRepo.listForNeed = listForNeed;
      rival = await award(need.needId, bidIds[1]!);
      return listForNeed(...args);
    };
    try {
      const late = await award(need.needId, bidIds[1]!);
      expect(rival!.status).toBe(201);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('need.already_awarded');
    } finally {
      bidsRepo.listForNeed = listForNeed;
    }
  });

  it('produces exactly one deal when two awards race', async () => {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    const server = await rt.listen();
    try {
      const results = await Promise.all(
        [bidIds[0]!, bidIds[1]!, bidIds[1]!, bidIds[2]!].map((bidId) =>
          server.http('POST', `/v1/needs/${need.needId}/award`, {
            token: world.owner.token,
            body: { bidId },
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      const deals = await rt.call('GET', '/v1/deals?role=buyer&limit=100', { token: world.owner.token });
      const forNeed = deals.body.items.filter((d: any) => d.needId === need.needId);
      expect(forNeed).toHaveLength(1);
      const stored = await rt.container.bidding.repos.needs.get(need.needId);
      expect(stored!.awardedBidId).toBe(forNeed[0].bidId);
    } finally {
      await server.close();
    }
  });
});

describe('deals and ratings', () => {
  async function dealFor(sellerIndex: number) {
    const { need, bidIds } = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    const res = await award(need.needId, bidIds[sellerIndex]!);
    expect(res.status).toBe(201);
    return res.body;
  }
  const step = (dealId: string, action: string, who: { token: string }) =>
    rt.call('POST', `/v1/deals/${dealId}/${action}`, { token: who.token });
  const rate = (dealId: string, who: { token: string }, score: number, comment?: string) =>
    rt.call('POST', `/v1/deals/${dealId}/rate`, {
      token: who.token,
      body: { score, ...(comment ? { comment } : {}) },
    });

  it('runs awarded → confirmed → delivered → accepted, each step by its side and in order', async () => {
    const deal = await dealFor(0);
    const seller = world.suppliers[0]!;
    expect((await step(deal.dealId, 'deliver', seller)).status).toBe(409);
    expect((await step(deal.dealId, 'confirm', world.owner)).status).toBe(403);
    expect((await step(deal.dealId, 'confirm', world.suppliers[1]!)).status).toBe(404);
    expect((await step(deal.dealId, 'confirm', seller)).body.status).toBe('confirmed');
    expect((await rate(deal.dealId, world.owner, 5)).status).toBe(409);
    clock.set('2030-07-05T12:00:00.000Z');
    expect((await step(deal.dealId, 'deliver', seller)).body).toMatchObject({
      status: 'delivered',
      onTime: true,
    });
    expect((await step(deal.dealId, 'accept-delivery', seller)).status).toBe(403);
    const accepted = await step(deal.dealId, 'accept-delivery', world.owner);
    expect(accepted.body.status).toBe('accepted');
    const audit = await rt.call('GET', `/v1/audit?entityId=${deal.dealId}`, { token: world.operator.token });
    expect(audit.body.items.map((r: any) => r.action)).toEqual([
      'deal.created',
      'deal.confirmed',
      'deal.delivered',
      'deal.accepted',
    ]);
  });

  it('lets each side rate once and computes reputation only from deals and ratings', async () => {
    const seller = world.suppliers[1]!;
    const before = (await rt.call('GET', `/v1/orgs/${seller.orgId}/reputation`, { token: world.owner.token }))
      .body;
    const buyerBefore = (
      await rt.call('GET', `/v1/orgs/${world.owner.orgId}/reputation`, { token: seller.token })
    ).body;
    expect(before.asSupplier).toEqual({
      averageRating: null,
      ratingCount: 0,
      dealCount: 0,
      onTimeRate: null,
    });

    const onTime = await dealFor(1);
    await step(onTime.dealId, 'confirm', seller);
    clock.set('2030-07-03T12:00:00.000Z');
    await step(onTime.dealId, 'deliver', seller);
    await step(onTime.dealId, 'accept-delivery', world.owner);
    expect((await rate(onTime.dealId, world.owner, 5, 'Exactly as quoted.')).status).toBe(200);
    expect((await rate(onTime.dealId, world.owner, 1)).status).toBe(409);
    // The seller does not see the buyer's score until it has rated too.
    const sellerView = await rt.call('GET', `/v1/deals/${onTime.dealId}`, { token: seller.token });
    expect(sellerView.body).toMatchObject({ buyerRating: null, otherSideRated: true });
    expect((await rate(onTime.dealId, seller, 4)).status).toBe(200);
    const after = await rt.call('GET', `/v1/deals/${onTime.dealId}`, { token: seller.token });
    expect(after.body.buyerRating).toMatchObject({ score: 5, comment: 'Exactly as quoted.' });

    const late = await dealFor(1);
    await step(late.dealId, 'confirm', seller);
    clock.set('2030-07-20T12:00:00.000Z');
    expect((await step(late.dealId, 'deliver', seller)).body.onTime).toBe(false);
    await step(late.dealId, 'accept-delivery', world.owner);
    await rate(late.dealId, world.owner, 2);

    const rep = await rt.call('GET', `/v1/orgs/${seller.orgId}/reputation`, {
      token: world.suppliers[0]!.token,
    });
    expect(rep.body).toEqual({
      orgId: seller.orgId,
      asSupplier: { averageRating: 3.5, ratingCount: 2, dealCount: 2, onTimeRate: 0.5 },
      asBuyer: { averageRating: null, ratingCount: 0, dealCount: 0 },
    });
    const buyerRep = await rt.call('GET', `/v1/orgs/${world.owner.orgId}/reputation`, {
      token: seller.token,
    });
    expect(buyerRep.body.asBuyer).toEqual({
      averageRating: 4,
      ratingCount: buyerBefore.asBuyer.ratingCount + 1,
      dealCount: buyerBefore.asBuyer.dealCount + 2,
    });

    // The owner's comparison of a later need shows the reputation and the verified certificates.
    const next = await biddedNeed();
    clock.set('2030-07-01T12:00:00.000Z');
    const compared = await rt.call('GET', `/v1/needs/${next.need.needId}/bids`, { token: world.owner.token });
    const row = compared.body.items.find((i: any) => i.supplier.orgId === seller.orgId);
    expect(row.reputation).toMatchObject({ averageRating: 3.5, dealCount: 2, onTimeRate: 0.5 });
    expect(row.certificates).toEqual([expect.objectContaining({ kind: 'iso_9001' })]);
  });

  it('hides a deal from organisations that are not party to it', async () => {
    const deal = await dealFor(2);
    expect(
      (await rt.call('GET', `/v1/deals/${deal.dealId}`, { token: world.suppliers[0]!.token })).status,
    ).toBe(404);
    expect(
      (await rt.call('GET', `/v1/deals/${deal.dealId}`, { token: world.suppliers[2]!.token })).status,
    ).toBe(200);
    const sellerList = await rt.call('GET', '/v1/deals?role=seller', { token: world.suppliers[2]!.token });
    expect(sellerList.body.items.some((d: any) => d.dealId === deal.dealId)).toBe(true);
  });
});
