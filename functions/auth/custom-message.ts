import { randomBytes } from 'node:crypto';
import { parseRuntimeConfig } from '@parkbridge/config';
import { createDb, createDocumentClient } from '@parkbridge/db';
import { DynamoMailPeople } from '@parkbridge/db/mail';
import { Lang } from '@parkbridge/domain/shared';
import { type AccountMessage, accountEmail } from '@parkbridge/mail/templates';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { instrument, logger, tracer } from '../shared/observability';

/**
 * Cognito's custom message trigger: its own emails (verification codes, password resets,
 * temporary passwords) in the person's language and Parkbridge's layout, from the same template
 * system as every other email. The language is the one the person chose in Parkbridge, else the
 * `locale` they signed up with, else English.
 */
// The trigger never issues a pagination cursor, so it needs no access to the cursor secret.
const config = parseRuntimeConfig(process.env, { cursorSecret: randomBytes(24).toString('hex') });
const db = createDb({
  tableName: config.tableName,
  cursorSecret: config.cursorSecret,
  doc: tracer.captureAWSv3Client(createDocumentClient({ endpoint: config.dynamoEndpoint })),
});
const people = new DynamoMailPeople(db);

const MESSAGES: Partial<Record<CustomMessageTriggerEvent['triggerSource'], AccountMessage>> = {
  CustomMessage_SignUp: 'verify',
  CustomMessage_ResendCode: 'verify',
  CustomMessage_UpdateUserAttribute: 'verify',
  CustomMessage_VerifyUserAttribute: 'verify',
  CustomMessage_ForgotPassword: 'reset',
  CustomMessage_AdminCreateUser: 'welcome',
  CustomMessage_Authentication: 'signIn',
};

export async function languageOf(attributes: Record<string, string>): Promise<Lang> {
  const person = attributes.email ? await people.byEmail(attributes.email) : null;
  if (person) {
    const record = await people.get(person.userId);
    if (record?.preferences?.language) return record.preferences.language;
    if (person.lang) return person.lang;
  }
  const locale = Lang.safeParse((attributes.locale ?? '').toLowerCase().split(/[-_]/)[0]);
  return locale.success ? locale.data : 'en';
}

export const handler = instrument<CustomMessageTriggerEvent, CustomMessageTriggerEvent>(async (event) => {
  const message = MESSAGES[event.triggerSource];
  if (!message) return event;
  const lang = await languageOf(event.request.userAttributes);
  // Cognito fills its own placeholders after the trigger: they must stand in the message as given.
  const email = accountEmail(message, lang, {
    code: event.request.codeParameter ?? '{####}',
    username: event.request.usernameParameter ?? '{username}',
  });
  event.response.emailSubject = email.subject;
  event.response.emailMessage = email.html;
  logger.info('Custom message', { triggerSource: event.triggerSource, lang });
  return event;
});
