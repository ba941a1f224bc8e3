import type { HoldCommand } from '@parkbridge/domain/bookings';
import { DomainError } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, expoWithPavilion } from './expo-fixture';

const HOLDERS = 4;
const ROUNDS = 12;

let rt: TestRuntime;
let server: Awaited<ReturnType<TestRuntime['listen']>>;
beforeAll(async () => {
  rt = await startTestRuntime();
  server = await rt.listen();
});
afterAll(async () => {
  await server.close();
  await rt.stop();
});

const irr = (amount: number) => ({ amount, currency: 'IRR' });
const reprice = (slotId: string, token: string, amount: number) =>
  rt.call('PATCH', `/v1/slots/${slotId}`, { token, body: { price: irr(amount) } });

/**
 * Runs `before` right before each hold's transaction (between the hold's read of the slot and its
 * write), and records what each write came to: `landed` or the refusal's code.
 */
function beforeEachHoldWrite(before: (cmd: HoldCommand, n: number) => Promise<void>) {
  const repo = rt.container.expos.repos.bookings;
  const original = repo.hold;
  const outcomes: string[] = [];
  let n = 0;
  repo.hold = async (cmd: HoldCommand) => {
    await before(cmd, n++);
    try {
      const saved = await original.call(repo, cmd);
      outcomes.push('landed');
      return saved;
    } catch (err) {
      outcomes.push(err instanceof DomainError ? err.code : String(err));
      throw err;
    }
  };
  return {
    outcomes,
    restore: () => {
      repo.hold = original;
    },
  };
}

