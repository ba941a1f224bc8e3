import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const patch = (slotId: string, token: string, body: unknown, etag?: string | null) =>
  rt.call('PATCH', `/v1/slots/${slotId}`, { token, body, headers: etag ? { 'if-match': etag } : {} });

const etagOf = async (slotId: string, token: string) =>
  (await rt.call('GET', `/v1/slots/${slotId}`, { token })).headers.get('etag');

describe('editing a saved slot (PATCH /v1/slots/{slotId})', { timeout: 120_000 }, () => {
  it('changes code, kind, area, rectangle and price with the ETag of the last read, and audits it', async () => {
    const { operator, expoId, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const etag = await etagOf(slot.slotId, operator.token);
    expect(etag).toBe('"v1"');

    const res = await patch(
      slot.slotId,
      operator.token,
      {
        code: 'A-0b',
        kind: 'corner',
        area: 11.5,
        rect: { x: 20, y: 10, w: 4, h: 3 },
        price: { amount: 180_000_000, currency: 'IRR' },
      },
      etag,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.body).toMatchObject({
      code: 'A-0b',
      kind: 'corner',
      area: 11.5,
      rect: { x: 20, y: 10, w: 4, h: 3 },
      price: { amount: 180_000_000, currency: 'IRR' },
      version: 2,
    });
    expect(res.body.auditHash).toBeUndefined();

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: operator.token });
    expect(plan.body.pavilions[0].slots[0]).toMatchObject({
      code: 'A-0b',
      rect: { x: 20, y: 10, w: 4, h: 3 },
      status: 'available',
    });
    // The old place is free again: a new slot fits where the edited one was.
    const reuse = await addSlot(rt, operator.token, pavilionId, 0, { code: 'A-new' });
    expect(reuse.rect).toEqual({ x: 0, y: 0, w: 3, h: 3 });
    // ... and the new place is taken.
    const clash = await rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, {
      token: operator.token,
      body: {
        code: 'A-clash',
        kind: 'inline',
        area: 1,
        rect: { x: 21, y: 11, w: 1, h: 1 },
        price: { amount: 1, currency: 'IRR' },
      },
    });
    expect(clash).toMatchObject({ status: 409, body: { code: 'slot.overlaps' } });

    const audit = await rt.call('GET', `/v1/audit?entityId=${slot.slotId}`, { token: operator.token });
    expect(audit.body.items.map((r: { action: string }) => r.action)).toEqual([
      'slot.created',
      'slot.edited',
    ]);
    expect(audit.body.items[1].before).toMatchObject({ code: 'A-0', rect: { x: 0, y: 0, w: 3, h: 3 } });
    expect(audit.body.items[1].after).toMatchObject({ code: 'A-0b', rect: { x: 20, y: 10, w: 4, h: 3 } });
  });

  it('refuses a rectangle off the floor or over another slot, a taken code, a too-large area, another currency and an empty edit', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt, { floor: { width: 20, depth: 10 } });
    const a = await addSlot(rt, operator.token, pavilionId, 0);
    await addSlot(rt, operator.token, pavilionId, 1);
    const edit = (body: unknown) => patch(a.slotId, operator.token, body);

    const off = await edit({ rect: { x: 18, y: 0, w: 3, h: 3 } });
    expect(off).toMatchObject({ status: 400, body: { code: 'slot.outside_floor' } });
    expect(off.body.errors[0].path).toBe('rect');
    const over = await edit({ rect: { x: 2, y: 1, w: 3, h: 3 } });
    expect(over).toMatchObject({ status: 409, body: { code: 'slot.overlaps' } });
    expect(over.body.detail).toContain('A-1');
    expect((await edit({ code: 'A-1' })).body.code).toBe('slot.code_taken');
    const big = await edit({ area: 10 });
    expect(big).toMatchObject({ status: 400, body: { code: 'slot.area_too_large' } });
    expect(big.body.errors[0].path).toBe('area');
    const currency = await edit({ price: { amount: 5, currency: 'USD' } });
    expect(currency).toMatchObject({ status: 400, body: { code: 'slot.currency_changed' } });
    expect(currency.body.errors[0].path).toBe('price.currency');
    expect((await edit({ kind: 'inline' })).body.code).toBe('slot.edit_empty');
    expect((await edit({})).status).toBe(400);
    expect((await edit({ colour: 'red' })).status).toBe(400);

    // Touching its neighbour is fine; nothing refused above changed the slot.
    const touching = await edit({ rect: { x: 0, y: 3, w: 6, h: 2 }, area: 12 });
    expect(touching.status).toBe(200);
    expect(touching.body.version).toBe(2);
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const first = await etagOf(slot.slotId, operator.token);
    expect((await patch(slot.slotId, operator.token, { kind: 'corner' }, first)).status).toBe(200);
    const stale = await patch(slot.slotId, operator.token, { kind: 'island' }, first);
    expect(stale).toMatchObject({ status: 412, body: { code: 'version.stale' } });
    const now = await rt.call('GET', `/v1/slots/${slot.slotId}`, { token: operator.token });
    expect(now.body.kind).toBe('corner');
  });

  it('lets only the operator of the expo’s park edit: firms get 403, another park’s operator 404', async () => {
    const { operator, parkId, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const supplier = await rt.firm({ kinds: ['supplier'] });
    const other = await rt.park();
    const body = { kind: 'corner' };
    expect((await patch(slot.slotId, tenant.token, body)).status).toBe(403);
    expect((await patch(slot.slotId, supplier.token, body)).status).toBe(403);
    const stranger = await patch(slot.slotId, other.operator.token, body);
    expect(stranger).toMatchObject({ status: 404, body: { code: 'slot.not_found' } });
    expect((await patch('slot_NOPE', operator.token, body)).status).toBe(404);
    expect((await rt.call('PATCH', `/v1/slots/${slot.slotId}`, { body })).status).toBe(401);
    expect((await rt.call('GET', `/v1/slots/${slot.slotId}`, { token: operator.token })).body.kind).toBe(
      'inline',
    );
  });

  it('refuses a new rectangle or price while the slot is held or requested (409 slot.in_use), and keeps the claim through other edits', async () => {
    const { operator, parkId, expoId, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const supplier = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: supplier.token });
    expect(hold.status).toBe(201);

    const moved = await patch(slot.slotId, operator.token, { rect: { x: 30, y: 0, w: 3, h: 3 } });
    expect(moved).toMatchObject({ status: 409, body: { code: 'slot.in_use' } });
    const repriced = await patch(slot.slotId, operator.token, { price: { amount: 1, currency: 'IRR' } });
    expect(repriced).toMatchObject({ status: 409, body: { code: 'slot.in_use' } });
    // Its own rectangle and price sent back (an editor's whole form) change nothing, claim or not.
    const resent = await patch(slot.slotId, operator.token, { rect: slot.rect, price: slot.price });
    expect(resent).toMatchObject({ status: 422, body: { code: 'slot.edit_empty' } });

    // Code and kind may change; the hold survives the edit and can still be submitted.
    const renamed = await patch(slot.slotId, operator.token, { code: 'VIP-1', kind: 'island' });
    expect(renamed.status).toBe(200);
    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: supplier.token });
    expect(plan.body.pavilions[0].slots[0]).toMatchObject({ code: 'VIP-1', status: 'held', mine: true });
    const submitted = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/submit`, {
      token: supplier.token,
      body: exhibitor(),
    });
    expect(submitted.status).toBe(200);
    expect((await patch(slot.slotId, operator.token, { rect: { x: 30, y: 0, w: 3, h: 3 } })).body.code).toBe(
      'slot.in_use',
    );

    // Once the claim is released, the rectangle may move.
    const cancelled = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/cancel`, {
      token: supplier.token,
      body: { reason: 'Plans changed.' },
    });
    expect(cancelled.status).toBe(200);
    const free = await patch(slot.slotId, operator.token, { rect: { x: 30, y: 0, w: 3, h: 3 } });
    expect(free.status).toBe(200);
  });

  it('refuses a new price while one time slice is held; inherited slice prices follow a new price', async () => {
    const { operator, parkId, pavilionId } = await expoWithPavilion(rt, { days: 2 });
    const slot = await addSlot(rt, operator.token, pavilionId, 0, { slices: { every: 'day' } });
    expect(slot.slices).toHaveLength(2);
    const repriced = await patch(slot.slotId, operator.token, {
      price: { amount: 200_000_000, currency: 'IRR' },
    });
    expect(repriced.status).toBe(200);
    expect(repriced.body.slices.map((s: { price: { amount: number } }) => s.price.amount)).toEqual([
      200_000_000, 200_000_000,
    ]);

    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
      token: tenant.token,
      body: { sliceId: slot.slices[1]!.sliceId },
    });
    expect(hold.status).toBe(201);
    expect(hold.body.price.amount).toBe(200_000_000);
    const again = await patch(slot.slotId, operator.token, { price: { amount: 1, currency: 'IRR' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'slot.in_use' } });
  });

  it('lets only one of two edits racing into overlap win', async () => {
    const { operator, expoId, pavilionId } = await expoWithPavilion(rt);
    const server = await rt.listen();
    try {
      for (let round = 0; round < 3; round++) {
        const y = round * 10;
        const left = await addSlot(rt, operator.token, pavilionId, 0, {
          code: `L-${round}`,
          rect: { x: 0, y, w: 3, h: 3 },
        });
        const right = await addSlot(rt, operator.token, pavilionId, 0, {
          code: `R-${round}`,
          rect: { x: 20, y, w: 3, h: 3 },
        });
        // Each edit alone is fine; together the two rectangles would overlap.
        const results = await Promise.all([
          server.http('PATCH', `/v1/slots/${left.slotId}`, {
            token: operator.token,
            body: { rect: { x: 9, y, w: 3, h: 3 } },
          }),
          server.http('PATCH', `/v1/slots/${right.slotId}`, {
            token: operator.token,
            body: { rect: { x: 10, y, w: 3, h: 3 } },
          }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const lost = results.find((r) => r.status === 409)!;
        expect(['slot.overlaps', 'pavilion.layout_changed', 'write.concurrent']).toContain(lost.body.code);
      }
      const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: operator.token });
      const rects = plan.body.pavilions[0].slots.map(
        (s: { rect: { x: number; y: number; w: number } }) => s.rect,
      );
      for (const [i, a] of rects.entries()) {
        for (const b of rects.slice(i + 1)) {
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, JSON.stringify([a, b])).toBe(true);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('lets only one of an edit and a new slot racing for the same floor space in', async () => {
    const { operator, expoId, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const server = await rt.listen();
    try {
      const results = await Promise.all([
        server.http('PATCH', `/v1/slots/${slot.slotId}`, {
          token: operator.token,
          body: { rect: { x: 50, y: 20, w: 3, h: 3 } },
        }),
        server.http('POST', `/v1/pavilions/${pavilionId}/slots`, {
          token: operator.token,
          body: {
            code: 'N-1',
            kind: 'inline',
            area: 9,
            rect: { x: 51, y: 21, w: 3, h: 3 },
            price: { amount: 1, currency: 'IRR' },
          },
        }),
      ]);
      expect(results.filter((r) => r.status < 300)).toHaveLength(1);
      const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: operator.token });
      const near = plan.body.pavilions[0].slots.filter((s: { rect: { x: number } }) => s.rect.x >= 50);
      expect(near).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
