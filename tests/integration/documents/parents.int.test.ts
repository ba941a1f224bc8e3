import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { samples } from '../../support/files';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from '../bidding/support/needs';
import { bidBody, biddingWorld } from '../bidding/support/world';
import { download, uploaded } from './support';

const clock = fixedClock('2030-03-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, jobs: true });
  world = await biddingWorld(rt, { suppliers: 2 });
});
afterAll(() => rt.stop());

const at = (iso: string) => clock.set(iso);
const sheet = () =>
  ({
    purpose: 'bid',
    fileName: 'quotation.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: samples.xlsx(),
  }) as const;
const pdf = (purpose: 'need' | 'certificate' | 'message' | 'deal', fileName = 'spec.pdf') =>
  ({ purpose, fileName, contentType: 'application/pdf', bytes: samples.pdf() }) as const;

async function sealedNeed() {
  at('2030-03-01T08:00:00.000Z');
  return openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: '2030-03-01T12:00:00.000Z' });
}

describe("a bid's files are sealed with the bid", () => {
  it('lets nobody but the bidder fetch them before the close, and the owner after it', async () => {
    const need = await sealedNeed();
    const [bidder, other] = world.suppliers;
    const id = await uploaded(rt, bidder!.token, sheet());
    at('2030-03-01T09:00:00.000Z');
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: bidder!.token,
      body: bidBody(1000, { attachments: [id] }),
    });
    expect(bid.status).toBe(201);
    expect(bid.body.attachments).toEqual([
      expect.objectContaining({ attachmentId: id, fileName: 'quotation.xlsx' }),
    ]);

    expect((await download(rt, bidder!.token, id)).file?.status).toBe(200);
    expect((await download(rt, other!.token, id)).status).toBe(404);
    expect((await download(rt, world.owner.token, id)).status).toBe(404);
    expect((await download(rt, world.operator.token, id)).status).toBe(404);
    const count = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(JSON.stringify(count.body)).not.toContain(id);

    at('2030-03-01T12:00:00.000Z');
    const after = await download(rt, world.owner.token, id);
    expect(after.status).toBe(302);
    expect(after.file?.bytes.equals(samples.xlsx())).toBe(true);
    expect((await download(rt, other!.token, id)).status).toBe(404);
    const bids = await rt.call('GET', `/v1/needs/${need.needId}/bids`, { token: world.owner.token });
    expect(bids.body.items[0].attachments).toEqual([expect.objectContaining({ attachmentId: id })]);
  });

  it('takes files on a revision, keeps them when the revision names none, and refuses one after the close (422)', async () => {
    const need = await sealedNeed();
    const bidder = world.suppliers[0]!;
    const first = await uploaded(rt, bidder.token, sheet());
    const second = await uploaded(rt, bidder.token, sheet());
    at('2030-03-01T09:00:00.000Z');
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: bidder.token,
      body: bidBody(1000),
    });
    expect(bid.body.attachments).toEqual([]);
    const revised = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: bidder.token,
      body: bidBody(990, { attachments: [first] }),
    });
    expect(revised.status).toBe(200);
    const kept = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: bidder.token,
      body: bidBody(980),
    });
    expect(kept.body.attachments.map((a: { attachmentId: string }) => a.attachmentId)).toEqual([first]);
    at('2030-03-01T12:00:00.001Z');
    const late = await rt.call('PUT', `/v1/needs/${need.needId}/bids/mine`, {
      token: bidder.token,
      body: bidBody(980, { attachments: [first, second] }),
    });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('bid.need_closed');
    expect((await rt.container.repos.uploads.get(second))?.status).toBe('ready');
  });
});

