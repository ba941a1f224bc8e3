import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from './problem';

const Input = z.strictObject({
  name: z.string(),
  location: z.strictObject({ lat: z.number(), lon: z.number() }),
  tags: z.array(z.string()).optional(),
});

const errorsOf = (value: unknown, prefix?: string) => {
  const result = Input.safeParse(value);
  if (result.success) throw new Error('expected the input to be refused');
  return zodFieldErrors(result.error, prefix);
};

describe('zodFieldErrors', () => {
  it('names every failing field by its dotted path', () => {
    const paths = errorsOf({ name: 3, location: { lat: 'north', lon: 1 }, tags: ['a', 2] }).map(
      (e) => e.path,
    );
    expect(paths.sort()).toEqual(['location.lat', 'name', 'tags.1']);
  });

  it('names each unknown field in its own error (no mass assignment goes unexplained)', () => {
    const errors = errorsOf({
      name: 'x',
      location: { lat: 1, lon: 2 },
      status: 'open',
      operatorOrgId: 'org_1',
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['operatorOrgId', 'status']);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('names unknown fields of nested objects by their full path', () => {
    const errors = errorsOf({ name: 'x', location: { lat: 1, lon: 2, alt: 3 } });
    expect(errors.map((e) => e.path)).toEqual(['location.alt']);
  });

  it('prefixes query and header errors with where they came from', () => {
    const Query = z.object({ limit: z.coerce.number().int().max(100) });
    const result = Query.safeParse({ limit: '101' });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!, 'query').map((e) => e.path)).toEqual(['query.limit']);
  });

  it('uses the prefix alone for an error about the whole input', () => {
    const result = z.object({ a: z.string() }).safeParse('not an object');
    expect(zodFieldErrors(result.error!, 'query').map((e) => e.path)).toEqual(['query']);
  });
});
