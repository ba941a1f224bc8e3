import { describe, expect, it } from 'vitest';
import { fieldsDiffer } from './change';

describe('fieldsDiffer', () => {
  it('sees no change in a map the stream hands back with its keys in another order', () => {
    const before = { rect: { x: 1, y: 2, w: 3, h: 4 }, price: { amount: 5, currency: 'IRR' } };
    const after = { rect: { x: 1, h: 4, y: 2, w: 3 }, price: { currency: 'IRR', amount: 5 } };
    expect(fieldsDiffer(before, after, ['rect', 'price'])).toBe(false);
  });

  it('sees a changed value, an added field and a removed one among the fields asked about only', () => {
    expect(fieldsDiffer({ a: 1, b: 1 }, { a: 2, b: 1 }, ['a'])).toBe(true);
    expect(fieldsDiffer({ a: 1, b: 1 }, { a: 1, b: 2 }, ['a'])).toBe(false);
    expect(fieldsDiffer({ a: 1 }, { a: 1, b: 2 }, ['b'])).toBe(true);
    expect(fieldsDiffer({ a: 1 }, null, ['a'])).toBe(true);
  });
});
