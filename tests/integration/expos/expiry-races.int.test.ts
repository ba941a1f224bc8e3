import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, exhibitor, expoWithPavilion } from './expo-fixture';

// Holds last one second; no job runs in this runtime (no sweeper, and DynamoDB Local never applies TTL).
let rt: TestRuntime;
let server: Awaited<ReturnType<TestRuntime['listen']>>;
let setup: Awaited<ReturnType<typeof expoWithPavilion>>;
let firms: Awaited<ReturnType<TestRuntime['firm']>>[];
let nextColumn = 0;

beforeAll(async () => {
  rt = await startTestRuntime({ rules: { holdTtlS: 1 } });
  server = await rt.listen();
  setup = await expoWithPavilion(rt);
  firms = await Promise.all(Array.from({ length: 10 }, () => rt.firm({ kinds: ['supplier'] })));
});
afterAll(async () => {
  await server.close();
  await rt.stop();
});

const newSlot = () => addSlot(rt, setup.operator.token, setup.pavilionId, nextColumn++);
const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now())));
const claimOf = (slotId: string) => rt.container.expos.repos.bookings.claim({ slotId, sliceId: null });

describe('a hold racing its own expiry', { timeout: 120_000 }, () => {
  it('frees the slot the moment the hold lapses, with no sweeper and no TTL', async () => {
    const slot = await newSlot();
    const [a, b] = [firms[0]!, firms[1]!];
    const held = await server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: a.token });
    expect(held.status).toBe(201);
    const early = await server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: b.token });
    expect(early).toMatchObject({ status: 409, body: { code: 'slot.taken' } });

    await at(held.body.expiresAtMs + 5);
    const late = await server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: b.token });
    expect(late.status).toBe(201);
    expect(late.body.orgId).toBe(b.orgId);

    const lapsed = await server.http('GET', `/v1/bookings/${held.body.bookingId}`, { token: a.token });
    expect(lapsed.body.status).toBe('expired');
    const submit = await server.http('POST', `/v1/bookings/${held.body.bookingId}/submit`, {
      token: a.token,
      body: exhibitor(),
    });
    expect(submit).toMatchObject({ status: 409, body: { code: 'booking.hold_expired' } });
    expect(await claimOf(slot.slotId)).toMatchObject({ bookingId: late.body.bookingId, status: 'held' });
  });

  it('lets no hold in before the expiry, and after it one live hold at a time, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const slot = await newSlot();
      const [holder, ...racers] = firms.slice(round % 2, (round % 2) + 9);
      const held = await server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder!.token });
      expect(held.status).toBe(201);
      const expiry = held.body.expiresAtMs as number;
      // Eight racers fire from 40 ms before the expiry to 30 ms after it, 10 ms apart.
      const results = await Promise.all(
        racers.map(async (f, i) => {
          await at(expiry - 40 + i * 10);
          return server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: f.token });
        }),
      );
      // Claims in the order the server granted them: each starts only after the previous one lapsed.
      const won = results
        .filter((r) => r.status === 201)
        .map((r) => r.body)
        .sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
      expect(won.length, `round ${round}`).toBeGreaterThanOrEqual(1);
      let previousExpiry = expiry;
      for (const w of won) {
        expect(Date.parse(w.createdAt), `round ${round}: ${JSON.stringify(won)}`).toBeGreaterThan(
          previousExpiry,
        );
        previousExpiry = w.expiresAtMs;
      }
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(r).toMatchObject({ status: 409, body: { code: 'slot.taken' } });
      }
      expect(await claimOf(slot.slotId)).toMatchObject({ bookingId: won.at(-1)!.bookingId, status: 'held' });
    }
  });
});

describe('a submit racing the hold’s expiry', { timeout: 120_000 }, () => {
  it('either submits in time and keeps the slot, or lapses and lets exactly one newcomer hold it', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const slot = await newSlot();
      const [holder, ...racers] = firms.slice(round % 3, (round % 3) + 4);
      const held = await server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder!.token });
      expect(held.status).toBe(201);
      const expiry = held.body.expiresAtMs as number;
      // From 30 ms before the expiry to 26 ms after it: both outcomes are possible; never both at once.
      await at(expiry - 30 + round * 8);
      const [submit, ...holds] = await Promise.all([
        server.http('POST', `/v1/bookings/${held.body.bookingId}/submit`, {
          token: holder!.token,
          body: exhibitor(),
        }),
        ...racers.map((f) => server.http('POST', `/v1/slots/${slot.slotId}/hold`, { token: f.token })),
      ]);
      const won = holds.filter((r) => r.status === 201);
      for (const r of holds.filter((x) => x.status !== 201)) expect(r.body.code).toBe('slot.taken');
      const claim = await claimOf(slot.slotId);
      if (submit.status === 200) {
        outcomes.push('submitted');
        expect(won).toHaveLength(0);
        expect(Date.parse(submit.body.submittedAt)).toBeLessThanOrEqual(expiry);
        expect(claim).toMatchObject({ bookingId: held.body.bookingId, status: 'requested' });
      } else {
        outcomes.push(won.length ? 'lapsed, re-held' : 'lapsed');
        expect(submit).toMatchObject({ status: 409, body: { code: 'booking.hold_expired' } });
        // A newcomer's hold starts after the expiry; on a loaded machine a later one may follow it
        // after that one-second hold lapsed too, but never overlapping it.
        const chain = won
          .map((r) => r.body)
          .sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
        let previousExpiry = expiry;
        for (const w of chain) {
          expect(Date.parse(w.createdAt)).toBeGreaterThan(previousExpiry);
          previousExpiry = w.expiresAtMs;
        }
        if (chain.length) {
          expect(claim).toMatchObject({ bookingId: chain.at(-1)!.bookingId, status: 'held' });
        } else {
          expect(claim).toMatchObject({ bookingId: held.body.bookingId, status: 'held' });
        }
      }
    }
    expect(outcomes).toHaveLength(8);
  });
});
