import { z } from 'zod';

/**
 * What SES's configuration set publishes to its event destination (the SNS message body) for a
 * bounce or a complaint; other event types and fields are ignored.
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
const SesEvent = z.object({
  eventType: z.string(),
  mail: z
    .object({ messageId: z.string().optional(), tags: z.record(z.string(), z.array(z.string())).optional() })
    .optional(),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(
        z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() }),
      ),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(z.object({ emailAddress: z.string() })),
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
});

export interface SesSuppression {
  email: string;
  reason: 'bounce' | 'complaint';
  detail: string;
}

/**
 * The addresses an SES event says never to write to again: every recipient of a permanent bounce
 * (no such mailbox, a refused domain) and of a complaint (marked as spam). A transient bounce (a
 * full mailbox, a server down) suppresses nothing: SES itself retries those.
 */
export function suppressionsFromSesEvent(message: string): SesSuppression[] {
  let parsed: z.infer<typeof SesEvent>;
  try {
    parsed = SesEvent.parse(JSON.parse(message));
  } catch {
    return [];
  }
  const type = parsed.eventType.toLowerCase();
  if (type === 'bounce' && parsed.bounce?.bounceType === 'Permanent') {
    return parsed.bounce.bouncedRecipients.map((r) => ({
      email: bare(r.emailAddress),
      reason: 'bounce' as const,
      detail: [parsed.bounce?.bounceSubType, r.diagnosticCode].filter(Boolean).join(': ').slice(0, 500),
    }));
  }
  if (type === 'complaint' && parsed.complaint) {
    return parsed.complaint.complainedRecipients.map((r) => ({
      email: bare(r.emailAddress),
      reason: 'complaint' as const,
      detail: parsed.complaint?.complaintFeedbackType ?? 'complaint',
    }));
  }
  return [];
}

/** "Reza <reza@x.org>" → "reza@x.org". */
const bare = (address: string) => (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
