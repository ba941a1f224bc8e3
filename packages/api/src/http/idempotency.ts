import { createHash } from 'node:crypto';
import type { DynamoIdempotencyRepository } from '@parkbridge/db/idempotency';
import { conflict, invalid, ruleBroken } from '@parkbridge/domain/core';
import type { MiddlewareHandler } from 'hono';
import { callerOf } from './auth';
import type { AppEnv } from './env';

const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

/**
 * Only an outcome of the request's own execution is kept for replay. A request refused before it
 * ran (invalid input), one that lost a race to a concurrent write, or one that failed on our side
 * frees its key, so the corrected or repeated request runs for real (Stripe's rule too).
 */
const actedUpon = (status: number, code: string | undefined): boolean =>
  status < 500 && status !== 400 && status !== 429 && code !== 'write.concurrent';

function problemCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { code?: unknown };
    return typeof parsed?.code === 'string' ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `Idempotency-Key` on creating calls: the same key and request replays the first response; the
 * same key with another request is 422; while the first is still running, 409. Keys are per user.
 */
export function idempotent(store: DynamoIdempotencyRepository): MiddlewareHandler<AppEnv> {
  return async function idempotencyKey(c, next) {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (key.length < 1 || key.length > 128 || !/^[\x21-\x7e]+$/.test(key)) {
      throw invalid('idempotency.key_invalid', 'Idempotency-Key must be 1 to 128 visible ASCII characters.', [
        { path: 'Idempotency-Key', message: 'Use 1 to 128 visible ASCII characters.' },
      ]);
    }
    const scope = callerOf(c).userId;
    const body = await c.req.text();
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
    const claim = await store.claim(scope, key, fingerprint);
    if (claim.kind !== 'claimed') {
      if (claim.fingerprint !== fingerprint) {
        throw ruleBroken('idempotency.key_reused', 'This Idempotency-Key was used for a different request.', [
          { path: 'Idempotency-Key', message: 'Already used with another request.' },
        ]);
      }
      if (claim.kind === 'in_progress') {
        throw conflict('idempotency.in_progress', 'The first request with this key is still running.');
      }
      const { status, headers, body: stored } = claim.response;
      return new Response(stored, { status, headers: { ...headers, 'idempotent-replayed': 'true' } });
    }
    await next();
    const responseBody = await c.res.clone().text();
    if (!actedUpon(c.res.status, problemCode(responseBody))) {
      await store.release(scope, key);
      return;
    }
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((h) => (c.res.headers.get(h) ? [[h, c.res.headers.get(h) as string]] : [])),
    );
    await store.complete(scope, key, { status: c.res.status, headers, body: responseBody });
  };
}
