import { marshall } from '@aws-sdk/util-dynamodb';
import { notificationId } from '@parkbridge/db/notifications';
import { fixedClock } from '@parkbridge/domain/core';
import { CLAIM_MS, mailIds } from '@parkbridge/domain/mail';
import { processStreamBatch } from '@parkbridge/jobs';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { reader } from './support/mail-world';

const clock = fixedClock('2030-04-01T09:00:00.000Z');
let rt: TestRuntime;

// No background jobs: the test feeds the stream consumer and runs the sender itself.
beforeAll(async () => {
  rt = await startTestRuntime({ clock });
});
afterAll(() => rt.stop());

const planConsumer = () => rt.jobs.consumers.find((c) => c.name === 'mail.plan')!;

/** The notification's INSERT as DynamoDB Streams delivers it (the item read back from the table). */
async function insertRecordOf(orgId: string, notificationId: string, seq: string): Promise<DynamoDBRecord> {
  const page = await rt.container.repos.notifications.list(orgId, { limit: 100 });
  const n = page.items.find((i) => i.notificationId === notificationId)!;
  const image = {
    pk: `ORG#${orgId}#NOTIF`,
    sk: `${n.createdAt}#${n.notificationId}`,
    type: 'notification',
    ...n,
  };
  return {
    eventID: `ev-${seq}`,
    eventName: 'INSERT',
    dynamodb: { SequenceNumber: seq, NewImage: marshall(image, { removeUndefinedValues: true }) as never },
  };
}

async function notifyOnce(orgId: string, key: string) {
  await rt.container.repos.notifications.notify({
    orgId,
    kind: 'need.matched',
    entityId: 'need_01JONCE',
    data: { needId: 'need_01JONCE', title: `Once ${key}`, closesAt: '2030-04-09T12:00:00.000Z' },
    dedupeKey: `once:${key}`,
  });
  return notificationId(orgId, `once:${key}`);
}

describe('exactly one email per notification and person', () => {
  it('plans and sends nothing twice when the stream delivers the same record again, before and after the send', {
    timeout: 90_000,
  }, async () => {
    const r = await reader(rt, 'en');
    const id = await notifyOnce(r.orgId, 'redelivered');
    const record = await insertRecordOf(r.orgId, id, '100');
    // A batch retried whole, and the record twice in it.
    for (let i = 0; i < 3; i++) await processStreamBatch(planConsumer(), [record, record]);
    await rt.mail.dispatcher.run(clock.now());
    await rt.mail.dispatcher.run(clock.now());
    await rt.mail.server.waitFor(r.email, 1);
    // Redelivered after the email went out (a consumer restarted from TRIM_HORIZON).
    await processStreamBatch(planConsumer(), [record]);
    await rt.mail.dispatcher.run(clock.now());
    expect(rt.mail.server.messages(r.email)).toHaveLength(1);
    const mail = await rt.container.mail.repos.outbox.get(mailIds.instant(id, r.userId));
    expect(mail).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends each email once when several senders run at the same moment', { timeout: 90_000 }, async () => {
    const r = await reader(rt, 'zh');
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await notifyOnce(r.orgId, `race-${i}`));
    for (const [i, id] of ids.entries())
      await processStreamBatch(planConsumer(), [await insertRecordOf(r.orgId, id, `${200 + i}`)]);
    const results = await Promise.all([1, 2, 3, 4].map(() => rt.mail.dispatcher.run(clock.now())));
    expect(results.reduce((sum, x) => sum + x.processed, 0)).toBe(12);
    const mails = await rt.mail.server.waitFor(r.email, 12);
    expect(new Set(mails.map((m) => m.headers['message-id'])).size).toBe(12);
    await Promise.all([1, 2].map(() => rt.mail.dispatcher.run(clock.now())));
    expect(rt.mail.server.messages(r.email)).toHaveLength(12);
  });

  it('takes over an email whose sender died mid-send only after its claim lapsed, and sends it once', {
    timeout: 90_000,
  }, async () => {
    const r = await reader(rt, 'mn');
    const id = await notifyOnce(r.orgId, 'lapsed');
    await processStreamBatch(planConsumer(), [await insertRecordOf(r.orgId, id, '300')]);
    const mailId = mailIds.instant(id, r.userId);
    // A sender claims it and is never heard of again.
    expect(await rt.container.mail.repos.outbox.claim(mailId, clock.now(), CLAIM_MS)).not.toBeNull();
    expect(await rt.mail.dispatcher.deliver(mailId)).toBe('not_claimed');
    clock.advance(CLAIM_MS + 1);
    expect(await rt.mail.dispatcher.deliver(mailId)).toBe('sent');
    await rt.mail.server.waitFor(r.email, 1);
    expect(await rt.mail.dispatcher.deliver(mailId)).toBe('not_claimed');
    expect(rt.mail.server.messages(r.email)).toHaveLength(1);
  });
});
