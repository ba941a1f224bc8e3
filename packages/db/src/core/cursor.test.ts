import { createHmac } from 'node:crypto';
import { DomainError } from '@parkbridge/domain/core';
import { describe, expect, it } from 'vitest';
import { CursorCodec } from './cursor';

const codec = new CursorCodec('a-test-secret-of-enough-length');
const key = { pk: 'PARK#park_1', sk: 'PARK', gsi1pk: 'PARKS', gsi1sk: 'IR#park_1' };

/** Replaces the character at `i` with another one from the base64url alphabet. */
const flipAt = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

function refusal(f: () => unknown): DomainError {
  try {
    f();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the cursor to be refused');
}

describe('CursorCodec', () => {
  it('decodes what it encoded for the same list', () => {
    expect(codec.decode(codec.encode(key, 'gsi1|PARKS|'), 'gsi1|PARKS|')).toEqual(key);
  });

  it('produces an opaque token that does not show the key in clear', () => {
    const cursor = codec.encode(key, 'gsi1|PARKS|');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('PARK#');
  });

  it('refuses a cursor from another list (scope) as a validation error on the cursor field', () => {
    const err = refusal(() => codec.decode(codec.encode(key, 'gsi1|PARKS|IR#'), 'gsi1|PARKS|MN#'));
    expect(err.kind).toBe('validation');
    expect(err.code).toBe('pagination.cursor_invalid');
    expect(err.fields).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('refuses a cursor whose body was changed by one character', () => {
    const cursor = codec.encode(key, 's');
    const dot = cursor.indexOf('.');
    for (const i of [0, Math.floor(dot / 2), dot - 1]) {
      expect(refusal(() => codec.decode(flipAt(cursor, i), 's')).code).toBe('pagination.cursor_invalid');
    }
  });

  it('refuses a cursor whose signature was changed by one character', () => {
    const cursor = codec.encode(key, 's');
    const dot = cursor.indexOf('.');
    for (const i of [dot + 1, cursor.length - 1]) {
      expect(refusal(() => codec.decode(flipAt(cursor, i), 's')).code).toBe('pagination.cursor_invalid');
    }
  });

  it('refuses a cursor signed with another secret', () => {
    const other = new CursorCodec('another-secret-of-enough-length');
    expect(refusal(() => codec.decode(other.encode(key, 's'), 's')).code).toBe('pagination.cursor_invalid');
  });

  it('refuses a forged key with a recomputed signature when the secret is unknown', () => {
    const body = Buffer.from(JSON.stringify({ ...key, pk: 'PARK#park_2' })).toString('base64url');
    const sig = createHmac('sha256', 'guessed-secret-guessed-secret')
      .update('s\n')
      .update(body)
      .digest('base64url');
    expect(refusal(() => codec.decode(`${body}.${sig}`, 's')).code).toBe('pagination.cursor_invalid');
  });

  it.each([
    ['empty', ''],
    ['no signature', 'abc'],
    ['empty body', '.abc'],
    ['empty signature', 'abc.'],
    ['not base64', '!!!.???'],
  ])('refuses a malformed cursor (%s)', (_label, cursor) => {
    expect(refusal(() => codec.decode(cursor, 's')).code).toBe('pagination.cursor_invalid');
  });

  it('refuses a correctly signed body that is not a JSON object', () => {
    for (const value of [[1, 2], 'text', 42, null]) {
      const cursor = codec.encode(value as unknown as Record<string, unknown>, 's');
      expect(refusal(() => codec.decode(cursor, 's')).code).toBe('pagination.cursor_invalid');
    }
  });

  it('refuses a correctly signed body that is not JSON at all', () => {
    const body = Buffer.from('{not json').toString('base64url');
    const sig = createHmac('sha256', 'a-test-secret-of-enough-length')
      .update('s\n')
      .update(body)
      .digest('base64url');
    expect(refusal(() => codec.decode(`${body}.${sig}`, 's')).code).toBe('pagination.cursor_invalid');
  });

  it('will not start with a secret shorter than 16 characters', () => {
    expect(() => new CursorCodec('short')).toThrow(/at least 16/);
  });
});
