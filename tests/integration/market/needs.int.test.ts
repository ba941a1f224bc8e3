import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  changeOf,
  createNeed,
  deliver,
  ESHTEHARD,
  needBody,
  parkWithBuyer,
  publish,
  rawItem,
} from './market-fixtures';

const clock = fixedClock('2030-03-01T08:00:00Z');
const WINDOW_S = 7200;
const at = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { minBiddingWindowS: WINDOW_S } });
});
afterAll(() => rt.stop());

const body = (parkId: string, over: Record<string, unknown> = {}) =>
  needBody(parkId, { closesAt: at(72), ...over });

/** A park, its buyer, an approved supplier in it, and one approved only in another park. */
async function market() {
  const world = await parkWithBuyer(rt);
  const { parkId, operator } = world;
  const supplier = await rt.firm({
    kinds: ['supplier'],
    location: ESHTEHARD,
    approvedIn: { parkId, operatorToken: operator.token },
  });
  const other = await rt.park({ name: 'Other park' });
  const outsider = await rt.firm({
    kinds: ['supplier'],
    approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
  });
  const rival = await rt.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } });
  return { ...world, supplier, outsider, rival };
}

describe('drafts', () => {
  it('creates a draft that nobody but its owner can see', async () => {
    const { parkId, operator, buyer, supplier, rival } = await market();
    const res = await rt.call('POST', '/v1/needs', { token: buyer.token, body: body(parkId) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      ownerOrgId: buyer.orgId,
      publishedAt: null,
      version: 1,
    });
    expect(res.headers.get('etag')).toBe('"v1"');
    const needId = res.body.needId;
    expect((await rt.call('GET', `/v1/needs/${needId}`, { token: buyer.token })).status).toBe(200);
    for (const token of [supplier.token, rival.token, operator.token]) {
      expect((await rt.call('GET', `/v1/needs/${needId}`, { token })).status).toBe(404);
      const list = await rt.call('GET', `/v1/needs?parkId=${parkId}&status=draft`, { token });
      expect(list.body.items).toEqual([]);
      expect((await rt.call('GET', `/v1/needs/${needId}/amendments`, { token })).status).toBe(404);
    }
    const mine = await rt.call('GET', '/v1/needs?mine=true&status=draft', { token: buyer.token });
    expect(mine.body.items.map((n: any) => n.needId)).toEqual([needId]);
  });

  it('edits a draft under If-Match and refuses a stale ETag', async () => {
    const { parkId, buyer } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    const stale = await rt.call('PATCH', `/v1/needs/${need.needId}`, {
      token: buyer.token,
      headers: { 'if-match': '"v7"' },
      body: { quantity: 12 },
    });
    expect(stale.status).toBe(412);
    const ok = await rt.call('PATCH', `/v1/needs/${need.needId}`, {
      token: buyer.token,
      headers: { 'if-match': '"v1"' },
      body: { quantity: 12, mode: 'auction', recurrence: { every: 'month' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      quantity: 12,
      mode: 'auction',
      recurrence: { every: 'month' },
      version: 2,
    });
    expect(ok.body.auction).toEqual({ minDecrementBps: 50, maxExtensions: 10 });
    expect(ok.body.requiredCertificates).toEqual([]);
  });

  it('refuses bad input with the failing fields, and changes nothing', async () => {
    const { parkId, buyer, supplier } = await market();
    const unknownField = await rt.call('POST', '/v1/needs', {
      token: buyer.token,
      body: { ...body(parkId), price: 5 },
    });
    expect(unknownField.status).toBe(400);
    const unknownCategory = await rt.call('POST', '/v1/needs', {
      token: buyer.token,
      body: body(parkId, { category: '9999' }),
    });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.errors).toEqual([{ path: 'category', message: 'Unknown ISIC code.' }]);
    const badCurrency = await rt.call('POST', '/v1/needs', {
      token: buyer.token,
      body: body(parkId, { currency: 'XYZ' }),
    });
    expect(badCurrency.status).toBe(400);
    expect((await rt.call('POST', '/v1/needs', { token: supplier.token, body: body(parkId) })).status).toBe(
      403,
    );
    const notHere = await rt.park({ name: 'Not my park' });
    const elsewhere = await rt.call('POST', '/v1/needs', { token: buyer.token, body: body(notHere.parkId) });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('need.not_a_tenant');
    const mine = await rt.call('GET', '/v1/needs?mine=true', { token: buyer.token });
    expect(mine.body.items).toEqual([]);
  });

  it('replays a retried creation with the same Idempotency-Key', async () => {
    const { parkId, buyer } = await market();
    const headers = { 'idempotency-key': 'need-retry-1' };
    const first = await rt.call('POST', '/v1/needs', { token: buyer.token, headers, body: body(parkId) });
    const again = await rt.call('POST', '/v1/needs', { token: buyer.token, headers, body: body(parkId) });
    expect(again.status).toBe(201);
    expect(again.body.needId).toBe(first.body.needId);
    expect((await rt.call('GET', '/v1/needs?mine=true', { token: buyer.token })).body.items).toHaveLength(1);
  });
});

describe('publishing', () => {
  it('refuses a close sooner than the minimum bidding window, then opens the need', async () => {
    const { parkId, buyer } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId, { closesAt: at(1.5) }));
    const early = await rt.call('POST', `/v1/needs/${need.needId}/publish`, { token: buyer.token });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('need.closes_too_soon');
    expect((await rt.call('GET', `/v1/needs/${need.needId}`, { token: buyer.token })).body.status).toBe(
      'draft',
    );
    await rt.call('PATCH', `/v1/needs/${need.needId}`, { token: buyer.token, body: { closesAt: at(2) } });
    const open = await publish(rt, buyer.token, need.needId);
    expect(open).toMatchObject({ status: 'open', publishedAt: clock.now().toISOString(), closesAt: at(2) });
    const twice = await rt.call('POST', `/v1/needs/${need.needId}/publish`, { token: buyer.token });
    expect(twice.status).toBe(409);
  });

  it('opens a park-first window that ends before the close', async () => {
    const { parkId, buyer } = await market();
    const tooLong = await createNeed(rt, buyer.token, body(parkId, { closesAt: at(10), parkFirstHours: 10 }));
    expect(
      (await rt.call('POST', `/v1/needs/${tooLong.needId}/publish`, { token: buyer.token })).status,
    ).toBe(422);
    const need = await createNeed(rt, buyer.token, body(parkId, { parkFirstHours: 24 }));
    const open = await publish(rt, buyer.token, need.needId);
    expect(open.parkFirstUntil).toBe(at(24));
    expect(open.parkFirstUntilMs).toBe(Date.parse(at(24)));
  });

  it('shows an open need to approved suppliers, and a park-only one to the park’s suppliers alone', async () => {
    const { parkId, buyer, supplier, outsider } = await market();
    const unapproved = await rt.firm({ kinds: ['supplier'] });
    const open = await createNeed(rt, buyer.token, body(parkId, { title: 'Public need' }));
    const parkOnly = await createNeed(
      rt,
      buyer.token,
      body(parkId, { title: 'Park need', visibility: 'park' }),
    );
    await publish(rt, buyer.token, open.needId);
    await publish(rt, buyer.token, parkOnly.needId);
    const sees = async (token: string, needId: string) =>
      (await rt.call('GET', `/v1/needs/${needId}`, { token })).status;
    expect([await sees(supplier.token, open.needId), await sees(supplier.token, parkOnly.needId)]).toEqual([
      200, 200,
    ]);
    expect([await sees(outsider.token, open.needId), await sees(outsider.token, parkOnly.needId)]).toEqual([
      200, 404,
    ]);
    expect([
      await sees(unapproved.token, open.needId),
      await sees(unapproved.token, parkOnly.needId),
    ]).toEqual([404, 404]);
    const listed = await rt.call('GET', `/v1/needs?parkId=${parkId}`, { token: outsider.token });
    expect(listed.body.items.map((n: any) => n.needId)).toEqual([open.needId]);
  });
});

