import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailIds } from '@parkbridge/domain/mail';
import type { CustomMessageTriggerEvent, SNSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable, userWithOrg } from './fixtures/dynamo-table';
import { lambdaContext } from './fixtures/lambda-events';

type Handler<E, R> = (event: E, context: unknown) => Promise<R>;

let table: Awaited<ReturnType<typeof freshTable>>;
let output: ReturnType<typeof captureOutput>;
// SES has no local stand-in: its answers (an accepted message, a rejected address) are mocked here.
const ses = mockClient(SESv2Client);
let customMessage: Handler<CustomMessageTriggerEvent, CustomMessageTriggerEvent>;
let sesEvents: Handler<SNSEvent, { suppressed: number }>;
let dispatch: Handler<unknown, { processed: number }>;

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
  Object.assign(process.env, table.env, {
    PARKBRIDGE_MAIL_SECRET: 'functions-test-mail-secret-0123456789',
    PARKBRIDGE_MAIL_FROM: 'no-reply@mail.parkbridge.example',
    PARKBRIDGE_SES_CONFIGURATION_SET: 'parkbridge-test',
    PARKBRIDGE_WEB_ORIGIN: 'https://market.parkbridge.example',
  });
  customMessage = (await import('../../functions/auth/custom-message')).handler as never;
  sesEvents = (await import('../../functions/mail/ses-events')).handler as never;
  dispatch = (await import('../../functions/mail/dispatch')).handler as never;
});
afterAll(() => {
  output.restore();
  ses.restore();
  table.close();
});

const cognitoEvent = (
  triggerSource: CustomMessageTriggerEvent['triggerSource'],
  userAttributes: Record<string, string>,
): CustomMessageTriggerEvent =>
  ({
    version: '1',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_x',
    userName: 'u',
    callerContext: { awsSdkVersion: '3', clientId: 'c' },
    triggerSource,
    request: {
      userAttributes,
      codeParameter: '{####}',
      usernameParameter: '{username}',
      linkParameter: '{##Click##}',
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  }) as unknown as CustomMessageTriggerEvent;

describe('the Cognito custom message trigger', () => {
  it('words a password reset in the language the person chose, keeping Cognito’s code placeholder', async () => {
    const person = await userWithOrg(table.container, ['supplier']);
    await table.container.mail.repos.people.save({ userId: person.userId, language: 'fa', email: {} }, null, {
      action: 'test',
      actor: { userId: 'test', orgId: null },
      before: null,
      after: null,
    });
    const res = await customMessage(
      cognitoEvent('CustomMessage_ForgotPassword', { email: person.email }),
      lambdaContext(),
    );
    expect(res.response.emailSubject).toBe('بازنشانی گذرواژهٔ پارک‌بریج');
    expect(res.response.emailMessage).toContain('{####}');
    expect(res.response.emailMessage).toContain('dir="rtl"');
  });

  it('falls back to the locale of a new sign-up, then to English, and keeps {username} for invitations', async () => {
    const vi = await customMessage(
      cognitoEvent('CustomMessage_SignUp', { email: 'new@firm.example', locale: 'vi-VN' }),
      lambdaContext(),
    );
    expect(vi.response.emailSubject).toBe('Mã xác minh Parkbridge của bạn');
    const en = await customMessage(
      cognitoEvent('CustomMessage_AdminCreateUser', { email: 'x@firm.example' }),
      lambdaContext(),
    );
    expect(en.response.emailMessage).toContain('{username}');
    expect(en.response.emailMessage).toContain('{####}');
    expect(en.response.emailSubject).toBe('Your Parkbridge account');
  });
});

describe('the SES events function', () => {
  it('suppresses a permanently bounced address once, however often SNS delivers it, and tells its organisation', async () => {
    const person = await userWithOrg(table.container, ['supplier']);
    const message = JSON.stringify({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: person.email }],
      },
      mail: { messageId: 'ses-1' },
    });
    const event = { Records: [{ EventSource: 'aws:sns', Sns: { Message: message } }] } as unknown as SNSEvent;
    expect(await sesEvents(event, lambdaContext())).toEqual({ suppressed: 1 });
    expect(await sesEvents(event, lambdaContext())).toEqual({ suppressed: 0 });
    expect(await table.container.mail.repos.suppressions.get(person.email)).toMatchObject({
      reason: 'bounce',
    });
    const notes = await table.container.repos.notifications.list(person.orgId!, { limit: 10 });
    expect(notes.items.filter((n) => n.kind === 'email.suppressed')).toHaveLength(1);
  });
});

describe('the mail sender', () => {
  it('hands SES v2 the raw MIME message with the configuration set, and suppresses an address SES rejects', async () => {
    const ok = await userWithOrg(table.container, ['supplier']);
    const rejected = await userWithOrg(table.container, ['supplier']);
    ses.reset();
    ses.on(SendEmailCommand).callsFake(async (input) => {
      const to = input.Destination?.ToAddresses?.[0];
      if (to === rejected.email)
        throw Object.assign(new Error('Address blacklisted.'), { name: 'MessageRejected' });
      return { MessageId: `ses-${to}` };
    });
    for (const person of [ok, rejected]) {
      await table.container.mail.messages.send({
        template: 'invitation',
        to: person.email,
        language: 'mn',
        vars: {
          orgName: 'Darkhan Leather',
          role: 'seller',
          inviterName: 'Bat',
          link: 'https://market.parkbridge.example/invitations/inv_1',
          expiresAt: '2030-01-08T00:00:00.000Z',
        },
        dedupeKey: `inv-${person.userId}`,
      });
    }
    expect(await dispatch({ job: 'mail.dispatch' }, lambdaContext('mail-sender', 60_000))).toEqual({
      processed: 2,
    });
    const calls = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    const sent = calls.find((c) => c.Destination?.ToAddresses?.[0] === ok.email)!;
    expect(sent.ConfigurationSetName).toBe('parkbridge-test');
    expect(sent.EmailTags).toEqual([{ Name: 'kind', Value: 'invitation' }]);
    const raw = Buffer.from(sent.Content!.Raw!.Data as Uint8Array).toString('utf8');
    expect(raw).toMatch(/^From: Parkbridge <no-reply@mail\.parkbridge\.example>/m);
    expect(raw).toContain('multipart/alternative');
    expect(raw).toContain('Content-Language: mn');
    const delivered = await table.container.mail.repos.outbox.get(mailIds.direct(`inv-${ok.userId}`));
    expect(delivered).toMatchObject({ status: 'sent' });
    // nodemailer hands SES's message id back as a Message-ID (<id@region.amazonses.com>).
    expect(delivered?.providerMessageId).toContain(`ses-${ok.email}`);
    expect(
      await table.container.mail.repos.outbox.get(mailIds.direct(`inv-${rejected.userId}`)),
    ).toMatchObject({
      status: 'bounced',
    });
    expect(await table.container.mail.repos.suppressions.get(rejected.email)).toMatchObject({
      reason: 'bounce',
    });
  });
});
