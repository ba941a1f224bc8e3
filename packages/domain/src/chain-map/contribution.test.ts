import { describe, expect, it } from 'vitest';
import { type Contribution, diffContribution, emptyContribution, totalOf } from './contribution';
import type { DealFacts, ParkFacts } from './facts';
import { chainInputContribution, dealContribution, needContribution } from './sources';

const park: ParkFacts = {
  parkId: 'park_1',
  country: 'IR',
  timeZone: 'Asia/Tehran',
  location: { lat: 35.7, lon: 50.4 },
  currency: 'IRR',
};
const deal: DealFacts = {
  dealId: 'deal_1',
  version: 1,
  parkId: 'park_1',
  buyerOrgId: 'org_b',
  sellerOrgId: 'org_s',
  category: '2420',
  quantity: 2.5,
  unit: 't',
  value: { amount: 250_000, currency: 'IRR' },
  cancelled: false,
  awardedAt: '2026-05-01T10:00:00.000Z',
};
const seller = { orgId: 'org_s', name: 'S', country: 'IR', location: null, origin: 'in_park' as const };
const counter = (c: Contribution, sk: string, field: string) =>
  c.counters
    .filter((x) => JSON.stringify(x.ref).includes(sk) && x.field === field)
    .reduce((n, x) => n + x.n, 0);

describe('contributions', () => {
  it('count a deal under its month, quarter and year, in park, by currency', () => {
    const c = dealContribution(deal, park, { orgId: 'org_b', name: 'B' }, seller);
    for (const scope of ['2026-05', '2026-Q2', '2026']) {
      const cat = c.counters.filter((x) => x.ref.kind === 'category' && x.ref.scope === scope);
      expect(Object.fromEntries(cat.map((x) => [x.field, x.n]))).toEqual({
        'aw:IRR': 250_000,
        'awIn:IRR': 250_000,
        deals: 1,
        dealsIn: 1,
        'awQty:t': 2500,
      });
    }
  });

  it('take back exactly what a deal gave when it is cancelled', () => {
    const awarded = dealContribution(deal, park, { orgId: 'org_b', name: 'B' }, seller);
    const cancelled = dealContribution(
      { ...deal, cancelled: true },
      park,
      { orgId: 'org_b', name: 'B' },
      seller,
    );
    const d = diffContribution(awarded, cancelled);
    expect(d.counters.every((c) => c.n < 0)).toBe(true);
    expect(d.counters.map((c) => c.n).reduce((a, b) => a + b)).toBe(
      -awarded.counters.map((c) => c.n).reduce((a, b) => a + b),
    );
  });

  it('move nothing when the same contribution is applied again', () => {
    const c = dealContribution(deal, park, { orgId: 'org_b', name: 'B' }, seller);
    expect(diffContribution(c, structuredClone(c)).empty).toBe(true);
  });

  it('move only the difference when a declared quantity changes, and keep the tenant marked', () => {
    const chain = { chainId: 'chain_1', ownerOrgId: 'org_b', output: { category: '2813', name: 'Pumps' } };
    const input = {
      inputId: 'inp_1',
      category: '2420',
      quantity: 10,
      unit: 't' as const,
      period: 'month' as const,
      source: 'in_park' as const,
    };
    const before = chainInputContribution(chain, input, { name: 'B' }, null);
    const after = chainInputContribution(chain, { ...input, quantity: 12 }, { name: 'B' }, null);
    const d = diffContribution(before, after);
    expect(d.counters).toEqual([expect.objectContaining({ field: 'decl:in_park:t', n: 2 * 12 * 1000 })]);
    expect(d.marks).toEqual([]);
    expect(d.putRows).toHaveLength(1);
  });

  it('count a tenant once per category however many sources mark it', () => {
    const need = needContribution(
      { status: 'open', category: '2420', quantity: 1, unit: 't', ownerOrgId: 'org_b' },
      { name: 'B' },
    );
    const total = totalOf([need, need, emptyContribution()]);
    expect(total.marks).toEqual([{ mark: expect.objectContaining({ tenantOrgId: 'org_b' }), count: 2 }]);
    expect(counter(need, '2420', 'openNeeds')).toBe(1);
  });

  it('keep a deal’s totals also as the next month’s, quarter’s and year’s previous period', () => {
    const c = dealContribution(deal, park, { orgId: 'org_b', name: 'B' }, seller);
    const previous = c.counters.filter((x) => x.ref.kind === 'previous');
    expect([...new Set(previous.map((x) => x.ref.kind === 'previous' && x.ref.scope))]).toEqual([
      '2026-06',
      '2026-Q3',
      '2027',
    ]);
    const totals = c.counters.filter((x) => x.ref.kind === 'total' && x.ref.scope === '2026-05');
    expect(
      Object.fromEntries(
        previous
          .filter((x) => x.ref.kind === 'previous' && x.ref.scope === '2026-06')
          .map((x) => [x.field, x.n]),
      ),
    ).toEqual(Object.fromEntries(totals.map((x) => [x.field, x.n])));
  });

  it('see no change in a row read back with its keys in another order', () => {
    const chain = { chainId: 'ch_1', ownerOrgId: 'org_b', output: { category: '2813', name: 'Pumps' } };
    const input = {
      inputId: 'in_1',
      category: '2420',
      quantity: 10,
      unit: 't' as const,
      period: 'month' as const,
      source: 'in_park' as const,
    };
    const stored = chainInputContribution(chain, input, { name: 'B' }, null);
    const readBack: Contribution = JSON.parse(JSON.stringify(stored));
    for (const r of readBack.rows) r.data = Object.fromEntries(Object.entries(r.data).reverse());
    expect(diffContribution(readBack, stored).empty).toBe(true);
  });

  it('count a closed need as no demand', () => {
    expect(
      needContribution(
        { status: 'closed', category: '2420', quantity: 1, unit: 't', ownerOrgId: 'org_b' },
        { name: 'B' },
      ),
    ).toEqual(emptyContribution());
  });
});