describe('changing an open need', () => {
  it('extends the close only to a later time, while the need is open', async () => {
    const { parkId, buyer } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    expect(
      (
        await rt.call('POST', `/v1/needs/${need.needId}/extend`, {
          token: buyer.token,
          body: { closesAt: at(96) },
        })
      ).status,
    ).toBe(409);
    await publish(rt, buyer.token, need.needId);
    const earlier = await rt.call('POST', `/v1/needs/${need.needId}/extend`, {
      token: buyer.token,
      body: { closesAt: at(48) },
    });
    expect(earlier.status).toBe(422);
    const later = await rt.call('POST', `/v1/needs/${need.needId}/extend`, {
      token: buyer.token,
      body: { closesAt: at(96) },
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({
      closesAt: at(96),
      closesAtMs: Date.parse(at(96)),
      originalClosesAt: at(72),
    });
  });

  it('amends material fields, records what changed, moves a near close out and tells bidders once', async () => {
    const { parkId, buyer, supplier, operator } = await market();
    const bystander = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const need = await createNeed(rt, buyer.token, body(parkId, { closesAt: at(3) }));
    await publish(rt, buyer.token, need.needId);
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: supplier.token,
      body: {
        unitPrice: { amount: 5_000_000, currency: 'IRR' },
        quantity: 10,
        leadTimeDays: 7,
        validUntil: at(24 * 30),
      },
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);

    clock.advance(2 * 3_600_000); // one hour left, less than the two-hour window
    const res = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: {
        quantity: 12,
        requiredCertificates: ['iso_9001'],
        title: need.title,
        reason: 'Second line starts early.',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      quantity: 12,
      requiredCertificates: ['iso_9001'],
      amendmentCount: 1,
      amendedAt: clock.now().toISOString(),
      closesAt: at(2),
    });
    const amendments = await rt.call('GET', `/v1/needs/${need.needId}/amendments`, { token: supplier.token });
    expect(amendments.body.items).toEqual([
      expect.objectContaining({
        seq: 1,
        reason: 'Second line starts early.',
        changes: [
          { field: 'quantity', before: 10, after: 12 },
          { field: 'requiredCertificates', before: [], after: ['iso_9001'] },
        ],
        closesAtBefore: at(1),
        closesAtAfter: at(2),
      }),
    ]);

    const record = await rawItem(rt, `NEED#${need.needId}`, 'NEED#AMENDMENT#0001');
    await deliver(rt, 'market.need-events', changeOf(null, record));
    await deliver(rt, 'market.need-events', changeOf(null, record));
    const notes = (await rt.call('GET', '/v1/notifications', { token: supplier.token })).body.items.filter(
      (n: any) => n.kind === 'need.amended',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({
      seq: 1,
      fields: ['quantity', 'requiredCertificates'],
      closeMoved: true,
    });
    const quiet = (await rt.call('GET', '/v1/notifications', { token: bystander.token })).body.items;
    expect(quiet.filter((n: any) => n.kind === 'need.amended')).toEqual([]);
  });

  it('lists amendments page by page to whoever sees the need, and to nobody else', async () => {
    const { parkId, operator, buyer, supplier, outsider, rival } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId, { visibility: 'park' }));
    const list = (token: string, cursor?: string) =>
      rt.call('GET', `/v1/needs/${need.needId}/amendments?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token,
      });
    expect((await list(buyer.token)).body).toEqual({ items: [], nextCursor: null });
    await publish(rt, buyer.token, need.needId);
    for (const [quantity, reason] of [
      [11, 'One more.'],
      [12, 'Two more.'],
    ] as const) {
      const amended = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
        token: buyer.token,
        body: { quantity, reason },
      });
      expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    }

    for (const token of [buyer.token, supplier.token, operator.token]) {
      const first = await list(token);
      expect(first.status).toBe(200);
      expect(first.body.items.map((a: any) => [a.seq, a.reason])).toEqual([[1, 'One more.']]);
      expect(Object.keys(first.body.items[0]).sort()).toEqual(
        ['at', 'byUserId', 'changes', 'closesAtAfter', 'closesAtBefore', 'needId', 'reason', 'seq'].sort(),
      );
      const second = await list(token, first.body.nextCursor);
      expect(second.body.items.map((a: any) => a.seq)).toEqual([2]);
      const third = await list(token, second.body.nextCursor);
      expect(third.body).toEqual({ items: [], nextCursor: null });
    }
    // A park-only need: a supplier of another park and a tenant of this one see nothing, on any page.
    const cursor = (await list(supplier.token)).body.nextCursor;
    for (const token of [outsider.token, rival.token]) {
      expect((await list(token)).status).toBe(404);
      expect((await list(token, cursor)).status).toBe(404);
    }
    expect(
      (await rt.call('GET', '/v1/needs/need_01J0000000000000000000000/amendments', { token: buyer.token }))
        .status,
    ).toBe(404);
  });

  it('refuses an amendment that changes nothing, and any amendment of a draft', async () => {
    const { parkId, buyer } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    const draft = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: { quantity: 3, reason: 'x' },
    });
    expect(draft.status).toBe(409);
    await publish(rt, buyer.token, need.needId);
    const same = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: { quantity: 10, reason: 'x' },
    });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('need.amendment_empty');
    const noField = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: { reason: 'x' },
    });
    expect(noField.status).toBe(400);
    const closesAt = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: { closesAt: at(99), reason: 'x' },
    });
    expect(closesAt.status).toBe(400);
  });

  it('cancels with a reason, once', async () => {
    const { parkId, buyer, supplier } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    await publish(rt, buyer.token, need.needId);
    expect(
      (
        await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
          token: supplier.token,
          body: { reason: 'no' },
        })
      ).status,
    ).toBe(403);
    const cancelled = await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
      token: buyer.token,
      body: { reason: 'Budget withdrawn' },
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Budget withdrawn' });
    const again = await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
      token: buyer.token,
      body: { reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(
      (await rt.call('GET', `/v1/needs?parkId=${parkId}`, { token: supplier.token })).body.items,
    ).toEqual([]);
    const listed = await rt.call('GET', `/v1/needs?parkId=${parkId}&status=cancelled`, {
      token: supplier.token,
    });
    expect(listed.body.items.map((n: any) => n.needId)).toEqual([need.needId]);
  });

  it('hides another buyer’s need from its changes, answering 404', async () => {
    const { parkId, buyer, rival } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    for (const [path, b] of [
      ['publish', undefined],
      ['cancel', { reason: 'mine now' }],
      ['amend', { quantity: 1, reason: 'x' }],
      ['extend', { closesAt: at(100) }],
    ] as const) {
      expect(
        (await rt.call('POST', `/v1/needs/${need.needId}/${path}`, { token: rival.token, body: b })).status,
      ).toBe(404);
    }
    expect(
      (await rt.call('PATCH', `/v1/needs/${need.needId}`, { token: rival.token, body: { quantity: 1 } }))
        .status,
    ).toBe(404);
  });

  it('leaves an audit record of every state change', async () => {
    const { parkId, buyer, operator } = await market();
    const need = await createNeed(rt, buyer.token, body(parkId));
    await publish(rt, buyer.token, need.needId);
    await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: buyer.token,
      body: { quantity: 11, reason: 'More' },
    });
    await rt.call('POST', `/v1/needs/${need.needId}/extend`, {
      token: buyer.token,
      body: { closesAt: at(100) },
    });
    await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
      token: buyer.token,
      body: { reason: 'Done' },
    });
    const audit = await rt.call('GET', `/v1/audit?entityId=${need.needId}`, { token: operator.token });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((r: any) => r.action)).toEqual([
      'need.created',
      'need.published',
      'need.amended',
      'need.extended',
      'need.cancelled',
    ]);
    expect(audit.body.items[4]).toMatchObject({
      actor: { orgId: buyer.orgId },
      reason: 'Done',
      after: { status: 'cancelled' },
    });
  });
});
