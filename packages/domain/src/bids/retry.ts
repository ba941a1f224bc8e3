import { conflict, DomainError } from '../core/errors';

/** A write lost a race on something it read (the need moved, another bid led): read again and redo. */
export const RETRY = 'bidding.retry';
export const retryWrite = () => conflict(RETRY, 'Something the write relied on changed; it is retried.');

const RETRYABLE = new Set([RETRY, 'write.concurrent']);

/**
 * Runs `attempt` again (fresh reads, fresh decision) when its write lost a race, with jittered
 * backoff. Rules that refuse are not retried; a race lost every time ends as 409.
 */
export async function retrying<T>(attempt: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof DomainError) || !RETRYABLE.has(err.code)) throw err;
      if (i >= attempts) {
        throw conflict('write.concurrent', 'Too many concurrent changes to this need; try again.');
      }
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** i)));
    }
  }
}
