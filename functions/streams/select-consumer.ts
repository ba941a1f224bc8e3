import type { StreamConsumer } from '@parkbridge/jobs';

/**
 * The consumers this function runs, by the names infra gave it (comma-separated). A missing one
 * fails the cold start: the stream then retries and, past the maximum record age, parks the batch
 * in the dead-letter queue, where an alarm fires; nothing is skipped silently.
 */
export function selectConsumers(
  consumers: readonly StreamConsumer[],
  raw: string | undefined,
): StreamConsumer[] {
  const names = (raw ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.length) throw new Error('No stream consumer names: set PARKBRIDGE_STREAM_CONSUMERS.');
  return names.map((name) => {
    const consumer = consumers.find((c) => c.name === name);
    if (!consumer) {
      const known = consumers.map((c) => c.name).join(', ') || 'none';
      throw new Error(`No stream consumer named "${name}" in allJobs() (known: ${known}).`);
    }
    return consumer;
  });
}
