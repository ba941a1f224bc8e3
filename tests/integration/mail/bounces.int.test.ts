import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { userKey } from '@parkbridge/db/users';
import { fixedClock } from '@parkbridge/domain/core';
import { MAX_ATTEMPTS, mailIds } from '@parkbridge/domain/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { reader } from './support/mail-world';

const BOUNCE = 'nobody@bounce.parkbridge.test';
const DEFER = 'busy@defer.parkbridge.test';
const clock = fixedClock('2030-05-01T09:00:00.000Z');
let rt: TestRuntime;

// The local SMTP server refuses BOUNCE for good (550) and DEFER for now (451).
beforeAll(async () => {
  rt = await startTestRuntime({ clock, mail: { refuse: [BOUNCE], defer: [DEFER] } });
});
afterAll(() => rt.stop());

/** Writes a notification and plans its emails as the stream consumer would. */
async function notifyAndPlan(orgId: string, key: string) {
  await rt.container.repos.notifications.notify({
    orgId,
    kind: 'need.matched',
    entityId: 'need_01JBOUNCE',
    data: { needId: 'need_01JBOUNCE', title: `Need ${key}`, closesAt: '2030-05-09T12:00:00.000Z' },
    dedupeKey: `bounce:${key}`,
  });
  const n = (await rt.container.repos.notifications.list(orgId, { limit: 50 })).items.find(
    (i) => i.data.title === `Need ${key}`,
  )!;
  await rt.container.mail.planner.plan(n as never);
  return n.notificationId;
}

describe('an address the receiving server refuses for good', () => {
  it('is suppressed after the first refusal, never tried again, and its person is told in the app', async () => {
    const r = await reader(rt, 'fa', 'instant', { email: BOUNCE });
    const id = await notifyAndPlan(r.orgId, 'first');
    await rt.mail.dispatcher.run(clock.now());
    expect(rt.mail.server.refusals(BOUNCE)).toHaveLength(1);
    expect(await rt.container.mail.repos.outbox.get(mailIds.instant(id, r.userId))).toMatchObject({
      status: 'bounced',
      attempts: 1,
    });
    const me = await rt.call('GET', '/v1/me', { token: r.token });
    expect(me.body.emailSuppressed).toMatchObject({ reason: 'bounce' });
    const inApp = await rt.call('GET', '/v1/notifications', { token: r.token });
    expect(inApp.body.items.map((n: { kind: string }) => n.kind)).toContain('email.suppressed');

    // A day later, and with new notifications: no attempt at all.
    clock.advance(86_400_000);
    await rt.mail.dispatcher.run(clock.now());
    const later = await notifyAndPlan(r.orgId, 'second');
    await rt.mail.dispatcher.run(clock.now());
    expect(await rt.container.mail.repos.outbox.get(mailIds.instant(later, r.userId))).toBeNull();
    expect(rt.mail.server.refusals(BOUNCE)).toHaveLength(1);
  });
});

describe('an address refused for now', () => {
  it('is retried with growing waits, and kept as dead after the last attempt', async () => {
    const r = await reader(rt, 'en', 'instant', { email: DEFER });
    const id = await notifyAndPlan(r.orgId, 'deferred');
    const mailId = mailIds.instant(id, r.userId);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await rt.mail.dispatcher.run(clock.now());
      // Running again at once does not try again before the wait.
      await rt.mail.dispatcher.run(clock.now());
      expect(rt.mail.server.refusals(DEFER)).toHaveLength(attempt);
      const mail = (await rt.container.mail.repos.outbox.get(mailId))!;
      if (attempt < MAX_ATTEMPTS) {
        expect(mail).toMatchObject({ status: 'pending', attempts: attempt });
        waits.push(mail.nextAttemptAtMs - clock.now().getTime());
        clock.set(new Date(mail.nextAttemptAtMs));
      } else {
        expect(mail).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
        expect(mail.lastError).toContain('451');
      }
    }
    // Backoff: 1, 4, 16, 64, 256 minutes (± 10 %), then capped at 12 hours.
    for (let i = 1; i < 5; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]! * 3);
    expect(Math.max(...waits)).toBeLessThanOrEqual(12 * 3600_000 * 1.1);
    expect(waits[0]).toBeGreaterThanOrEqual(54_000);
    expect((await rt.container.mail.repos.outbox.dead(10)).map((m) => m.mailId)).toContain(mailId);
    clock.advance(7 * 86_400_000);
    await rt.mail.dispatcher.run(clock.now());
    expect(rt.mail.server.refusals(DEFER)).toHaveLength(MAX_ATTEMPTS);
    // Not a bounce: the address is not suppressed.
    expect((await rt.call('GET', '/v1/me', { token: r.token })).body.emailSuppressed).toBeNull();
  });
});

describe('a name that tries to add a header', () => {
  it('is refused when a person sets it, and flattened when it got in another way', async () => {
    const r = await reader(rt, 'en');
    const refused = await rt.call('PATCH', '/v1/me', {
      token: r.token,
      body: { name: 'Eve\r\nBcc: victim@evil.test' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('name');
    // Written straight to the table (as an older client or an import might have).
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: userKey(r.userId),
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 'Eve\r\nBcc: victim@evil.test' },
      }),
    );
    await notifyAndPlan(r.orgId, 'injection');
    await rt.mail.dispatcher.run(clock.now());
    const [mail] = await rt.mail.server.waitFor(r.email, 1);
    expect(mail!.to).toEqual([r.email]);
    expect(mail!.headers.bcc).toBeUndefined();
    expect(mail!.headers.to).toContain('Eve Bcc: victim@evil.test');
    expect(rt.mail.server.messages('victim@evil.test')).toHaveLength(0);
  });
});
