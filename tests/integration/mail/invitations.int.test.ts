import { fixedClock } from '@parkbridge/domain/core';
import { mailIds } from '@parkbridge/domain/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

const clock = fixedClock('2030-07-01T09:00:00.000Z');
let rt: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ clock, mail: { refuse: ['gone@bounce.parkbridge.test'] } });
});
afterAll(() => rt.stop());

const invitation = (to: string, key: string) =>
  rt.container.mail.messages.send({
    template: 'invitation',
    to,
    language: 'fa',
    vars: {
      orgName: 'Alborz Steel',
      role: 'buyer',
      inviterName: 'Reza',
      link: 'https://market.parkbridge.example/invitations/inv_1',
      expiresAt: '2030-07-08T09:00:00.000Z',
    },
    dedupeKey: key,
  });

// The teams work's invitations go to addresses with no account yet: the same outbox, templates,
// SMTP transport and suppression as notifications (issue point 7).
describe('an invitation (a message that is not a notification)', () => {
  it('arrives once through the local SMTP server, in the language asked for, with its link and no unsubscribe', async () => {
    const to = 'New.Colleague@Firm.example';
    expect(await invitation(to, 'inv_1')).toBe(true);
    expect(await invitation(to, 'inv_1')).toBe(false); // the same invitation queued again
    await rt.mail.dispatcher.run(clock.now());
    await rt.mail.dispatcher.run(clock.now());
    const [mail, ...more] = rt.mail.server.messages('new.colleague@firm.example');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toContain('Alborz Steel');
    expect(mail!.html).toContain('dir="rtl"');
    expect(mail!.text).toContain('https://market.parkbridge.example/invitations/inv_1');
    expect(mail!.headers['list-unsubscribe']).toBeUndefined();
    expect(await rt.container.mail.repos.outbox.get(mailIds.direct('inv_1'))).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('is not retried to an address the server refused for good', async () => {
    await invitation('gone@bounce.parkbridge.test', 'inv_2');
    await rt.mail.dispatcher.run(clock.now());
    clock.advance(86_400_000);
    await rt.mail.dispatcher.run(clock.now());
    expect(rt.mail.server.refusals('gone@bounce.parkbridge.test')).toHaveLength(1);
    expect(await rt.container.mail.repos.outbox.get(mailIds.direct('inv_2'))).toMatchObject({
      status: 'bounced',
    });
  });
});

describe('an invitation an admin sends', () => {
  it('reaches the invited address once, in the firm country’s language, with a link that lets them accept', async () => {
    rt.mail.useWebOrigin('https://app.parkbridge.test');
    const firm = await rt.firm({ kinds: ['tenant'], country: 'IR' });
    const email = rt.unique('invitee');
    const res = await rt.call('POST', `/v1/orgs/${firm.orgId}/invitations`, {
      token: firm.token,
      body: { email, role: 'buyer' },
    });
    expect(res.status).toBe(201);
    await rt.mail.dispatcher.run(clock.now());
    await rt.mail.dispatcher.run(clock.now());
    const [mail, ...more] = rt.mail.server.messages(email.toLowerCase());
    expect(more).toHaveLength(0);
    expect(mail!.html).toContain('dir="rtl"');
    const link = /https:\/\/app\.parkbridge\.test\/invitations\/([\w-]+)\?token=([\w-]+)/.exec(mail!.text);
    expect(link?.[1]).toBe(res.body.invitationId);
    // The link's secret is the proof: accepting with it joins the firm with the role invited.
    const token = await rt.login(email);
    const joined = await rt.call('POST', `/v1/invitations/${link![1]}/accept`, {
      token,
      body: { token: link![2] },
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ role: 'buyer' });
  });
});