describe("a need's files", () => {
  it('are seen by whoever sees the need; an amendment that adds or removes one is recorded and bidders are told', async () => {
    const spec = await uploaded(rt, world.owner.token, pdf('need'));
    at('2030-03-01T08:00:00.000Z');
    const created = await rt.call('POST', '/v1/needs', {
      token: world.owner.token,
      body: {
        title: 'Gaskets',
        description: 'EPDM.',
        category: '2219',
        quantity: 500,
        unit: 'pcs',
        parkId: world.parkId,
        currency: 'IRR',
        closesAt: '2030-03-02T12:00:00.000Z',
        mode: 'sealed',
        attachments: [spec],
        delivery: { terms: 'delivered', by: '2030-04-01', place: 'Gate 3' },
        paymentTerms: { daysAfterDelivery: 30 },
      },
    });
    const needId = created.body.needId as string;
    const stranger = await rt.firm({ kinds: ['supplier'] });
    // A draft's files are its owner's alone.
    expect((await download(rt, world.suppliers[0]!.token, spec)).status).toBe(404);
    await rt.call('POST', `/v1/needs/${needId}/publish`, { token: world.owner.token });
    expect((await download(rt, world.suppliers[0]!.token, spec)).status).toBe(302);
    expect((await download(rt, stranger.token, spec)).status).toBe(404);

    const bidder = world.suppliers[1]!;
    await rt.call('POST', `/v1/needs/${needId}/bids`, {
      token: bidder.token,
      body: bidBody(100, { quantity: 500 }),
    });
    const revisionB = await uploaded(rt, world.owner.token, pdf('need', 'spec rev B.pdf'));
    const amended = await rt.call('POST', `/v1/needs/${needId}/amend`, {
      token: world.owner.token,
      body: { attachments: [revisionB], reason: 'Drawing revision B replaces A.' },
    });
    expect(amended.status).toBe(200);
    expect(amended.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['spec rev B.pdf']);
    const amendments = await rt.call('GET', `/v1/needs/${needId}/amendments`, { token: bidder.token });
    expect(amendments.body.items[0].changes).toEqual([
      {
        field: 'attachments',
        before: [expect.objectContaining({ fileName: 'spec.pdf' })],
        after: [expect.objectContaining({ fileName: 'spec rev B.pdf' })],
      },
    ]);
    // The file taken off is no longer served; the new one is.
    expect((await download(rt, bidder.token, spec)).status).toBe(404);
    expect((await download(rt, bidder.token, revisionB)).status).toBe(302);
    const told = await eventually(
      () => rt.call('GET', '/v1/notifications', { token: bidder.token }),
      (notes) => notes.body.items.some((n: { kind: string }) => n.kind === 'need.amended'),
    );
    expect(told.value.body.items.find((n: { kind: string }) => n.kind === 'need.amended').entityId).toBe(
      needId,
    );
  });
});

describe("a certificate's scan", () => {
  it('is seen by its firm and the operator who verifies it, by nobody else', async () => {
    const firm = world.suppliers[0]!;
    const scan = await uploaded(rt, firm.token, pdf('certificate', 'ISO 9001 certificate.pdf'));
    const claimed = await rt.call('POST', `/v1/orgs/${firm.orgId}/certificates`, {
      token: firm.token,
      body: { kind: 'iso_9001', number: 'Q-1', issuer: 'TÜV', validUntil: '2031-01-01', attachments: [scan] },
    });
    expect(claimed.status).toBe(201);
    expect(claimed.body.attachments).toEqual([expect.objectContaining({ attachmentId: scan })]);
    const listed = await rt.call('GET', `/v1/orgs/${firm.orgId}/certificates`, {
      token: world.operator.token,
    });
    expect(
      listed.body.items.find((c: { certId: string }) => c.certId === claimed.body.certId).attachments,
    ).toHaveLength(1);
    expect((await download(rt, world.operator.token, scan)).status).toBe(302);
    expect((await download(rt, firm.token, scan)).status).toBe(302);
    expect((await download(rt, world.owner.token, scan)).status).toBe(404);
    const otherOperator = await rt.operator();
    expect((await download(rt, otherOperator.token, scan)).status).toBe(404);
  });
});

