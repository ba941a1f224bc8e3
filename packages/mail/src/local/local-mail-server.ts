import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email as the local SMTP server received it (what `GET /v1/dev/mail` returns). */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), whatever the headers say. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  at: string;
}

export interface LocalMailServerOptions {
  /** Keep what arrives in `<dataDir>/mail/received.jsonl`, and read it back on start. */
  dataDir?: string | undefined;
  /** Addresses refused for good (550: no such mailbox), to prove the bounce path. */
  refuse?: readonly string[];
  /** Addresses refused for now (451), to prove retries and dead-lettering. */
  defer?: readonly string[];
  /** Messages kept in memory (the oldest go first). @default 5000 */
  keep?: number;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A real SMTP server for the local runtime and the tests, on a free loopback port: the mail code
 * talks SMTP to it exactly as it would to any server, and what arrives is parsed (mailparser) and
 * kept for the dev mail page and the tests to read.
 */
export async function startLocalMailServer(options: LocalMailServerOptions = {}) {
  const keep = options.keep ?? 5000;
  const refuse = new Set((options.refuse ?? []).map((a) => a.toLowerCase()));
  const defer = new Set((options.defer ?? []).map((a) => a.toLowerCase()));
  const file = options.dataDir ? join(options.dataDir, 'mail', 'received.jsonl') : null;
  const received: ReceivedMail[] = [];
  if (file) {
    mkdirSync(join(options.dataDir as string, 'mail'), { recursive: true });
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n'))
        if (line.trim()) received.push(JSON.parse(line));
      received.splice(0, Math.max(0, received.length - keep));
    }
  }
  const waiters = new Set<() => void>();
  /** Every RCPT TO the server refused, in order: how the tests count attempts on bad addresses. */
  const refusals: { to: string; code: number; at: string }[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Parkbridge local mail',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const code = refuse.has(to) ? 550 : defer.has(to) ? 451 : 0;
      if (code) refusals.push({ to, code, at: new Date().toISOString() });
      if (code === 550) return callback(smtpError(`5.1.1 <${to}>: no such mailbox here`, 550));
      if (code === 451) return callback(smtpError(`4.2.1 <${to}>: try again later`, 451));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true })
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) {
            const value = line.line
              .slice(line.line.indexOf(':') + 1)
              .replace(/\r?\n[ \t]+/g, ' ')
              .trim();
            headers[line.key] = headers[line.key] ? `${headers[line.key]}, ${value}` : value;
          }
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from:
              typeof session.envelope.mailFrom === 'object' && session.envelope.mailFrom
                ? session.envelope.mailFrom.address
                : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers,
            at: new Date().toISOString(),
          };
          received.push(mail);
          if (received.length > keep) received.shift();
          if (file) appendFileSync(file, `${JSON.stringify(mail)}\n`);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const messages = (to?: string) =>
    to ? received.filter((m) => m.to.includes(to.trim().toLowerCase())) : [...received];

  return {
    host: '127.0.0.1',
    port,
    /** What arrived, oldest first; for one recipient when `to` is given. */
    messages,
    refusals: (to?: string) => refusals.filter((r) => !to || r.to === to.toLowerCase()),
    /** Resolves with the messages for `to` once there are at least `count` of them. */
    async waitFor(to: string, count = 1, timeoutMs = 45_000): Promise<ReceivedMail[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = messages(to);
        if (got.length >= count) return got;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `${count} email(s) to ${to} did not arrive within ${timeoutMs} ms (got ${got.length}).`,
          );
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(left, 250));
          waiters.add(wake);
        });
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type LocalMailServer = Awaited<ReturnType<typeof startLocalMailServer>>;

const smtpError = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });
