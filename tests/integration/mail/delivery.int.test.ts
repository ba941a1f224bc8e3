import { fixedClock } from '@parkbridge/domain/core';
import type { MailedNotification } from '@parkbridge/domain/mail';
import { NOTIFICATION_KINDS, type NotificationKind } from '@parkbridge/domain/notifications';
import { LANGS, type Lang } from '@parkbridge/domain/shared';
import type { ReceivedMail } from '@parkbridge/mail/local';
import { formattersFor, TemplateComposer } from '@parkbridge/mail/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { HOSTILE_TITLE, linksOf, mailWorld, reader, unsubscribeOf, WEB_ORIGIN } from './support/mail-world';

const clock = fixedClock('2030-03-01T06:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof mailWorld>>;
let readers: Awaited<ReturnType<typeof reader>>[];

beforeAll(async () => {
  rt = await startTestRuntime({ clock, jobs: true, mail: { webOrigin: WEB_ORIGIN, dispatchEveryMs: 250 } });
  world = await mailWorld(rt, clock);
  readers = await Promise.all(LANGS.map((lang) => reader(rt, lang)));
}, 120_000);
afterAll(() => rt.stop());

/** What each kind's notification carries, pointing at the world's real need, deal and expo. */
function dataFor(kind: NotificationKind): { entityId: string; data: Record<string, unknown> } {
  const { needId, dealId, expoId, slot } = world;
  const booking = {
    bookingId: 'bkg_01JTEST',
    expoId,
    slotId: slot.slotId,
    slotCode: slot.code,
    expiresAt: '2030-03-01T09:15:00.000Z',
  };
  if (kind.startsWith('deal.'))
    return { entityId: dealId, data: { dealId, needId, reason: 'Found it nearer' } };
  if (kind.startsWith('booking.')) return { entityId: booking.bookingId, data: booking };
  if (kind.startsWith('offering.'))
    return {
      entityId: 'off_01JTEST',
      data: { offeringId: 'off_01JTEST', title: 'Former dairy line', reason: 'Needed for a road' },
    };
  if (kind === 'email.suppressed')
    return {
      entityId: 'usr_x',
      data: { userId: 'usr_x', name: 'Reza', email: 'reza@example.org', reason: 'bounce' },
    };
  return {
    entityId: needId,
    data: {
      needId,
      dealId: kind === 'bid.won' ? dealId : undefined,
      closesAt: '2030-03-09T12:00:00.000Z',
      reason: 'Thicker coil',
      bids: 2,
    },
  };
}

describe('an email for every notification kind', () => {
  const sent: { kind: NotificationKind; readerIndex: number; notificationId: string }[] = [];
  const received = new Map<NotificationKind, ReceivedMail>();

  beforeAll(async () => {
    for (const [i, kind] of NOTIFICATION_KINDS.entries()) {
      const r = readers[i % readers.length]!;
      const { entityId, data } = dataFor(kind);
      await rt.container.repos.notifications.notify({
        orgId: r.orgId,
        kind,
        entityId,
        data,
        dedupeKey: `every-kind:${kind}`,
      });
      sent.push({ kind, readerIndex: i % readers.length, notificationId: '' });
    }
    for (const [i, r] of readers.entries()) {
      const expected = sent.filter((s) => s.readerIndex === i).map((s) => s.kind);
      const mails = await rt.mail.server.waitFor(r.email, expected.length, 90_000);
      for (const kind of expected) {
        const { subject } = await expectedLine(kind, r);
        const mail = mails.find((m) => m.subject === subject);
        if (mail) received.set(kind, mail);
      }
    }
  }, 180_000);

  it.for(NOTIFICATION_KINDS)(
    '%s arrives once, in its reader’s language, naming its subject, with a link to it',
    async (kind) => {
      const i = NOTIFICATION_KINDS.indexOf(kind);
      const r = readers[i % readers.length]!;
      const expected = await expectedLine(kind, r);
      const mail = received.get(kind);
      expect(mail, `no email with the subject “${expected.subject}”`).toBeDefined();
      if (!mail) return;
      expect(mail.headers['content-language']).toBe(r.language);
      expect(mail.to).toEqual([r.email]);
      expect(mail.text).toContain(expected.body);
      const link = linksOf(mail)[0]!;
      expect(link.startsWith(`${WEB_ORIGIN}/`)).toBe(true);
      const path = new URL(link).pathname;
      if (path.startsWith('/needs/')) expect(path).toBe(`/needs/${world.needId}`);
      if (path.startsWith('/deals/')) expect(path).toBe(`/deals/${world.dealId}`);
      expect(unsubscribeOf(mail).token).toMatch(/^u1\./);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      // Exactly one email for this notification.
      expect(rt.mail.server.messages(r.email).filter((m) => m.subject === expected.subject)).toHaveLength(1);
    },
  );

  it('links to pages that exist: the need and the deal open for the parties', async () => {
    expect((await rt.call('GET', `/v1/needs/${world.needId}`, { token: world.supplier.token })).status).toBe(
      200,
    );
    expect((await rt.call('GET', `/v1/deals/${world.dealId}`, { token: world.supplier.token })).status).toBe(
      200,
    );
    expect((await rt.call('GET', `/v1/expos/${world.expoId}`, { token: world.supplier.token })).status).toBe(
      200,
    );
  });

  it('escapes what a person typed in the HTML and keeps it as text in the plain part', () => {
    const mail = received.get('need.matched')!;
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain(HOSTILE_TITLE);
  });

  it('writes Persian right to left', () => {
    const fa = readers.findIndex((r) => r.language === 'fa');
    const mail = received.get(NOTIFICATION_KINDS[fa]!)!;
    expect(mail.html).toContain('<html lang="fa" dir="rtl">');
  });
});

describe('one-click unsubscribe from an email', () => {
  it('turns that kind off without a login, as a mail client posts it (RFC 8058), and no such email follows', {
    timeout: 120_000,
  }, async () => {
    const r = await reader(rt, 'vi');
    const { entityId, data } = dataFor('bid.lost');
    await rt.container.repos.notifications.notify({
      orgId: r.orgId,
      kind: 'bid.lost',
      entityId,
      data,
      dedupeKey: 'u:1',
    });
    const [mail] = await rt.mail.server.waitFor(r.email, 1);
    const { path } = unsubscribeOf(mail!);
    const res = await rt.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ scope: 'bid.lost', language: 'vi', off: true });
    expect((await rt.call('GET', '/v1/me', { token: r.token })).body.email['bid.lost']).toBe('off');
    // Another kind still arrives; the one turned off does not, though written first.
    await rt.container.repos.notifications.notify({
      orgId: r.orgId,
      kind: 'bid.lost',
      entityId,
      data,
      dedupeKey: 'u:2',
    });
    await rt.container.repos.notifications.notify({
      orgId: r.orgId,
      kind: 'bid.outbid',
      entityId,
      data,
      dedupeKey: 'u:3',
    });
    const after = await rt.mail.server.waitFor(r.email, 2);
    expect(after).toHaveLength(2);
    expect(after[1]!.subject).toContain('giá tốt hơn');
  });
});

/** The subject and body the reader must get, from the same templates, in their language and zone. */
async function expectedLine(kind: NotificationKind, r: { orgId: string; language: Lang }) {
  const n = notification(kind, r.orgId);
  const names = await rt.container.mail.repos.names.namesFor([n]);
  const composer = new TemplateComposer({ webOrigin: () => WEB_ORIGIN, tokens: rt.mail.tokens });
  return composer.line(n, r.language, names, formattersFor(r.language, 'Asia/Tehran'));
}

function notification(kind: NotificationKind, orgId: string): MailedNotification {
  return { notificationId: 'n', orgId, kind, ...dataFor(kind), createdAt: '2030-03-01T09:00:00.000Z' };
}
