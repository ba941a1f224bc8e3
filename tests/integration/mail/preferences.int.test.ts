import { NOTIFICATION_KINDS } from '@parkbridge/domain/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

describe('GET /v1/me', () => {
  it('fills in sensible defaults: the firm country’s language and zone, matches and deal messages at once, the rest daily', async () => {
    const firm = await rt.firm({ kinds: ['supplier'], country: 'VN' });
    const me = await rt.call('GET', '/v1/me', { token: firm.token });
    expect(me.status).toBe(200);
    expect(me.headers.get('etag')).toBe('"v0"');
    expect(me.headers.get('cache-control')).toContain('no-store');
    expect(me.body).toMatchObject({
      emailAddress: firm.email,
      orgId: firm.orgId,
      language: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      emailSuppressed: null,
    });
    expect(Object.keys(me.body.email).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(me.body.email['need.matched']).toBe('instant');
    expect(me.body.email['deal.message']).toBe('instant');
    expect(me.body.email['bid.lost']).toBe('daily');
    expect(me.body.email['booking.confirmed']).toBe('daily');
  });

  it('answers 401 without a token', async () => {
    expect((await rt.call('GET', '/v1/me')).status).toBe(401);
  });
});

describe('PATCH /v1/me', () => {
  it('changes name, language, time zone and single kinds, keeps the rest, and versions the change', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    const res = await rt.call('PATCH', '/v1/me', {
      token: firm.token,
      headers: { 'if-match': '"v0"' },
      body: {
        name: 'Reza Karimi',
        language: 'zh',
        timeZone: 'Asia/Shanghai',
        email: { 'bid.lost': 'off', 'need.closed': 'instant' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toMatchObject({ name: 'Reza Karimi', language: 'zh', timeZone: 'Asia/Shanghai' });
    expect(res.body.email).toMatchObject({
      'bid.lost': 'off',
      'need.closed': 'instant',
      'need.matched': 'instant',
      'bid.won': 'daily',
    });
    const again = await rt.call('PATCH', '/v1/me', {
      token: firm.token,
      body: { email: { 'bid.lost': 'daily' } },
    });
    expect(again.body).toMatchObject({ name: 'Reza Karimi', language: 'zh' });
    expect(again.body.email['bid.lost']).toBe('daily');
    expect(again.body.email['need.closed']).toBe('instant');
    // The name is the person's everywhere, not a setting beside it.
    expect((await rt.container.repos.users.getByEmail(firm.email))?.name).toBe('Reza Karimi');
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    await rt.call('PATCH', '/v1/me', { token: firm.token, body: { language: 'fa' } });
    const stale = await rt.call('PATCH', '/v1/me', {
      token: firm.token,
      headers: { 'if-match': '"v0"' },
      body: { language: 'mn' },
    });
    expect(stale.status).toBe(412);
    expect((await rt.call('GET', '/v1/me', { token: firm.token })).body.language).toBe('fa');
  });

  it('refuses an unknown kind, an unknown mode, a made-up zone and an empty body, naming the field', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    const bad = async (body: unknown) => rt.call('PATCH', '/v1/me', { token: firm.token, body });
    const kind = await bad({ email: { 'need.invented': 'off' } });
    expect(kind.status).toBe(400);
    expect(kind.body.errors.map((e: { path: string }) => e.path).join()).toContain('email');
    const mode = await bad({ email: { 'need.matched': 'weekly' } });
    expect(mode.status).toBe(400);
    expect(mode.body.errors[0].path).toBe('email.need.matched');
    expect((await bad({ timeZone: 'Mars/Olympus' })).body.errors[0].path).toBe('timeZone');
    expect((await bad({ language: 'de' })).body.errors[0].path).toBe('language');
    expect((await bad({})).status).toBe(400);
    expect((await bad({ name: 'x', extra: 1 })).status).toBe(400);
    expect((await rt.call('GET', '/v1/me', { token: firm.token })).headers.get('etag')).toBe('"v0"');
  });

  it('keeps an audit trail of the changes, hash-chained', async () => {
    const firm = await rt.firm({ kinds: ['tenant'] });
    await rt.call('PATCH', '/v1/me', { token: firm.token, body: { language: 'fa' } });
    await rt.call('PATCH', '/v1/me', { token: firm.token, body: { email: { 'bid.won': 'instant' } } });
    const me = (await rt.call('GET', '/v1/me', { token: firm.token })).body;
    const trail = await rt.container.repos.audit.list(`${me.userId}#settings`, { limit: 10 });
    expect(trail.items.map((r: { action: string }) => r.action)).toEqual([
      'person.settings_changed',
      'person.settings_changed',
    ]);
  });
});

describe('unsubscribe links', () => {
  it('show what they turn off and in which language, without a login, and turn it off once posted', async () => {
    const firm = await rt.firm({ kinds: ['supplier'], country: 'MN' });
    const me = (await rt.call('GET', '/v1/me', { token: firm.token })).body;
    const token = rt.mail.tokens.sign(me.userId, 'need.matched');
    const preview = await rt.call('GET', `/v1/email/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ scope: 'need.matched', language: 'mn', off: false });
    // The GET changed nothing (a mail scanner that follows links unsubscribes nobody).
    expect((await rt.call('GET', '/v1/me', { token: firm.token })).body.email['need.matched']).toBe(
      'instant',
    );
    const post = await rt.call('POST', `/v1/email/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ scope: 'need.matched', language: 'mn', off: true });
    expect((await rt.call('GET', '/v1/me', { token: firm.token })).body.email['need.matched']).toBe('off');
    // Twice is fine.
    expect((await rt.call('POST', `/v1/email/unsubscribe?token=${encodeURIComponent(token)}`)).status).toBe(
      200,
    );
  });

  it('turn every daily kind off for a digest link, and leave instant ones', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    const me = (await rt.call('GET', '/v1/me', { token: firm.token })).body;
    const token = encodeURIComponent(rt.mail.tokens.sign(me.userId, 'digest'));
    expect((await rt.call('POST', `/v1/email/unsubscribe?token=${token}`)).status).toBe(200);
    const after = (await rt.call('GET', '/v1/me', { token: firm.token })).body.email as Record<
      string,
      string
    >;
    expect(Object.values(after)).not.toContain('daily');
    expect(after['need.matched']).toBe('instant');
    expect(after['bid.lost']).toBe('off');
  });

  it('answer 404 to a forged or altered token and 400 to a missing one, changing nothing', async () => {
    const firm = await rt.firm({ kinds: ['supplier'] });
    const me = (await rt.call('GET', '/v1/me', { token: firm.token })).body;
    const token = rt.mail.tokens.sign(me.userId, 'bid.lost');
    const [v, payload, mac] = token.split('.');
    const otherScope = `${v}.${Buffer.from(`${me.userId} need.matched`).toString('base64url')}.${mac}`;
    for (const t of [
      otherScope,
      `${v}.${payload}.${'A'.repeat(mac!.length)}`,
      'u1.bm9ib2R5.xxxxxxxxxxxxxxxxxxxxxxxx',
    ]) {
      const res = await rt.call('POST', `/v1/email/unsubscribe?token=${encodeURIComponent(t)}`);
      expect(res.status, t).toBe(404);
    }
    expect((await rt.call('POST', '/v1/email/unsubscribe')).status).toBe(400);
    expect((await rt.call('GET', '/v1/me', { token: firm.token })).body.email['need.matched']).toBe(
      'instant',
    );
  });
});
