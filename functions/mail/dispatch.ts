import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { EnvName } from '@parkbridge/config';
import { TemplateComposer } from '@parkbridge/mail/templates';
import { sesSender } from '@parkbridge/mail/transport';
import { createMailContext } from '@parkbridge/runtime';
import { z } from 'zod';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { CorrelationPath, instrument, logger, metrics, tracer } from '../shared/observability';

/**
 * The outbox's sender in AWS: every minute (EventBridge Scheduler) it sends what is due (instant
 * emails, the digests whose 08:00 has come, retries) through SES v2 with the stage's identity and
 * configuration set, as long as there is due mail and time left. The same dispatcher, templates
 * and MIME message as the local server, which sends to its own SMTP server instead.
 */
const MailEnv = z.object({
  from: z.email(),
  configurationSet: z.string().min(1),
  webOrigin: z.url(),
});
const env = MailEnv.parse({
  from: process.env[EnvName.mailFrom],
  configurationSet: process.env[EnvName.sesConfigurationSet],
  webOrigin: process.env[EnvName.webOrigin],
});
const runtime = await createLambdaRuntime({ mail: createMailContext });
const { mail } = runtime.container;
const sender = sesSender({
  client: tracer.captureAWSv3Client(new SESv2Client({})),
  from: env.from,
  configurationSetName: env.configurationSet,
});
const dispatcher = mail.dispatcher({
  composer: new TemplateComposer({ webOrigin: () => env.webOrigin, tokens: mail.tokens }),
  sender,
  concurrency: 4,
  onError: (err) => logger.warn('A send failed; it is retried with backoff', { error: err as Error }),
});

/** Leaves this much of the invocation unused: a send in flight must finish and be recorded. */
const RESERVE_MS = 15_000;

export const handler = instrument<unknown, { processed: number }>(
  async (_event, context) => {
    let processed = 0;
    for (;;) {
      const run = await dispatcher.run(runtime.db.clock.now(), 200);
      processed += run.processed;
      if (!run.processed || context.getRemainingTimeInMillis() < RESERVE_MS) break;
    }
    metrics.addMetric('MailProcessed', MetricUnit.Count, processed);
    logger.info('Mail dispatched', { processed });
    return { processed };
  },
  { correlationIdPath: CorrelationPath.schedule },
);
