import { describe, expect, it } from 'vitest';
import { rankBooths, rankPavilions, related } from './recommendation';

const pav = (name: string, themes: string[], available = 1) => ({
  pavilionId: `pav_${name}`,
  name,
  themes,
  slots: { total: 4, available },
});
const listing = (category: string) => ({
  listingId: `lst_${category}`,
  title: `Listing ${category}`,
  category,
});
const need = (category: string, ownerOrgId: string, n = 0) => ({
  needId: `need_${category}_${ownerOrgId}_${n}`,
  ownerOrgId,
  category,
});

describe('pavilion ranking', () => {
  it('relates ISIC codes in either direction, and never across divisions', () => {
    expect(related('2420', '24')).toBe(true);
    expect(related('24', '242')).toBe(true);
    expect(related('2420', '2410')).toBe(false);
    expect(related('25', '24')).toBe(false);
  });

  it('ranks by open needs, then distinct tenants, then fitting listings, then free slots', () => {
    const ranked = rankPavilions(
      [pav('A', ['24']), pav('B', ['25']), pav('C', ['242'], 3), pav('D', ['13'])],
      [listing('2420'), listing('2511'), listing('2599')],
      [
        need('2420', 't1'),
        need('2420', 't2'),
        need('2511', 't3', 1),
        need('2511', 't3', 2),
        need('24', 't4'),
      ],
    );
    // A and C both read 2420 demand (3 needs: the division-level need is related too); C has more free slots.
    expect(ranked.map((p) => [p.name, p.demand.openNeeds, p.demand.tenants])).toEqual([
      ['C', 3, 3],
      ['A', 3, 3],
      ['B', 2, 1],
    ]);
    expect(ranked.find((p) => p.name === 'B')!.matchedListingIds).toEqual(['lst_2511', 'lst_2599']);
  });

  it('says so when no slot is free, and keeps the pavilion', () => {
    const [only] = rankPavilions([pav('A', ['24'], 0)], [listing('2420')], []);
    expect(only!.reasons.map((r) => r.code)).toEqual(['theme.match', 'demand.none', 'slots.none_free']);
  });
});

describe('booth ranking', () => {
  const booth = (orgId: string, code: string) => ({
    pavilionId: 'pav_A',
    pavilionName: 'A',
    slotId: `slot_${code}`,
    sliceId: null,
    code,
    exhibitor: { orgId, name: orgId, displayName: orgId, listingIds: [] },
  });
  const match = (supplierOrgId: string, score: number) => ({
    listingId: `lst_${supplierOrgId}`,
    supplierOrgId,
    score,
    reasons: [{ code: 'category.exact', detail: 'Same class.' }],
  });

  it('keeps booths whose exhibitors were matched to an open need, best score first, never the tenant’s own', () => {
    const needs = [
      { needId: 'n1', title: 'Pipe', category: '2420' },
      { needId: 'n2', title: 'Bolts', category: '2599' },
    ];
    const matches = new Map([
      ['n1', [match('org_a', 60), match('org_b', 90), match('org_me', 99)]],
      ['n2', [match('org_a', 70)]],
    ]);
    const ranked = rankBooths(
      [booth('org_a', 'A-1'), booth('org_b', 'A-2'), booth('org_c', 'A-3'), booth('org_me', 'A-4')],
      needs,
      matches,
      'org_me',
    );
    expect(ranked.map((b) => [b.code, b.score, b.needs.map((n) => n.needId)])).toEqual([
      ['A-2', 90, ['n1']],
      ['A-1', 70, ['n2', 'n1']],
    ]);
    expect(ranked[1]!.reasons.map((r) => r.code)).toEqual(['need.match', 'need.match', 'category.exact']);
  });
});
