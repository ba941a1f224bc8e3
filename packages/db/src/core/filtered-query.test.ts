import { candidateTiers } from '@parkbridge/domain/matching';
import { describe, expect, it } from 'vitest';
import { needIndexKeys } from '../needs/need.keys';
import { allOf, categoryConditions, termsFilter } from './filtered-query';

/** What DynamoDB's key condition would select from these sort keys. */
function select(keys: string[], cond: ReturnType<typeof categoryConditions>[number]) {
  return keys.filter((k) =>
    'prefix' in cond ? k.startsWith(cond.prefix) : k >= cond.between[0] && k <= cond.between[1],
  );
}

const SORT_KEYS = [
  '24#lst_01',
  '241#lst_02',
  '2410#lst_03',
  '242#lst_04',
  '2420#lst_05',
  '2420#lst_06',
  '2429#lst_07',
  '243#lst_08',
  '2431#lst_09',
];

describe('categoryConditions', () => {
  it('reads each tier of a class with key conditions alone, every key exactly once', () => {
    const tiers = candidateTiers('2420').map((t) =>
      categoryConditions(t.range).flatMap((c) => select(SORT_KEYS, c)),
    );
    expect(tiers).toEqual([
      ['2420#lst_05', '2420#lst_06'],
      ['242#lst_04', '2429#lst_07'],
      ['24#lst_01', '241#lst_02', '2410#lst_03', '243#lst_08', '2431#lst_09'],
    ]);
    expect(tiers.flat().sort()).toEqual([...SORT_KEYS].sort());
  });

  it('uses begins_with when nothing is left out', () => {
    expect(categoryConditions({ division: '24', prefix: '242' })).toEqual([{ prefix: '242' }]);
  });
});

describe('filters', () => {
  it('require every word in the search text', () => {
    expect(termsFilter(['steel', 'pipe'])).toEqual({
      expression: 'contains(#searchText, :term0) AND contains(#searchText, :term1)',
      names: { '#searchText': 'searchText' },
      values: { ':term0': 'steel', ':term1': 'pipe' },
    });
    expect(termsFilter([])).toBeUndefined();
  });

  it('combine, skipping absent ones', () => {
    expect(allOf(undefined, { expression: 'a = :a', values: { ':a': 1 } })).toEqual({
      expression: '(a = :a)',
      names: {},
      values: { ':a': 1 },
    });
    expect(allOf(undefined)).toBeUndefined();
  });
});

describe('needIndexKeys', () => {
  const need = {
    needId: 'need_1',
    category: '2420',
    parkId: 'park_1',
    ownerOrgId: 'org_1',
    closesAt: '2030-01-01T00:00:00.000Z',
  };

  it('keeps drafts out of every market index', () => {
    const keys = needIndexKeys({ ...need, status: 'draft' });
    expect([keys.gsi1pk, keys.gsi2pk, keys.gsi4pk]).toEqual([undefined, undefined, undefined]);
    expect(keys.gsi3pk).toBe('ORG#org_1#NEEDS');
  });

  it('indexes an open need by status, park and close', () => {
    expect(needIndexKeys({ ...need, status: 'open' })).toEqual({
      gsi1pk: 'NEEDS#open',
      gsi1sk: '2420#need_1',
      gsi2pk: 'PARK#park_1#NEEDS#open',
      gsi2sk: '2420#need_1',
      gsi3pk: 'ORG#org_1#NEEDS',
      gsi3sk: 'need_1',
      gsi4pk: 'NEEDS#OPEN#BY_CLOSE',
      gsi4sk: '2030-01-01T00:00:00.000Z#need_1',
    });
    expect(needIndexKeys({ ...need, status: 'closed' }).gsi4pk).toBeUndefined();
  });
});
