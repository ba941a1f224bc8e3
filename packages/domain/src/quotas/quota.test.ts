import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { Quotas } from './quota';

const clock = fixedClock('2030-07-01T08:10:00.000Z');
const quotas = new Quotas(
  { 'question.ask': { user: { limit: 3, windowS: 3600 }, org: { limit: 5, windowS: 86_400 } } },
  clock,
);

describe('Quotas', () => {
  it('charges the person and the organisation, each in its own fixed window', () => {
    const charges = quotas.charges({ userId: 'usr_1', orgId: 'org_1' }, 'question.ask');
    expect(charges).toEqual([
      expect.objectContaining({
        scope: 'user',
        subject: 'usr_1',
        limit: 3,
        windowStartMs: Date.parse('2030-07-01T08:00:00Z'),
      }),
      expect.objectContaining({
        scope: 'org',
        subject: 'org_1',
        limit: 5,
        windowStartMs: Date.parse('2030-07-01T00:00:00Z'),
      }),
    ]);
  });

  it('charges only the person when there is no organisation', () => {
    expect(quotas.charges({ userId: 'usr_1', orgId: null }, 'question.ask').map((c) => c.scope)).toEqual([
      'user',
    ]);
  });

  it('refuses at once an amount no window can hold, with the seconds to the window’s end', () => {
    expect(() => quotas.charges({ userId: 'usr_1', orgId: null }, 'question.ask', 4)).toThrow(
      expect.objectContaining({ code: 'rate_limited', retryAfterS: 50 * 60 }),
    );
  });

  it('knows no action it was not given (a typo fails loudly, it does not go unlimited)', () => {
    expect(() => quotas.charges({ userId: 'u', orgId: null }, 'question.asks')).toThrow(/No quota/);
  });
});
