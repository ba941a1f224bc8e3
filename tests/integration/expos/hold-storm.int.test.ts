import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, expoWithPavilion } from './expo-fixture';

const ORGS = 50;
// Five rounds prove one winner and 49 refusals per round; bench/ carries the large storm figures.
const ROUNDS = 5;

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

describe('fifty organisations holding the same slot at once', { timeout: 120_000 }, () => {
  it('lets exactly one hold win each of five rounds, and the slot agrees with the bookings', async () => {
    const { operator, pavilionId, expoId } = await expoWithPavilion(rt);
    const slot = await addSlot(rt, operator.token, pavilionId, 0);
    const firms: Awaited<ReturnType<TestRuntime['firm']>>[] = [];
    for (let i = 0; i < ORGS; i += 10) {
      firms.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) => rt.firm({ kinds: (i + j) % 2 ? ['supplier'] : ['tenant'] })),
        )),
      );
    }

    const winners: { bookingId: string; orgId: string }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        firms.map((f) => server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: f.token })),
      );
      const won = results.filter((r) => r.status === 201);
      const lost = results.filter((r) => r.status === 409);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost, `round ${round}`).toHaveLength(ORGS - 1);
      expect(new Set(lost.map((r) => r.body.code))).toEqual(new Set(['slot.taken']));

      const winner = won[0]!.body;
      const claim = await rt.container.expos.repos.bookings.claim({ slotId: slot.slotId, sliceId: null });
      expect(claim).toMatchObject({ bookingId: winner.bookingId, orgId: winner.orgId, status: 'held' });
      winners.push({ bookingId: winner.bookingId, orgId: winner.orgId });

      // Free the slot for the next round: the winner cancels its hold.
      const owner = firms.find((f) => f.orgId === winner.orgId)!;
      const cancelled = await server.http('POST', `/v1/bookings/${winner.bookingId}/cancel`, {
        token: owner.token,
      });
      expect(cancelled.status).toBe(200);
    }

    // Every booking the slot ever had is one of the winners, each cancelled; none was lost or doubled.
    const all = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: any[]; nextCursor: string | null } } = await rt.call(
        'GET',
        `/v1/expos/${expoId}/bookings?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: operator.token,
        },
      );
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(ROUNDS);
    expect(new Set(all.map((b: { bookingId: string }) => b.bookingId))).toEqual(
      new Set(winners.map((w) => w.bookingId)),
    );
    expect(all.every((b: { status: string }) => b.status === 'cancelled')).toBe(true);
    const finalClaim = await rt.container.expos.repos.bookings.claim({ slotId: slot.slotId, sliceId: null });
    expect(finalClaim).toMatchObject({ bookingId: winners.at(-1)!.bookingId, status: 'cancelled' });

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: firms[0]!.token });
    expect(plan.body.pavilions[0].slots[0].status).toBe('available');
  }, 400_000);
});
