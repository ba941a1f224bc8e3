import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { openNeed } from './support/needs';
import { bidBody, biddingWorld } from './support/world';

const clock = fixedClock('2030-06-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;
const CLOSE = '2030-06-01T20:00:00.000Z';

beforeAll(async () => {
  rt = await startTestRuntime({ clock, rules: { questionGraceS: 3600, questionExtensionS: 1800 } });
  world = await biddingWorld(rt, { suppliers: 3 });
});
afterAll(() => rt.stop());

async function need() {
  clock.set('2030-06-01T08:00:00.000Z');
  return openNeed(rt, { parkId: world.parkId, owner: world.owner, closesAt: CLOSE });
}
const ask = (needId: string, who: { token: string }, text = 'Is mill certificate 3.1 required?') =>
  rt.call('POST', `/v1/needs/${needId}/questions`, { token: who.token, body: { text } });
const answer = (needId: string, qId: string, text = 'Yes, EN 10204 3.1.') =>
  rt.call('POST', `/v1/needs/${needId}/questions/${qId}/answer`, {
    token: world.owner.token,
    body: { text },
  });
const list = (needId: string, who: { token: string }) =>
  rt.call('GET', `/v1/needs/${needId}/questions`, { token: who.token });
const closesAt = async (needId: string) => (await rt.container.bidding.repos.needs.get(needId))!.closesAt;

describe('clarification questions', () => {
  it('shows an answered question to every supplier who may bid, without the asker', async () => {
    const n = await need();
    const [a, b, c] = world.suppliers;
    await rt.call('POST', `/v1/needs/${n.needId}/bids`, { token: c!.token, body: bidBody(1000) });
    const asked = await ask(n.needId, a!);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ mine: true, answer: null });
    expect(asked.body.askerOrgId).toBeUndefined();

    // Unanswered: the asker sees it, another supplier does not; the owner sees it, not who asked.
    expect((await list(n.needId, b!)).body.items).toHaveLength(0);
    expect((await list(n.needId, a!)).body.items).toHaveLength(1);
    const forOwner = await list(n.needId, world.owner);
    expect(forOwner.body.items).toHaveLength(1);
    expect(JSON.stringify(forOwner.body)).not.toContain(a!.orgId);

    expect((await answer(n.needId, asked.body.questionId)).status).toBe(200);
    const seen = await list(n.needId, b!);
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        text: 'Is mill certificate 3.1 required?',
        answer: 'Yes, EN 10204 3.1.',
        mine: false,
      }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(a!.orgId);

    // The asker and the bidders hear of the answer; the bidders' notification does not name the asker.
    for (const who of [a!, c!]) {
      const notes = await rt.call('GET', '/v1/notifications', { token: who.token });
      expect(notes.body.items.filter((x: any) => x.kind === 'question.answered')).toHaveLength(1);
    }
    const bidderNotes = await rt.call('GET', '/v1/notifications', { token: c!.token });
    expect(JSON.stringify(bidderNotes.body)).not.toContain(a!.orgId);
    const ownerNotes = await rt.call('GET', '/v1/notifications', { token: world.owner.token });
    expect(
      ownerNotes.body.items.some((x: any) => x.kind === 'question.asked' && x.entityId === n.needId),
    ).toBe(true);
  });

  it('lets only the owner answer, once', async () => {
    const n = await need();
    const q = await ask(n.needId, world.suppliers[0]!);
    const stranger = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: world.parkId, operatorToken: world.operator.token },
    });
    const byStranger = await rt.call('POST', `/v1/needs/${n.needId}/questions/${q.body.questionId}/answer`, {
      token: stranger.token,
      body: { text: 'No.' },
    });
    expect(byStranger.status).toBe(404);
    expect((await answer(n.needId, q.body.questionId)).status).toBe(200);
    const twice = await answer(n.needId, q.body.questionId, 'Changed my mind.');
    expect(twice.status).toBe(409);
  });

  it('hides the questions from a supplier that may not take part', async () => {
    const n = await need();
    const stranger = await rt.firm({ kinds: ['supplier'] });
    expect((await list(n.needId, stranger)).status).toBe(404);
    // It does not see the need at all: 404 comes before the rule that it may not take part.
    const asked = await ask(n.needId, stranger);
    expect(asked.status).toBe(404);
  });

  it('extends the close once when a question arrives with less than the grace period left', async () => {
    const n = await need();
    clock.set('2030-06-01T19:30:00.000Z');
    expect((await ask(n.needId, world.suppliers[0]!)).status).toBe(201);
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');
    // Answering does not take the extension back.
    clock.set('2030-06-01T19:45:00.000Z');
    const second = await ask(n.needId, world.suppliers[1]!, 'Which incoterm?');
    await answer(n.needId, second.body.questionId);
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');
  });

  it('extends the close at most once per need, however many questions arrive in the grace period', async () => {
    const n = await need();
    const texts = ['Which incoterm?', 'Mill certificate?', 'Partial deliveries?', 'Packing?'];
    for (const [i, text] of texts.entries()) {
      clock.set(new Date(Date.parse('2030-06-01T19:30:00.000Z') + i * 10 * 60_000).toISOString());
      expect((await ask(n.needId, world.suppliers[i % 3]!, text)).status).toBe(201);
    }
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');
    // Questions racing at the same instant cannot both take the extension either.
    const racing = await need();
    clock.set('2030-06-01T19:30:00.000Z');
    const asked = await Promise.all(world.suppliers.map((s, i) => ask(racing.needId, s, `Race ${i}?`)));
    expect(asked.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await closesAt(racing.needId)).toBe('2030-06-01T20:30:00.000Z');
    expect((await rt.container.bidding.repos.needs.get(racing.needId))!.extensionCount).toBe(1);
  });

  it('lets the job extend a need once, however many of its questions are left unanswered', async () => {
    const n = await need();
    clock.set('2030-06-01T10:00:00.000Z');
    await ask(n.needId, world.suppliers[0]!, 'First?');
    await ask(n.needId, world.suppliers[1]!, 'Second?');
    clock.set('2030-06-01T19:30:00.000Z');
    await rt.container.bidding.questions.extendForUnanswered(clock.now());
    await rt.container.bidding.questions.extendForUnanswered(clock.now());
    clock.set('2030-06-01T20:15:00.000Z');
    await rt.container.bidding.questions.extendForUnanswered(clock.now());
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');
  });

  it('extends the close once for a question still unanswered when the grace period begins', async () => {
    const n = await need();
    clock.set('2030-06-01T10:00:00.000Z');
    await ask(n.needId, world.suppliers[0]!);
    const answered = await ask(n.needId, world.suppliers[1]!, 'Answered in time?');
    await answer(n.needId, answered.body.questionId);

    // Exactly the grace period left is not less than it.
    clock.set('2030-06-01T19:00:00.000Z');
    expect(await rt.container.bidding.questions.extendForUnanswered(clock.now())).toEqual({ processed: 0 });
    expect(await closesAt(n.needId)).toBe(CLOSE);

    clock.set('2030-06-01T19:00:00.001Z');
    expect(await rt.container.bidding.questions.extendForUnanswered(clock.now())).toEqual({ processed: 1 });
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');

    // Once per need: later runs, even inside the new grace period, do not extend again.
    clock.set('2030-06-01T19:45:00.000Z');
    expect(await rt.container.bidding.questions.extendForUnanswered(clock.now())).toEqual({ processed: 0 });
    expect(await closesAt(n.needId)).toBe('2030-06-01T20:30:00.000Z');
    const notes = await rt.call('GET', '/v1/notifications', { token: world.owner.token });
    expect(
      notes.body.items
        .filter((x: any) => x.kind === 'need.extended' && x.entityId === n.needId)
        .map((x: any) => x.data),
    ).toEqual([{ needId: n.needId, closesAt: '2030-06-01T20:30:00.000Z', reason: 'unanswered_question' }]);
  });

  it('refuses a question after the close', async () => {
    const n = await need();
    clock.set('2030-06-01T20:00:00.000Z');
    const res = await ask(n.needId, world.suppliers[0]!);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('question.need_closed');
  });
});
