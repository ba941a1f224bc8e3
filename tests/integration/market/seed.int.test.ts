import type { DemoWorld } from '@parkbridge/seed';
import { seedFoundation } from '@parkbridge/seed/foundation.seed';
import { type MarketDemo, seedMarket } from '@parkbridge/seed/market.seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let world: DemoWorld;
let demo: MarketDemo;
beforeAll(async () => {
  rt = await startTestRuntime();
  world = await seedFoundation(rt.container);
  demo = await seedMarket(rt.container, world);
  for (const need of Object.values(demo.needs)) await rt.container.market.matching.matchNeed(need.needId);
}, 240_000);
afterAll(() => rt.stop());

const orgOf = (slug: string) => world.firms[slug]!.org.orgId;
const matchesOf = async (key: string) => {
  const need = demo.needs[key]!;
  const owner = Object.values(world.firms).find((f) => f.org.orgId === need.ownerOrgId)!;
  return (await rt.container.market.matches.forNeed(owner.caller, need.needId, { limit: 100 })).items;
};

describe('the demo market', () => {
  it('gives every demo tenant a production chain', () => {
    const tenants = Object.values(world.firms).filter((f) => f.firm.kinds.includes('tenant'));
    expect(tenants.length).toBeGreaterThan(0);
    for (const t of tenants) expect(demo.chains[t.firm.slug]?.inputs.length).toBeGreaterThan(0);
  });

  it('has open needs in several categories and languages, and idle capacity on offer', () => {
    const needs = Object.values(demo.needs);
    expect(needs.every((n) => n.status === 'open')).toBe(true);
    expect(new Set(needs.map((n) => n.category.slice(0, 2))).size).toBeGreaterThanOrEqual(5);
    const scripts = [
      /[\u0600-\u06FF]/,
      /[\u0400-\u04FF]/,
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
      /^[\x20-\x7E]+$/,
    ];
    for (const script of scripts) expect(needs.some((n) => script.test(n.title))).toBe(true);
    expect(Object.values(demo.listings).filter((l) => l.kind === 'capacity').length).toBeGreaterThanOrEqual(
      3,
    );
    expect(needs.filter((n) => n.chainInputRef).length).toBe(needs.length);
  });

  it('matches needs to the suppliers a person would expect, nearest first', async () => {
    expect((await matchesOf('dairy-cartons')).map((m) => m.supplierOrgId)).toEqual([
      orgOf('karaj-packaging'),
    ]);
    expect((await matchesOf('pars-machining'))[0]?.listingId).toBe(
      demo.listings['metalworks-cnc-idle']!.listingId,
    );
    expect((await matchesOf('alborz-acid')).map((m) => m.supplierOrgId)).toEqual([orgOf('tehran-chemicals')]);
    expect((await matchesOf('leather-chemicals')).map((m) => m.supplierOrgId)).toEqual([
      orgOf('selenge-chemicals'),
    ]);
    expect((await matchesOf('leather-repair')).map((m) => m.supplierOrgId)).toEqual([
      orgOf('erdenet-machinery'),
    ]);
    expect((await matchesOf('cashmere-yarn'))[0]?.supplierOrgId).toBe(orgOf('darkhan-threads'));
    const pcb = await matchesOf('electronics-pcb');
    expect(pcb.map((m) => m.supplierOrgId)).toEqual([orgOf('bac-ninh-pcb'), orgOf('shenzhen-components')]);
    expect((await matchesOf('electronics-housings'))[0]?.supplierOrgId).toBe(orgOf('hanoi-plastics'));
    expect((await matchesOf('garment-cartons')).map((m) => m.supplierOrgId)).toEqual([
      orgOf('noi-bai-packaging'),
    ]);
    // Nobody in the demo casts iron: a gap the chain map shows.
    expect(await matchesOf('pars-castings')).toEqual([]);
  });

  it('fills suppliers’ inboxes', async () => {
    const karaj = world.firms['karaj-packaging']!;
    const inbox = await rt.container.market.matches.inbox(karaj.caller, { limit: 20 });
    expect(inbox.items.map((i) => i.needId)).toContain(demo.needs['dairy-cartons']!.needId);
  });
});
