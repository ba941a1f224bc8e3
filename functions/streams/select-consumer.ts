import type { StreamConsumer } from '@parkbridge/jobs';

/**
 * The consumer this function runs, by the name infra gave it. A missing one fails the cold start:
 * the stream then retries and, past the maximum record age, parks the batch in the dead-letter
 * queue, where an alarm fires; nothing is skipped silently.
 */
export function selectConsumer(
  consumers: readonly StreamConsumer[],
  name: string | undefined,
): StreamConsumer {
  if (!name) throw new Error('No stream consumer name: set PARKBRIDGE_STREAM_CONSUMER.');
  const consumer = consumers.find((c) => c.name === name);
  if (!consumer) {
    const known = consumers.map((c) => c.name).join(', ') || 'none';
    throw new Error(`No stream consumer named "${name}" in allJobs() (known: ${known}).`);
  }
  return consumer;
}
