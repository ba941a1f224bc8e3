import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { transact } from '@parkbridge/db';
import { notificationWrites } from '@parkbridge/db/notifications';
import { DomainError, fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meter } from '../../perf/support/metering';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

const clock = fixedClock('2026-03-01T08:00:00.000Z');
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
});
afterAll(() => rt.stop());

const list = async (token: string, query = '') =>
  (await rt.call('GET', `/v1/notifications${query}`, { token })).body as {
    items: {
      notificationId: string;
      kind: string;
      entityId: string;
      readAt: string | null;
      createdAt: string;
    }[];
    nextCursor: string | null;
  };

const draft = (orgId: string, dedupeKey: string, kind = 'membership.approved') => ({
  orgId,
  kind,
  entityId: 'park_1',
  data: { parkName: 'Eshtehard' },
  dedupeKey,
});

describe('delivery', () => {
  it('delivers once per dedupe key: a repeated notify writes nothing and says so', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    expect(await rt.container.repos.notifications.notify(draft(firm.orgId, 'approved:park_1'))).toBe(true);
    expect(await rt.container.repos.notifications.notify(draft(firm.orgId, 'approved:park_1'))).toBe(false);
    const page = await list(firm.token);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'membership.approved', entityId: 'park_1', readAt: null });
  });

  it('delivers once per dedupe key through notificationWrites in a transaction', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    const first = notificationWrites(rt.db, draft(firm.orgId, 'award:need_1', 'bid.awarded'), clock.now());
    await transact(rt.db, first.items);
    clock.advance(1000);
    const again = notificationWrites(rt.db, draft(firm.orgId, 'award:need_1', 'bid.awarded'), clock.now());
    expect(again.id).toBe(first.id);
    const err = await transact(rt.db, again.items).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('notification.duplicate');
    expect((await list(firm.token)).items.map((n) => n.notificationId)).toEqual([first.id]);
  });

  it('writes no notification when the change it rides with is refused', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    const n = notificationWrites(rt.db, draft(firm.orgId, 'refused'), clock.now());
    const failing = {
      item: {
        ConditionCheck: {
          TableName: rt.tableName,
          Key: { pk: 'NOTHING', sk: 'HERE' },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    };
    await expect(transact(rt.db, [...n.items, failing])).rejects.toThrow();
    expect((await list(firm.token)).items).toEqual([]);
    // The key was not used up: the same notification can still be delivered.
    expect(await rt.container.repos.notifications.notify(draft(firm.orgId, 'refused'))).toBe(true);
  });

  it('keeps dedupe keys per organisation', async () => {
    const a = await rt.firm({ kinds: ['tenant'] });
    const b = await rt.firm({ kinds: ['tenant'] });
    expect(await rt.container.repos.notifications.notify(draft(a.orgId, 'same-key'))).toBe(true);
    expect(await rt.container.repos.notifications.notify(draft(b.orgId, 'same-key'))).toBe(true);
    expect((await list(a.token)).items).toHaveLength(1);
    expect((await list(b.token)).items).toHaveLength(1);
  });
});

describe('reading', () => {
  it('lists newest first, and pages through nextCursor', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    for (const key of ['first', 'second', 'third']) {
      clock.advance(60_000);
      await rt.container.repos.notifications.notify(draft(firm.orgId, key, `test.${key}`));
    }
    expect((await list(firm.token)).items.map((n) => n.kind)).toEqual([
      'test.third',
      'test.second',
      'test.first',
    ]);
    const kinds: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(firm.token, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      kinds.push(...page.items.map((n) => n.kind));
      cursor = page.nextCursor;
    } while (cursor);
    expect(kinds).toEqual(['test.third', 'test.second', 'test.first']);
  });

  it('lists only unread ones with unread=true', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    for (const key of ['a', 'b', 'c']) {
      clock.advance(1000);
      await rt.container.repos.notifications.notify(draft(firm.orgId, key, `test.${key}`));
    }
    const all = await list(firm.token);
    const b = all.items.find((n) => n.kind === 'test.b')!;
    expect(
      (await rt.call('POST', `/v1/notifications/${b.notificationId}/read`, { token: firm.token })).status,
    ).toBe(200);
    expect((await list(firm.token, '?unread=true')).items.map((n) => n.kind)).toEqual(['test.c', 'test.a']);
    expect((await list(firm.token, '?unread=false')).items).toHaveLength(3);
  });

  it('reads only the unread ones for unread=true, however long the history, and lets all expire after a year', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    const ids: string[] = [];
    for (let k = 0; k < 30; k++) {
      clock.advance(1000);
      await rt.container.repos.notifications.notify(draft(firm.orgId, `h${k}`, 'test.history'));
    }
    for (const n of (await list(firm.token, '?limit=100')).items) ids.push(n.notificationId);
    for (const id of ids.slice(2))
      await rt.call('POST', `/v1/notifications/${id}/read`, { token: firm.token });
    const meter = Meter.attach(rt.db.doc);
    const { calls } = await meter.during(() =>
      rt.container.repos.notifications.list(firm.orgId, { limit: 20 }, true),
    );
    // Two unread among thirty: the sparse index holds two items, so two are evaluated.
    expect(calls.reduce((n, c) => n + c.itemsRead, 0)).toBe(2);
    const stored = await rt.db.doc.send(
      new QueryCommand({
        TableName: rt.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ORG#${firm.orgId}#NOTIF` },
      }),
    );
    const year = 365 * 24 * 3600;
    for (const item of stored.Items ?? [])
      expect(item.ttl).toBe(Math.floor(Date.parse(String(item.createdAt)) / 1000) + year);
  });

  it('sets readAt on the first read only', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    await rt.container.repos.notifications.notify(draft(firm.orgId, 'once'));
    const [n] = (await list(firm.token)).items;
    clock.set('2026-04-01T10:00:00.000Z');
    const first = await rt.call('POST', `/v1/notifications/${n!.notificationId}/read`, { token: firm.token });
    expect(first.status).toBe(200);
    expect(first.body.readAt).toBe('2026-04-01T10:00:00.000Z');
    clock.set('2026-04-02T10:00:00.000Z');
    const second = await rt.call('POST', `/v1/notifications/${n!.notificationId}/read`, {
      token: firm.token,
    });
    expect(second.body.readAt).toBe('2026-04-01T10:00:00.000Z');
    expect((await list(firm.token)).items[0]?.readAt).toBe('2026-04-01T10:00:00.000Z');
  });

  it('refuses a user without an organisation (403)', async () => {
    const token = await rt.login(rt.unique('newcomer'));
    expect((await rt.call('GET', '/v1/notifications', { token })).status).toBe(403);
  });

  it('refuses an unread filter that is not true or false (400)', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    expect((await rt.call('GET', '/v1/notifications?unread=yes', { token: firm.token })).status).toBe(400);
  });
});
