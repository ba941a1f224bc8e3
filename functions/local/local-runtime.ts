import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp, devRoutes, LocalTokens } from '@parkbridge/api';
import { EnvName, parseRules, type Rules, securityHeaders, securityHeaderValues } from '@parkbridge/config';
import { createDb, createDocumentClient } from '@parkbridge/db';
import { ensureTable, startDynamoDbLocal } from '@parkbridge/db/local';
import type { Clock } from '@parkbridge/domain/core';
import type { MalwareScanner } from '@parkbridge/domain/documents';
import { allJobs, mailDispatchJob } from '@parkbridge/jobs';
import { startLocalMailServer } from '@parkbridge/mail/local';
import { TemplateComposer } from '@parkbridge/mail/templates';
import { HmacUnsubscribeTokens } from '@parkbridge/mail/tokens';
import { smtpSender } from '@parkbridge/mail/transport';
import { createContainer } from '@parkbridge/runtime';
import { createS3Client, fileTypeDetector, noScanner, S3FileStore } from '@parkbridge/storage';
import { startS3Local } from '@parkbridge/storage/local';
import { LocalStreamPoller } from './stream-poller';

export interface LocalRuntimeOptions {
  /** Use a running DynamoDB Local (tests share one); unset: start our own. */
  endpoint?: string | undefined;
  dataDir?: string | undefined;
  tableName?: string | undefined;
  env?: Record<string, string | undefined>;
  rules?: Partial<Rules>;
  clock?: Clock | undefined;
  /** Run the stream consumers and scheduled jobs in this process (the local server does). */
  jobs?: boolean;
  tokenSecret?: string | undefined;
  cursorSecret?: string | undefined;
  mail?: LocalMailOptions;
  onError?: (err: unknown) => void;
  /** The malware scanner (default: none, every file clean); tests swap in one that finds threats. */
  scanner?: MalwareScanner | undefined;
}

export interface LocalMailOptions {
  /** Signs unsubscribe links (kept with the data, so links in kept emails keep working). */
  secret?: string | undefined;
  /** Where the links in emails point: the web app's origin. @default http://localhost:$PORT */
  webOrigin?: string | undefined;
  /** Addresses the local SMTP server refuses for good (bounces). @default bounce@parkbridge.demo */
  refuse?: readonly string[];
  /** Addresses it refuses for now (temporary failures, retried). */
  defer?: readonly string[];
  /** How often the local dispatcher sends what is due. @default 1000 ms */
  dispatchEveryMs?: number;
}

/** The sender's address locally (in AWS, the stage's verified SES identity). */
export const LOCAL_MAIL_FROM = 'no-reply@parkbridge.local';

/**
 * Parkbridge on one machine: DynamoDB Local, the table from the shared definition, the same
 * container and Hono app as the Lambdas, local tokens, and the jobs fed by the table's stream.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}) {
  const ddbLocal = options.endpoint ? null : await startDynamoDbLocal({ dataDir: options.dataDir });
  const endpoint = options.endpoint ?? (ddbLocal?.endpoint as string);
  const tableName = options.tableName ?? 'parkbridge-local';
  const rules = { ...parseRules(options.env ?? process.env), ...options.rules };
  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableState = await ensureTable(raw, tableName);
  // Files go to an S3-compatible server of this process's own, through the same client code as in AWS.
  const s3Local = await startS3Local({
    dataDir: options.dataDir ? join(options.dataDir, 'files') : undefined,
  });
  const s3 = createS3Client({ endpoint: s3Local.endpoint, region: 'us-east-1' });
  const files = {
    store: new S3FileStore(s3, s3Local.bucket),
    detector: fileTypeDetector,
    scanner: options.scanner ?? noScanner,
  };
  const db = createDb({
    tableName,
    cursorSecret: options.cursorSecret ?? randomBytes(24).toString('hex'),
    doc: createDocumentClient({ endpoint }),
    clock: options.clock,
  });
  const container = createContainer(db, rules, files);
  const tokens = new LocalTokens(options.tokenSecret ?? randomBytes(32).toString('hex'));

  // Mail: a real SMTP server of our own on a free port, and the same sender code as in AWS.
  const mailOptions = options.mail ?? {};
  const mailServer = await startLocalMailServer({
    dataDir: options.dataDir,
    refuse: mailOptions.refuse ?? ['bounce@parkbridge.demo'],
    defer: mailOptions.defer ?? [],
  });
  let webOrigin =
    mailOptions.webOrigin ?? `http://localhost:${options.env?.PORT ?? process.env.PORT ?? 3000}`;
  const unsubscribeTokens = new HmacUnsubscribeTokens(mailOptions.secret ?? randomBytes(24).toString('hex'));
  container.mail.configure({ tokens: unsubscribeTokens, webOrigin });
  const sender = smtpSender({ host: mailServer.host, port: mailServer.port, from: LOCAL_MAIL_FROM });
  const composer = new TemplateComposer({ webOrigin: () => webOrigin, tokens: unsubscribeTokens });
  const dispatcher = container.mail.dispatcher({ composer, sender });

  const env = options.env ?? process.env;
  const app = createApp({
    container,
    resolveCaller: tokens.resolve,
    // What CloudFront and API Gateway add in AWS, from the same definition (packages/config). The
    // browser POSTs files straight to the file server, as it does to the bucket in AWS.
    responseHeaders: securityHeaderValues(securityHeaders([new URL(s3Local.endpoint).origin])),
    corsOrigins: (env[EnvName.corsOrigins] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    extraRoutes: (router) => router.route('/v1', devRoutes(container, tokens, { mailbox: mailServer })),
    logError: (err, requestId) => (options.onError ?? logError)({ err, requestId }),
  });
  const jobs = allJobs(container);
  let poller: LocalStreamPoller | null = null;
  const timers: NodeJS.Timeout[] = [];
  if (options.jobs) {
    poller = new LocalStreamPoller(raw, endpoint, tableName, jobs.consumers, options.onError ?? logError);
    await poller.start();
    for (const job of [...jobs.schedules, mailDispatchJob(dispatcher, mailOptions.dispatchEveryMs)]) {
      let running = false;
      timers.push(
        setInterval(async () => {
          if (running) return;
          running = true;
          try {
            await job.run(db.clock.now());
          } catch (err) {
            (options.onError ?? logError)(err);
          } finally {
            running = false;
          }
        }, job.everyMs),
      );
    }
  }
  return {
    app,
    container,
    tokens,
    db,
    endpoint,
    s3Endpoint: s3Local.endpoint,
    files,
    tableName,
    tableState,
    jobs,
    mail: {
      server: mailServer,
      dispatcher,
      composer,
      sender,
      tokens: unsubscribeTokens,
      /** Points the links in emails at this origin (the harness knows its port once it listens). */
      useWebOrigin(origin: string) {
        webOrigin = origin;
        container.mail.configure({ tokens: unsubscribeTokens, webOrigin });
      },
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await poller?.stop();
      sender.close();
      await mailServer.stop();
      raw.destroy();
      db.doc.destroy();
      s3.destroy();
      await s3Local.stop();
      await ddbLocal?.stop();
    },
  };
}

export type LocalRuntime = Awaited<ReturnType<typeof startLocalRuntime>>;

const logError = (err: unknown) => console.error('[parkbridge]', err);
