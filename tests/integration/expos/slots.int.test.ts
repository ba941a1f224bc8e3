import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, expoWithPavilion } from './expo-fixture';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const slotBody = (code: string, rect: { x: number; y: number; w: number; h: number }, extra = {}) => ({
  code,
  kind: 'inline',
  area: rect.w * rect.h,
  rect,
  price: { amount: 90_000_000, currency: 'IRR' },
  ...extra,
});

describe('slots on a pavilion floor', { timeout: 120_000 }, () => {
  it('refuses a rectangle that overlaps another slot, and accepts one that only touches it', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt);
    const post = (body: unknown) =>
      rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, { token: operator.token, body });
    expect((await post(slotBody('B-1', { x: 10, y: 10, w: 4, h: 3 }))).status).toBe(201);

    const overlapping = await post(slotBody('B-2', { x: 13.5, y: 12.5, w: 4, h: 3 }));
    expect(overlapping).toMatchObject({ status: 409, body: { code: 'slot.overlaps' } });
    expect(overlapping.body.detail).toContain('B-1');
    const inside = await post(slotBody('B-3', { x: 11, y: 11, w: 1, h: 1 }));
    expect(inside).toMatchObject({ status: 409, body: { code: 'slot.overlaps' } });

    const touching = await post(slotBody('B-4', { x: 14, y: 10, w: 4, h: 3 }));
    expect(touching.status).toBe(201);
    const corner = await post(slotBody('B-5', { x: 6, y: 13, w: 4, h: 2 }));
    expect(corner.status).toBe(201);
    const sameCode = await post(slotBody('B-1', { x: 30, y: 30, w: 2, h: 2 }));
    expect(sameCode).toMatchObject({ status: 409, body: { code: 'slot.code_taken' } });
  });

  it('refuses a rectangle outside the floor and an area larger than the rectangle (400)', async () => {
    const { operator, pavilionId } = await expoWithPavilion(rt, { floor: { width: 20, depth: 10 } });
    const post = (body: unknown) =>
      rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, { token: operator.token, body });
    const outside = await post(slotBody('C-1', { x: 18, y: 0, w: 3, h: 3 }));
    expect(outside).toMatchObject({ status: 400, body: { code: 'slot.outside_floor' } });
    expect(outside.body.errors[0].path).toBe('rect');
    const edge = await post(slotBody('C-2', { x: 17, y: 7, w: 3, h: 3 }));
    expect(edge.status).toBe(201);
    const tooBig = await post({ ...slotBody('C-3', { x: 0, y: 0, w: 2, h: 2 }), area: 5 });
    expect(tooBig).toMatchObject({ status: 400, body: { code: 'slot.area_too_large' } });
    const negative = await post(slotBody('C-4', { x: -1, y: 0, w: 2, h: 2 }));
    expect(negative.status).toBe(400);
  });

  it('lets only one of two overlapping slots created at the same moment in', async () => {
    const { operator, pavilionId, expoId } = await expoWithPavilion(rt);
    const server = await rt.listen();
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          server.http('POST', `/v1/pavilions/${pavilionId}/slots`, {
            token: operator.token,
            body: slotBody(`D-${i}`, { x: 20 + i * 0.5, y: 5, w: 3, h: 3 }),
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(['slot.overlaps', 'pavilion.layout_changed', 'write.concurrent']).toContain(r.body.code);
      }
      const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: operator.token });
      expect(plan.body.pavilions[0].slots).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('lets only the park’s operator add expos, pavilions and slots', async () => {
    const { operator, parkId, expoId, pavilionId } = await expoWithPavilion(rt);
    const stranger = await rt.operator('stranger');
    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const expo = {
      parkId,
      name: 'Not mine',
      startsAt: '2099-01-01T08:00:00Z',
      endsAt: '2099-01-02T18:00:00Z',
      venue: 'Elsewhere',
    };
    expect((await rt.call('POST', '/v1/expos', { token: stranger.token, body: expo })).status).toBe(403);
    expect((await rt.call('POST', '/v1/expos', { token: tenant.token, body: expo })).status).toBe(403);
    const pavilion = { name: 'Hall Z', themes: ['10'], floor: { width: 10, depth: 10 } };
    expect(
      (await rt.call('POST', `/v1/expos/${expoId}/pavilions`, { token: stranger.token, body: pavilion }))
        .status,
    ).toBe(403);
    const slot = slotBody('Z-1', { x: 0, y: 0, w: 2, h: 2 });
    expect(
      (await rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, { token: stranger.token, body: slot }))
        .status,
    ).toBe(403);
  });

  it('refuses unknown themes and unknown fields (400)', async () => {
    const { operator, expoId } = await expoWithPavilion(rt);
    const bad = await rt.call('POST', `/v1/expos/${expoId}/pavilions`, {
      token: operator.token,
      body: { name: 'Hall Q', themes: ['89', '2420'], floor: { width: 10, depth: 10 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['themes.0', 'themes.1']);
    const extra = await rt.call('POST', `/v1/expos/${expoId}/pavilions`, {
      token: operator.token,
      body: { name: 'Hall Q', themes: ['24'], floor: { width: 10, depth: 10 }, colour: 'red' },
    });
    expect(extra.status).toBe(400);
  });
});

describe('time slices', { timeout: 120_000 }, () => {
  it('cuts a slot into expo days, each held on its own; the whole slot cannot be held', async () => {
    const { operator, pavilionId, expoId } = await expoWithPavilion(rt, { days: 3 });
    const slot = await addSlot(rt, operator.token, pavilionId, 0, { slices: { every: 'day' } });
    expect(slot.slices.map((s) => s.sliceId)).toEqual(['s01', 's02', 's03']);
    const [a, b] = [await rt.firm({ kinds: ['supplier'] }), await rt.firm({ kinds: ['supplier'] })];

    const whole = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: a.token });
    expect(whole).toMatchObject({ status: 422, body: { code: 'slot.sliced' } });
    const day1 = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
      token: a.token,
      body: { sliceId: 's01' },
    });
    expect(day1.status).toBe(201);
    expect(day1.body.sliceId).toBe('s01');
    const day1Again = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
      token: b.token,
      body: { sliceId: 's01' },
    });
    expect(day1Again).toMatchObject({ status: 409, body: { code: 'slot.taken' } });
    const day2 = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
      token: b.token,
      body: { sliceId: 's02' },
    });
    expect(day2.status).toBe(201);
    const unknown = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, {
      token: b.token,
      body: { sliceId: 's09' },
    });
    expect(unknown.status).toBe(404);

    const plan = await rt.call('GET', `/v1/expos/${expoId}/floorplan`, { token: a.token });
    const booth = plan.body.pavilions[0].slots[0];
    expect(booth.status).toBe('available');
    expect(booth.slices.map((s: { status: string; mine: boolean }) => [s.status, s.mine])).toEqual([
      ['held', true],
      ['held', false],
      ['available', false],
    ]);
  });

  it('takes mentorship sessions as slices, and refuses slices that overlap or fall outside the expo', async () => {
    const { operator, pavilionId, expo } = await expoWithPavilion(rt, { days: 2 });
    const start = Date.parse(expo.startsAt);
    const session = (fromMin: number, toMin: number) => ({
      startsAt: new Date(start + fromMin * 60_000).toISOString(),
      endsAt: new Date(start + toMin * 60_000).toISOString(),
      session: 'mentorship',
      label: 'Mentor: export finance',
    });
    const ok = await addSlot(rt, operator.token, pavilionId, 1, {
      kind: 'island',
      slices: [session(30, 60), session(0, 30), session(60, 90)],
    });
    expect(ok.slices.map((s: any) => [s.sliceId, s.session, s.startsAt])).toEqual([
      ['s01', 'mentorship', new Date(start).toISOString()],
      ['s02', 'mentorship', new Date(start + 30 * 60_000).toISOString()],
      ['s03', 'mentorship', new Date(start + 60 * 60_000).toISOString()],
    ]);
    const overlap = await rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, {
      token: operator.token,
      body: slotBody('M-2', { x: 50, y: 20, w: 2, h: 2 }, { slices: [session(0, 45), session(30, 60)] }),
    });
    expect(overlap).toMatchObject({ status: 400, body: { code: 'slot.slices_invalid' } });
    const outside = await rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, {
      token: operator.token,
      body: slotBody('M-3', { x: 60, y: 20, w: 2, h: 2 }, { slices: [session(-60, 30)] }),
    });
    expect(outside).toMatchObject({ status: 400, body: { code: 'slot.slices_invalid' } });
  });
});