describe('a hold racing an edit of the slot’s price', { timeout: 120_000 }, () => {
  it('refuses the hold’s write when the price changed after its read, and lands it at the new price on one retry', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firm = await rt.firm({ kinds: ['tenant'] });
    const spy = beforeEachHoldWrite(async (cmd, n) => {
      if (n > 0) return;
      expect(cmd.booking.price).toEqual(irr(150_000_000));
      expect((await reprice(slot.slotId, operator.token, 170_000_000)).status).toBe(200);
    });
    try {
      const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
      expect(hold.status).toBe(201);
      expect(hold.body.price).toEqual(irr(170_000_000));
      expect(spy.outcomes).toEqual(['slot.changed', 'landed']);
      const stored = await rt.call('GET', `/v1/bookings/${hold.body.bookingId}`, { token: firm.token });
      expect(stored.body.price).toEqual(irr(170_000_000));
    } finally {
      spy.restore();
    }
    // The hold now pins the price: the edit's own condition refuses the next change.
    expect((await reprice(slot.slotId, operator.token, 190_000_000)).body.code).toBe('slot.in_use');
  });

  it('answers 409 slot.changed when the slot is edited again during the retry, and claims nothing', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firm = await rt.firm({ kinds: ['supplier'] });
    const prices = [160_000_000, 165_000_000];
    const spy = beforeEachHoldWrite(async (_cmd, n) => {
      expect((await reprice(slot.slotId, operator.token, prices[n]!)).status).toBe(200);
    });
    try {
      const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
      expect(hold).toMatchObject({ status: 409, body: { code: 'slot.changed' } });
      expect(spy.outcomes).toEqual(['slot.changed', 'slot.changed']);
    } finally {
      spy.restore();
    }
    expect(await rt.container.expos.repos.bookings.claim({ slotId: slot.slotId, sliceId: null })).toBeNull();
    const mine = await rt.call('GET', '/v1/bookings', { token: firm.token });
    expect(mine.body.items).toEqual([]);
    // Looking again and holding now lands at the price the slot has.
    const again = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: firm.token });
    expect(again.status).toBe(201);
    expect(again.body.price).toEqual(irr(165_000_000));
  });

  it('answers slot.taken, not slot.changed, when another hold landed at the new price meanwhile', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const [first, second] = await Promise.all([
      rt.firm({ kinds: ['tenant'] }),
      rt.firm({ kinds: ['supplier'] }),
    ]);
    let other: CallResult | undefined;
    const spy = beforeEachHoldWrite(async (_cmd, n) => {
      if (n > 0) return;
      expect((await reprice(slot.slotId, operator.token, 175_000_000)).status).toBe(200);
      other = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: second!.token });
    });
    try {
      const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: first!.token });
      expect(hold).toMatchObject({ status: 409, body: { code: 'slot.taken' } });
      expect(spy.outcomes).toEqual(['landed', 'slot.taken']);
    } finally {
      spy.restore();
    }
    expect(other).toMatchObject({ status: 201, body: { orgId: second!.orgId, price: irr(175_000_000) } });
    const claim = await rt.container.expos.repos.bookings.claim({ slotId: slot.slotId, sliceId: null });
    expect(claim).toMatchObject({ bookingId: other!.body.bookingId, status: 'held' });
  });

  it('conditions a time slice’s hold on its slot’s version: the slice is held at the price it inherits now', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt, { days: 2 });
    const slot = await addSlot(rt, operator.token, pavilionId, 0, { slices: { every: 'day' } });
    const sliceId = slot.slices[1]!.sliceId;
    const firm = await rt.firm({ kinds: ['tenant'] });
    const spy = beforeEachHoldWrite(async (cmd, n) => {
      if (n > 0) return;
      expect(cmd.booking.price).toEqual(irr(150_000_000));
      expect((await reprice(slot.slotId, operator.token, 120_000_000)).status).toBe(200);
    });
    try {
      const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
        token: firm.token,
        body: { sliceId },
      });
      expect(hold.status).toBe(201);
      expect(hold.body).toMatchObject({ sliceId, price: irr(120_000_000) });
      expect(spy.outcomes).toEqual(['slot.changed', 'landed']);
    } finally {
      spy.restore();
    }
  });

  it(`lets one of ${HOLDERS} parallel HTTP holds win each of ${ROUNDS} rounds against a parallel price edit, always at the slot’s price when it landed`, async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firms = await Promise.all(
      Array.from({ length: HOLDERS }, (_, i) => rt.firm({ kinds: i % 2 ? ['supplier'] : ['tenant'] })),
    );
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Watches the writes only (nothing injected): each round's refusals, and that one write landed.
    const writes = beforeEachHoldWrite(async () => {});
    let price = 150_000_000;
    const edits = { landed: 0, refused: 0 };
    // Hold writes refused because an edit committed between their read and write: the race itself.
    let slotChanged = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const next = 150_000_000 + (round + 1) * 1_000_000;
        writes.outcomes.length = 0;
        // The edit reads three items before its write, the hold two: holds sent 0–8 ms after the
        // edit put its commit inside their read-to-write window in most rounds (measured: without
        // the hold's version condition, about half of such rounds kept the old price).
        const [edit, ...holds] = await Promise.all([
          server.http('PATCH', `/v1/slots/${slot.slotId}`, {
            token: operator.token,
            body: { price: irr(next) },
          }),
          ...firms.map((f, i) =>
            sleep((round % 6) + i).then(() =>
              server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: f.token }),
            ),
          ),
        ]);
        expect(
          writes.outcomes.filter((o) => o === 'landed'),
          `round ${round}`,
        ).toHaveLength(1);
        slotChanged += writes.outcomes.filter((o) => o === 'slot.changed').length;
        // Refused writes: the slot taken, the slot edited (retried at its new price), or a
        // transaction conflict with a write of the same item (retried).
        expect(
          writes.outcomes.filter(
            (o) => !['landed', 'slot.taken', 'slot.changed', 'write.concurrent'].includes(o),
          ),
          `round ${round}`,
        ).toEqual([]);
        const won = holds.filter((h) => h.status === 201);
        expect(won, `round ${round}`).toHaveLength(1);
        expect(
          holds.filter((h) => h.status !== 201).map((h) => `${h.status} ${h.body.code}`),
          `round ${round}`,
        ).toEqual(Array(HOLDERS - 1).fill('409 slot.taken'));

        // An edit that landed did so while the slot was free, so before the hold (which then read
        // or re-read it); a refused one met the hold already there (slot.in_use) or lost a
        // transaction conflict with it (write.concurrent), and changed nothing.
        if (edit!.status === 200) {
          price = next;
          edits.landed++;
        } else {
          expect(edit!.status, `round ${round}`).toBe(409);
          expect(['slot.in_use', 'write.concurrent'], `round ${round}`).toContain(edit!.body.code);
          edits.refused++;
        }
        const winner = won[0]!.body;
        const now = await rt.call('GET', `/v1/slots/${slot.slotId}`, { token: operator.token });
        const stored = await rt.call('GET', `/v1/bookings/${winner.bookingId}`, { token: operator.token });
        expect(now.body.price, `round ${round}`).toEqual(irr(price));
        expect(winner.price, `round ${round}`).toEqual(irr(price));
        expect(stored.body.price, `round ${round}`).toEqual(irr(price));

        const owner = firms.find((f) => f.orgId === winner.orgId)!;
        const cancelled = await server.http('POST', `/v1/bookings/${winner.bookingId}/cancel`, {
          token: owner.token,
        });
        expect(cancelled.status).toBe(200);
      }
    } finally {
      writes.restore();
    }
    // Every round counts one or the other, so their sum proves nothing; what can fail is that no
    // edit landed, and then the slot's price never moved and the price checks above prove nothing.
    expect(edits.landed, JSON.stringify(edits)).toBeGreaterThan(0);
    // And that the race was run at all: some hold read the slot before an edit and wrote after it.
    // (Measured 25, 27 and 31 such refusals in three runs of 12 rounds.)
    expect(slotChanged, JSON.stringify(edits)).toBeGreaterThan(0);
  });
});
