import { fixedClock } from '@parkbridge/domain/core';
import { mailIds } from '@parkbridge/domain/mail';
import type { NotificationKind } from '@parkbridge/domain/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { reader, WEB_ORIGIN } from './support/mail-world';

const clock = fixedClock('2030-03-01T06:00:00.000Z');
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, jobs: true, mail: { webOrigin: WEB_ORIGIN, dispatchEveryMs: 250 } });
});
afterAll(() => rt.stop());

const notify = (orgId: string, kind: NotificationKind, key: string) =>
  rt.container.repos.notifications.notify({
    orgId,
    kind,
    entityId: 'need_01JDIGEST',
    data: { needId: 'need_01JDIGEST', title: `Need ${key}`, closesAt: '2030-03-09T12:00:00.000Z', bids: 1 },
    dedupeKey: `digest:${key}`,
  });

const digestOf = (userId: string, date: string) =>
  rt.container.mail.repos.outbox.get(mailIds.digest(userId, date));

describe('the daily digest', () => {
  it('gathers a day’s notifications into one email at 08:00 in each person’s own zone, once', {
    timeout: 120_000,
  }, async () => {
    clock.set('2030-03-01T06:00:00.000Z');
    const tehran = await reader(rt, 'fa', 'daily'); // Asia/Tehran: 08:00 is 04:30 UTC
    const shanghai = await reader(rt, 'zh', 'daily', { timeZone: 'Asia/Shanghai' }); // 08:00 is 00:00 UTC
    for (const r of [tehran, shanghai]) {
      await notify(r.orgId, 'need.closed', `${r.language}-1`);
      clock.set('2030-03-01T10:00:00.000Z');
      await notify(r.orgId, 'bid.lost', `${r.language}-2`);
      clock.set('2030-03-01T06:00:00.000Z');
    }
    const planned = await eventually(
      () => Promise.all([digestOf(tehran.userId, '2030-03-02'), digestOf(shanghai.userId, '2030-03-02')]),
      (ds) => ds.every((d) => (d as { lines?: number } | null)?.lines === 2),
      60_000,
    );
    expect(planned.value.map((d) => d?.nextAttemptAtMs)).toEqual([
      Date.parse('2030-03-02T04:30:00.000Z'),
      Date.parse('2030-03-02T00:00:00.000Z'),
    ]);
    // Not before its hour.
    expect((await rt.mail.dispatcher.run(clock.now())).processed).toBe(0);
    expect(rt.mail.server.messages(tehran.email)).toHaveLength(0);

    clock.set('2030-03-02T00:00:00.000Z');
    const [zh] = await rt.mail.server.waitFor(shanghai.email, 1);
    expect(rt.mail.server.messages(tehran.email)).toHaveLength(0);
    clock.set('2030-03-02T04:30:00.000Z');
    const [fa] = await rt.mail.server.waitFor(tehran.email, 1);

    for (const mail of [fa!, zh!]) {
      const lines = mail.text.split('\n').filter((l) => l.startsWith('- '));
      expect(lines).toHaveLength(2);
      expect(mail.text).toContain('Need ');
      expect(mail.text).toContain(`${WEB_ORIGIN}/needs/need_01JDIGEST`);
      expect(decodeURIComponent(mail.headers['list-unsubscribe'] ?? '')).toMatch(/token=u1\./);
    }
    expect(fa!.subject).toContain('خلاصه');
    expect(fa!.html).toContain('dir="rtl"');
    expect(zh!.subject).toContain('摘要');

    // Exactly one per person and day, however often the sender runs.
    for (let i = 0; i < 3; i++) await rt.mail.dispatcher.run(clock.now());
    expect(rt.mail.server.messages(tehran.email)).toHaveLength(1);
    expect(rt.mail.server.messages(shanghai.email)).toHaveLength(1);
    await eventually(
      () => digestOf(tehran.userId, '2030-03-02'),
      (d) => d?.status === 'sent',
    );
  });

  it('puts a notification that comes after its digest left into the next day’s', {
    timeout: 90_000,
  }, async () => {
    clock.set('2030-03-05T06:00:00.000Z'); // 09:30 in Tehran: past the day's 08:00
    const r = await reader(rt, 'fa', 'daily');
    await notify(r.orgId, 'need.closed', 'late-1');
    await eventually(
      () => digestOf(r.userId, '2030-03-06'),
      (d) => d?.status === 'pending',
      60_000,
    );
    clock.set('2030-03-06T04:30:00.000Z');
    await rt.mail.server.waitFor(r.email, 1);
    // Made before 08:00 but planned after the digest went (a slow stream): the next day's digest.
    await rt.container.mail.planner.plan({
      notificationId: 'ntf_late',
      orgId: r.orgId,
      kind: 'bid.lost',
      entityId: 'need_01JDIGEST',
      data: { needId: 'need_01JDIGEST', title: 'Late need' },
      createdAt: '2030-03-06T04:00:00.000Z',
    });
    const next = await digestOf(r.userId, '2030-03-07');
    expect(next).toMatchObject({ status: 'pending', lines: 1 });
    await eventually(
      () => digestOf(r.userId, '2030-03-06'),
      (d) => d?.status === 'sent',
    );
    expect(rt.mail.server.messages(r.email)).toHaveLength(1);
  });

  it('leaves out of the digest what the person turned off since, and sends nothing if that was all', {
    timeout: 90_000,
  }, async () => {
    clock.set('2030-03-10T06:00:00.000Z');
    const r = await reader(rt, 'en', 'daily');
    await notify(r.orgId, 'bid.lost', 'off-1');
    await eventually(
      () => digestOf(r.userId, '2030-03-11'),
      (d) => (d as { lines?: number } | null)?.lines === 1,
      60_000,
    );
    await rt.call('PATCH', '/v1/me', { token: r.token, body: { email: { 'bid.lost': 'off' } } });
    clock.set('2030-03-11T04:30:00.000Z');
    await eventually(
      () => digestOf(r.userId, '2030-03-11'),
      (d) => d?.status === 'skipped',
      60_000,
    );
    expect(rt.mail.server.messages(r.email)).toHaveLength(0);
  });
});
