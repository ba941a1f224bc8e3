/**
 * Polls `read` until `done` holds, for what the stream consumers do behind a write; fails with the
 * last value read after `timeoutMs`. Also says how long it took.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (t: T) => boolean,
  timeoutMs = 15_000,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs)
      throw new Error(`not within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
