import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { MailRefused, type MailSender, type OutgoingMail } from '@parkbridge/domain/mail';
import nodemailer, { type Transporter } from 'nodemailer';

export interface SenderIdentity {
  /** The From address (a verified SES identity in AWS). */
  from: string;
  /** The From display name. @default 'Parkbridge' */
  fromName?: string;
}

/**
 * Nothing from a person's text may make a header of its own: a name or title carrying CR/LF
 * (`Eve\r\nBcc: all@…`) is flattened to one line before it nears a header.
 */
export const singleLine = (s: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  s.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

/**
 * One way to send, whatever carries it: nodemailer builds the MIME message (text and HTML parts,
 * headers, encodings) the same way for both transports, so what the local SMTP server receives in
 * the tests is byte for byte what SES sends in AWS.
 */
export class NodemailerSender implements MailSender {
  constructor(
    private readonly transport: Transporter,
    private readonly identity: SenderIdentity,
    /** SES only: the configuration set whose event destinations report bounces and complaints. */
    private readonly ses?: { configurationSetName?: string | undefined },
  ) {}

  async send(mail: OutgoingMail): Promise<{ providerMessageId: string }> {
    const headers = Object.fromEntries(
      Object.entries(mail.headers).map(([k, v]) => [singleLine(k), singleLine(v)]),
    );
    try {
      const info = await this.transport.sendMail({
        from: { name: singleLine(this.identity.fromName ?? 'Parkbridge'), address: this.identity.from },
        to: { name: singleLine(mail.to.name ?? ''), address: mail.to.address },
        subject: singleLine(mail.subject),
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { ...headers, 'Content-Language': mail.language },
        // Never more than the one address the outbox names, whatever the headers say.
        envelope: { from: this.identity.from, to: [mail.to.address] },
        ...(this.ses
          ? {
              ses: {
                ...(this.ses.configurationSetName
                  ? { ConfigurationSetName: this.ses.configurationSetName }
                  : {}),
                EmailTags: [{ Name: 'kind', Value: mail.tag.replace(/[^A-Za-z0-9_-]/g, '_') }],
              },
            }
          : {}),
      });
      return { providerMessageId: String((info as { messageId?: string }).messageId ?? mail.messageId) };
    } catch (err) {
      throw classify(err);
    }
  }

  close() {
    this.transport.close();
  }
}

/**
 * SMTP replies 5xx for what will never work (no such mailbox, refused), 4xx for what may work
 * later; SES answers "MessageRejected" for an address on its account-level suppression list.
 */
function classify(err: unknown): MailRefused | unknown {
  const e = err as { responseCode?: number; name?: string; message?: string; code?: string };
  if (typeof e.responseCode === 'number') {
    return new MailRefused(
      e.message ?? `SMTP ${e.responseCode}`,
      e.responseCode >= 500 && e.responseCode < 600,
    );
  }
  if (e.name === 'MessageRejected') return new MailRefused(e.message ?? 'MessageRejected', true);
  return err;
}

/** Locally: SMTP to the local server (plain, no TLS, on loopback). */
export function smtpSender(options: { host: string; port: number } & SenderIdentity): NodemailerSender {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 4,
  });
  return new NodemailerSender(transport, options);
}

/** In AWS: the same message, handed to SES v2's SendEmail as raw MIME. */
export function sesSender(
  options: { client: SESv2Client; configurationSetName?: string | undefined } & SenderIdentity,
): NodemailerSender {
  const transport = nodemailer.createTransport({ SES: { sesClient: options.client, SendEmailCommand } });
  return new NodemailerSender(transport, options, { configurationSetName: options.configurationSetName });
}
