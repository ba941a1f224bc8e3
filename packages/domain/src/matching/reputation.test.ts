import { describe, expect, it } from 'vitest';
import { NEUTRAL_REPUTATION, neutralReputationReader, reputationFromRatings } from './reputation';

describe('reputation readers', () => {
  it('count everyone as neutral by default', async () => {
    const read = await neutralReputationReader.read(['org_a', 'org_b']);
    expect([...read.values()]).toEqual([NEUTRAL_REPUTATION, NEUTRAL_REPUTATION]);
  });

  it('take buyers’ ratings from the bidding context and keep responsiveness neutral', async () => {
    const reader = reputationFromRatings({
      async getMany(ids) {
        return new Map(
          ids
            .filter((id) => id === 'org_a')
            .map((id) => [id, { asSupplier: { averageRating: 4.5, ratingCount: 8 } }]),
        );
      },
    });
    const read = await reader.read(['org_a', 'org_b']);
    expect(read.get('org_a')).toEqual({ ratingAverage: 4.5, ratingCount: 8, responseRate: null });
    expect(read.get('org_b')).toEqual(NEUTRAL_REPUTATION);
  });
});
