import { createHash } from 'node:crypto';
import type {
  ComposeInput,
  DirectMail,
  EntityNames,
  MailComposer,
  MailedNotification,
  OutgoingMail,
  Recipient,
  UnsubscribeScope,
  UnsubscribeTokens,
} from '@parkbridge/domain/mail';
import type { Lang } from '@parkbridge/domain/shared';
import { bodyKey, KIND_TEMPLATES, pathFor, resolveVar, subjectKey } from './catalogue';
import { formattersFor } from './formatters';
import { fill, TemplateError } from './interpolate';
import { type EmailContent, renderHtml, renderText } from './layout';
import { MESSAGES, type MessageKey } from './messages';

export interface ComposerOptions {
  /** The web app's origin, for links (read per email: locally it is known once the server listens). */
  webOrigin: () => string;
  tokens: UnsubscribeTokens;
}

/** A receiver can tell a repeat by it: one outbox email, one Message-ID. */
export const messageIdOf = (mailId: string) =>
  `<${createHash('sha256').update(mailId).digest('hex').slice(0, 32)}@parkbridge.mail>`;

/**
 * The one template system: every email (each notification kind, the daily digest, invitations)
 * is made here from the catalogue and the messages of the reader's language, laid out once as
 * HTML and once as plain text.
 */
export class TemplateComposer implements MailComposer {
  constructor(private readonly options: ComposerOptions) {}

  compose(input: ComposeInput): OutgoingMail {
    if (input.type === 'direct') return this.direct(input.mail);
    const { recipient } = input;
    const t = MESSAGES[recipient.language];
    const fmt = formattersFor(recipient.language, recipient.timeZone);
    const origin = this.origin();
    const footer = this.footer(recipient, input.type === 'digest' ? 'digest' : input.notification.kind);
    let content: EmailContent;
    let tag: string;
    if (input.type === 'instant') {
      const n = input.notification;
      const line = this.line(n, recipient.language, input.names, fmt);
      const path = pathFor(KIND_TEMPLATES[n.kind].target, n);
      content = {
        lang: recipient.language,
        subject: line.subject,
        greeting: fill(t['mail.greeting'], { name: recipient.name }, 'mail.greeting'),
        paragraphs: [line.body],
        action: path
          ? {
              label: t[`action.${KIND_TEMPLATES[n.kind].target}` as MessageKey],
              url: `${origin}${path}`,
              hint: t['mail.linkHint'],
            }
          : null,
        lines: [],
        footer: footer.content,
      };
      tag = n.kind;
    } else {
      const lines = input.notifications.map((n) => {
        const path = pathFor(KIND_TEMPLATES[n.kind].target, n);
        return {
          text: this.line(n, recipient.language, input.names, fmt).subject,
          url: path ? `${origin}${path}` : null,
        };
      });
      content = {
        lang: recipient.language,
        subject: fill(t['digest.subject'], { date: fmt.date(input.date) }, 'digest.subject'),
        greeting: fill(t['mail.greeting'], { name: recipient.name }, 'mail.greeting'),
        paragraphs: [t['digest.intro']],
        action: { label: t['action.digest'], url: `${origin}/notifications`, hint: t['mail.linkHint'] },
        lines,
        footer: footer.content,
      };
      tag = 'digest';
    }
    return {
      to: { address: recipient.email, name: recipient.name },
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      language: recipient.language,
      headers: footer.headers,
      messageId: messageIdOf(input.mailId),
      tag,
    };
  }

  /** A notification's subject and body in a language; throws when a variable cannot be filled. */
  line(n: MailedNotification, lang: Lang, names: EntityNames, fmt = formattersFor(lang, 'UTC')) {
    const template = KIND_TEMPLATES[n.kind];
    if (!template) throw new TemplateError(`No email template for the notification kind "${n.kind}".`);
    const values: Record<string, string> = {};
    for (const v of template.vars) {
      const value = resolveVar(v, n, names, fmt);
      if (value === null)
        throw new TemplateError(`${n.kind}: {${v}} cannot be filled from ${n.notificationId}.`);
      values[v] = value;
    }
    const t = MESSAGES[lang];
    return {
      subject: fill(t[subjectKey(n.kind)], values, `${lang}:${subjectKey(n.kind)}`),
      body: fill(t[bodyKey(n.kind)], values, `${lang}:${bodyKey(n.kind)}`),
    };
  }

  private direct(mail: DirectMail): OutgoingMail {
    const t = MESSAGES[mail.language];
    const fmt = formattersFor(mail.language, 'UTC');
    const values = { ...mail.vars };
    if (values.expiresAt) values.expiresAt = fmt.dateTime(values.expiresAt);
    if (values.role) values.role = t[`role.${values.role}` as MessageKey] ?? values.role;
    const link = values.link ?? '';
    if (!/^https?:\/\//.test(link))
      throw new TemplateError(`${mail.template}: the link must be an absolute URL.`);
    const content: EmailContent = {
      lang: mail.language,
      subject: fill(t[`${mail.template}.subject` as MessageKey], values, `${mail.template}.subject`),
      greeting: null,
      paragraphs: [fill(t[`${mail.template}.body` as MessageKey], values, `${mail.template}.body`)],
      action: { label: t[`${mail.template}.action` as MessageKey], url: link, hint: t['mail.linkHint'] },
      lines: [],
      footer: { why: null, links: [], signature: t['mail.signature'] },
    };
    return {
      to: { address: mail.to },
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      language: mail.language,
      headers: {},
      messageId: messageIdOf(mail.mailId),
      tag: mail.template,
    };
  }

  /** The footer's links and the RFC 8058 one-click headers, both from one signed token. */
  private footer(recipient: Recipient, scope: UnsubscribeScope) {
    const t = MESSAGES[recipient.language];
    const origin = this.origin();
    const token = encodeURIComponent(this.options.tokens.sign(recipient.userId, scope));
    return {
      headers: {
        'List-Unsubscribe': `<${origin}/v1/email/unsubscribe?token=${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      content: {
        why: t['mail.why'],
        links: [
          {
            label: scope === 'digest' ? t['mail.unsubscribeDigest'] : t['mail.unsubscribe'],
            url: `${origin}/unsubscribe?token=${token}`,
          },
          { label: t['mail.settings'], url: `${origin}/settings` },
        ],
        signature: t['mail.signature'],
      },
    };
  }

  private origin() {
    return this.options.webOrigin().replace(/\/+$/, '');
  }
}
