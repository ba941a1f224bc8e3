import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '@parkbridge/domain/core';

/**
 * Pagination cursors are DynamoDB's LastEvaluatedKey, bound to the list they came from and
 * signed, so a client can neither read them as keys nor forge one to jump into another list.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('The cursor secret must be at least 16 characters.');
  }

  encode(key: Record<string, unknown>, scope: string): string {
    const body = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${body}.${this.sign(body, scope)}`;
  }

  decode(cursor: string, scope: string): Record<string, unknown> {
    const [body, sig] = cursor.split('.');
    if (!body || !sig || !this.verify(body, scope, sig)) throw badCursor();
    try {
      const key: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (typeof key !== 'object' || key === null || Array.isArray(key)) throw badCursor();
      return key as Record<string, unknown>;
    } catch {
      throw badCursor();
    }
  }

  private sign(body: string, scope: string): string {
    return createHmac('sha256', this.secret).update(scope).update('\n').update(body).digest('base64url');
  }

  private verify(body: string, scope: string, sig: string): boolean {
    const expected = Buffer.from(this.sign(body, scope));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const badCursor = () =>
  invalid('pagination.cursor_invalid', 'The cursor is not valid for this list.', [
    { path: 'cursor', message: 'Invalid or tampered cursor.' },
  ]);
