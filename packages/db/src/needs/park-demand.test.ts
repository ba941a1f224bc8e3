import { describe, expect, it } from 'vitest';
import { supplyWrites } from '../listings/supplier-supply';
import { demandWrites } from './park-demand';

const db = { tableName: 't' } as Parameters<typeof demandWrites>[0];
const need = {
  needId: 'need_1',
  status: 'open' as const,
  parkId: 'park_1',
  category: '2410',
  ownerOrgId: 'org_1',
};
const listing = {
  listingId: 'lst_1',
  status: 'active' as const,
  supplierOrgId: 'org_2',
  category: '2410',
  title: 'Steel billets',
};
const targets = (items: ReturnType<typeof demandWrites>) =>
  items.map((i) => `${i.item.Update?.Key?.pk} ${i.item.Update?.Key?.sk} ${i.item.Update?.UpdateExpression}`);

describe('roster writes of needs and listings', () => {
  it('leave the park demand alone when an open need keeps its entry, and move it when it changes', () => {
    expect(demandWrites(db, need, need)).toEqual([]);
    expect(targets(demandWrites(db, { ...need, category: '2520' }, need))).toEqual([
      'DEMAND#park_1 DIV#24 SET #type = :type REMOVE #m',
      'DEMAND#park_1 DIV#25 SET #type = :type, #m = :v',
    ]);
    expect(targets(demandWrites(db, { ...need, status: 'cancelled' }, need))).toEqual([
      'DEMAND#park_1 DIV#24 SET #type = :type REMOVE #m',
    ]);
    // Closed in place by another context: the re-index passes the need as read for both sides.
    const closed = { ...need, status: 'closed' as const };
    expect(targets(demandWrites(db, closed, closed))).toEqual([
      'DEMAND#park_1 DIV#24 SET #type = :type REMOVE #m',
    ]);
  });

  it('leave a supplier’s supply alone when an active listing keeps its entry, and rewrite it on a new title', () => {
    expect(supplyWrites(db, listing, listing)).toEqual([]);
    expect(targets(supplyWrites(db, { ...listing, title: 'Steel slabs' }, listing))).toEqual([
      'SUPPLY#org_2 DIV#24 SET #type = :type, #m = :v',
    ]);
    expect(targets(supplyWrites(db, { ...listing, status: 'paused' }, listing))).toEqual([
      'SUPPLY#org_2 DIV#24 SET #type = :type REMOVE #m',
    ]);
  });
});
