import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { suppressionsFromSesEvent } from '@parkbridge/mail/ses';
import { createMailContext } from '@parkbridge/runtime';
import type { SNSEvent } from 'aws-lambda';
import { createLambdaRuntime } from '../shared/lambda-runtime';
import { instrument, logger, metrics } from '../shared/observability';

/**
 * SES's bounces and complaints, from the configuration set's event destination (an SNS topic):
 * each permanently bounced or complaining address goes on the suppression list, and its person is
 * told in the app. Suppressing is idempotent, so SNS redelivering a message changes nothing.
 */
const runtime = await createLambdaRuntime({ mail: createMailContext });

export const handler = instrument<SNSEvent, { suppressed: number }>(async (event) => {
  let suppressed = 0;
  for (const record of event.Records) {
    for (const s of suppressionsFromSesEvent(record.Sns.Message)) {
      if (await runtime.container.mail.suppressions.suppress(s.email, s.reason, s.detail)) suppressed++;
      logger.info('Address suppressed', { reason: s.reason, detail: s.detail });
    }
  }
  metrics.addMetric('MailSuppressed', MetricUnit.Count, suppressed);
  return { suppressed };
});
