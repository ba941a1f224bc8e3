import { describe, expect, it } from 'vitest';
import { candidateTiers, categoryFit, inRange } from './category-tiers';

describe('candidateTiers', () => {
  it('looks in the class, then the rest of its group, then the rest of its division', () => {
    expect(candidateTiers('2420')).toEqual([
      { level: 'class', range: { division: '24', prefix: '2420' } },
      { level: 'group', range: { division: '24', prefix: '242', exclude: '2420' } },
      { level: 'division', range: { division: '24', prefix: '24', exclude: '242' } },
    ]);
  });

  it('starts at the group for a group-level code and at the division for a division', () => {
    expect(candidateTiers('242').map((t) => t.level)).toEqual(['group', 'division']);
    expect(candidateTiers('242')[0]!.range.exclude).toBeUndefined();
    expect(candidateTiers('24')).toEqual([
      { level: 'division', range: { division: '24', prefix: '24', exclude: undefined } },
    ]);
  });

  it('puts every code of the division in exactly one tier', () => {
    const tiers = candidateTiers('2420');
    for (const code of ['24', '241', '2410', '242', '2420', '2431', '243']) {
      expect(tiers.filter((t) => inRange(code, t.range))).toHaveLength(1);
    }
    expect(tiers.filter((t) => inRange('2511', t.range))).toHaveLength(0);
  });
});

describe('categoryFit', () => {
  it('is exact when the listing is the need’s category or lies under it', () => {
    expect(categoryFit('2420', '2420')).toBe('exact');
    expect(categoryFit('242', '2420')).toBe('exact');
    expect(categoryFit('24', '2431')).toBe('exact');
  });

  it('falls back to the shared group, then the shared division', () => {
    expect(categoryFit('2420', '242')).toBe('group');
    expect(categoryFit('2431', '2432')).toBe('group');
    expect(categoryFit('2420', '2410')).toBe('division');
    expect(categoryFit('2420', '24')).toBe('division');
  });

  it('finds no fit across divisions', () => {
    expect(categoryFit('2420', '2511')).toBeNull();
  });
});
