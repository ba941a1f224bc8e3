import { describe, expect, it } from 'vitest';
import { parseQuotas, QUOTA_DEFAULTS, quotaEnvName } from './quotas';

describe('quotas as configuration', () => {
  it('has a limit for every action that costs others, per person or organisation', () => {
    const limits = parseQuotas({});
    for (const action of ['question.ask', 'listing.create', 'slot.hold', 'bid.place', 'need.create']) {
      expect(limits[action]?.user ?? limits[action]?.org, action).toBeDefined();
    }
    expect(Object.keys(limits).sort()).toEqual(Object.keys(QUOTA_DEFAULTS).sort());
  });

  it('takes a limit from the environment, or turns one off', () => {
    const limits = parseQuotas({
      [quotaEnvName('question.ask', 'org')]: '120/7200',
      [quotaEnvName('question.ask', 'user')]: 'off',
    });
    expect(quotaEnvName('question.ask', 'org')).toBe('PARKBRIDGE_QUOTA_QUESTION_ASK_ORG');
    expect(limits['question.ask']).toEqual({ org: { limit: 120, windowS: 7200 } });
  });

  it('refuses a limit it cannot read, naming the variable', () => {
    expect(() => parseQuotas({ PARKBRIDGE_QUOTA_BID_PLACE_USER: 'lots' })).toThrow(
      /PARKBRIDGE_QUOTA_BID_PLACE_USER/,
    );
    expect(() => parseQuotas({ PARKBRIDGE_QUOTA_BID_PLACE_USER: '5/0' })).toThrow();
  });
});
