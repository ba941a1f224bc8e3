import type { Lang } from '@parkbridge/domain/shared';
import { fill } from './interpolate';
import { renderHtml } from './layout';
import { MESSAGES } from './messages';

/** The emails Cognito sends itself (codes, temporary passwords), in our words and layout. */
export type AccountMessage = 'verify' | 'reset' | 'welcome' | 'signIn';

/**
 * `code` and `username` are whatever Cognito wants in their place: its custom message trigger
 * passes its own placeholders ({####}, {username}), which it fills after the trigger returns.
 */
export function accountEmail(
  message: AccountMessage,
  lang: Lang,
  values: { code: string; username?: string },
): { subject: string; html: string } {
  const t = MESSAGES[lang];
  const subject = t[`account.${message}.subject`];
  const body = fill(t[`account.${message}.body`], values, `account.${message}.body`);
  return {
    subject,
    html: renderHtml({
      lang,
      subject,
      greeting: null,
      paragraphs: [body],
      action: null,
      lines: [],
      footer: { why: null, links: [], signature: t['mail.signature'] },
    }),
  };
}