describe('the deal room', () => {
  async function awardedDeal(bidExtra: Record<string, unknown> = {}) {
    const need = await sealedNeed();
    const seller = world.suppliers[0]!;
    at('2030-03-01T09:00:00.000Z');
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: seller.token,
      body: bidBody(1250, bidExtra),
    });
    at('2030-03-01T12:00:01.000Z');
    const deal = await rt.call('POST', `/v1/needs/${need.needId}/award`, {
      token: world.owner.token,
      body: { bidId: bid.body.bidId },
    });
    expect(deal.status).toBe(201);
    return { dealId: deal.body.dealId as string, seller, deal: deal.body };
  }

  it('carries messages with files between the two parties only, and tells the other side', async () => {
    const { dealId, seller } = await awardedDeal();
    const note = await uploaded(rt, seller.token, pdf('deal', 'delivery note 17.pdf'));
    const posted = await rt.call('POST', `/v1/deals/${dealId}/messages`, {
      token: seller.token,
      body: { text: 'Goods leave on Monday; the delivery note is attached.', attachments: [note] },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      side: 'seller',
      attachments: [expect.objectContaining({ attachmentId: note })],
    });
    const reply = await rt.call('POST', `/v1/deals/${dealId}/messages`, {
      token: world.owner.token,
      body: { text: 'Thank you.' },
    });
    expect(reply.status).toBe(201);

    const thread = await rt.call('GET', `/v1/deals/${dealId}/messages?limit=1`, { token: world.owner.token });
    expect(thread.body.items.map((m: { side: string }) => m.side)).toEqual(['seller']);
    const next = await rt.call(
      'GET',
      `/v1/deals/${dealId}/messages?limit=1&cursor=${thread.body.nextCursor}`,
      {
        token: world.owner.token,
      },
    );
    expect(next.body.items.map((m: { side: string }) => m.side)).toEqual(['buyer']);
    expect((await download(rt, world.owner.token, note)).file?.status).toBe(200);

    const outsider = world.suppliers[1]!;
    expect((await rt.call('GET', `/v1/deals/${dealId}/messages`, { token: outsider.token })).status).toBe(
      404,
    );
    expect(
      (await rt.call('POST', `/v1/deals/${dealId}/messages`, { token: outsider.token, body: { text: 'hi' } }))
        .status,
    ).toBe(404);
    expect((await download(rt, outsider.token, note)).status).toBe(404);
    expect(
      (await rt.call('POST', `/v1/deals/${dealId}/messages`, { token: seller.token, body: {} })).status,
    ).toBe(400);

    const buyerNotes = await rt.call('GET', '/v1/notifications', { token: world.owner.token });
    expect(buyerNotes.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'deal.message',
        entityId: dealId,
        data: expect.objectContaining({ from: 'seller', files: 1 }),
      }),
    );
    const sellerNotes = await rt.call('GET', '/v1/notifications', { token: seller.token });
    expect(sellerNotes.body.items).toContainEqual(
      expect.objectContaining({ kind: 'deal.message', data: expect.objectContaining({ from: 'buyer' }) }),
    );
  });

  it("keeps the winning bid's own terms, else the need's, and prints them on a purchase order numbered per buyer", async () => {
    const own = await awardedDeal({ delivery: { terms: 'pickup' }, paymentTerms: { daysAfterDelivery: 45 } });
    expect(own.deal).toMatchObject({
      delivery: { terms: 'pickup' },
      paymentTerms: { daysAfterDelivery: 45 },
    });
    const po = await rt.call('GET', `/v1/deals/${own.dealId}/purchase-order`, { token: world.owner.token });
    expect(po.status).toBe(200);
    expect(po.body).toMatchObject({
      number: expect.stringMatching(/^PO-\d{6}$/),
      buyer: { orgId: world.owner.orgId },
      seller: { orgId: own.seller.orgId },
      lines: [
        {
          quantity: 100,
          unitPrice: { amount: 1250, currency: 'IRR' },
          total: { amount: 125000, currency: 'IRR' },
        },
      ],
      total: { amount: 125000, currency: 'IRR' },
      delivery: { terms: 'pickup' },
      paymentTerms: { daysAfterDelivery: 45 },
    });
    const sellerView = await rt.call('GET', `/v1/deals/${own.dealId}/purchase-order`, {
      token: own.seller.token,
    });
    expect(sellerView.body.number).toBe(po.body.number);
    expect(
      (await rt.call('GET', `/v1/deals/${own.dealId}/purchase-order`, { token: world.suppliers[1]!.token }))
        .status,
    ).toBe(404);

    // Three deals read for the first time at once: three different numbers, each read again the same.
    // Made one after another (they move the shared clock), then read at once.
    const deals = [await awardedDeal(), await awardedDeal(), await awardedDeal()];
    const server = await rt.listen();
    try {
      const reads = await Promise.all(
        deals.flatMap((d) =>
          [1, 2].map(() =>
            server.http('GET', `/v1/deals/${d.dealId}/purchase-order`, { token: world.owner.token }),
          ),
        ),
      );
      expect(reads.every((r) => r.status === 200)).toBe(true);
      const byDeal = new Map<string, Set<string>>();
      for (const r of reads)
        byDeal.set(r.body.dealId, (byDeal.get(r.body.dealId) ?? new Set()).add(r.body.number));
      expect([...byDeal.values()].every((s) => s.size === 1)).toBe(true);
      const numbers = [...byDeal.values()].map((s) => [...s][0]);
      expect(new Set([...numbers, po.body.number]).size).toBe(4);
    } finally {
      await server.close();
    }
  });
});
