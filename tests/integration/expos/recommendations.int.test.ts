import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  createListing,
  createNeed,
  ESHTEHARD,
  FAR_SOUTH,
  listingBody,
  matchListing,
  needBody,
  publish,
  publishAndMatch,
} from '../market/market-fixtures';
import { addSlot, exhibitor } from './expo-fixture';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const DAY = 86_400_000;

async function expoWithHalls(
  operatorToken: string,
  parkId: string,
  halls: { name: string; themes: string[] }[],
) {
  const start = Date.now() + 30 * DAY;
  const expo = await rt.call('POST', '/v1/expos', {
    token: operatorToken,
    body: {
      parkId,
      name: 'Supply expo',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * DAY).toISOString(),
      venue: 'Hall',
    },
  });
  const pavilions: Record<string, string> = {};
  for (const h of halls) {
    const p = await rt.call('POST', `/v1/expos/${expo.body.expoId}/pavilions`, {
      token: operatorToken,
      body: { ...h, floor: { width: 50, depth: 20 } },
    });
    pavilions[h.name] = p.body.pavilionId;
  }
  return { expoId: expo.body.expoId as string, pavilions };
}

describe('pavilion recommendations', { timeout: 180_000 }, () => {
  it('ranks, for a supplier, the pavilions its listings fit by the park’s open needs, then tenants asking', async () => {
    const { parkId, operator } = await rt.park();
    const other = await rt.park();
    const approved = (kinds: ('tenant' | 'supplier')[], location = ESHTEHARD) =>
      rt.firm({ kinds, location, approvedIn: { parkId, operatorToken: operator.token } });
    const supplier = await approved(['supplier']);
    const [t1, t2, t3] = [await approved(['tenant']), await approved(['tenant']), await approved(['tenant'])];
    const outsider = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
    });

    for (const [category, title] of [
      ['2420', 'Copper pipe'],
      ['2511', 'Steel frames'],
      ['1050', 'Milk powder'],
    ]) {
      await createListing(rt, supplier.token, listingBody({ category, title }));
    }
    const openNeed = async (token: string, p: string, category: string) =>
      publish(rt, token, (await createNeed(rt, token, needBody(p, { category }))).needId);
    // Metals (24): two open needs in 2420 from two tenants. Fabricated metal (25): three from one.
    await openNeed(t1.token, parkId, '2420');
    await openNeed(t2.token, parkId, '2420');
    for (let i = 0; i < 3; i++) await openNeed(t3.token, parkId, '2511');
    // Not counted: another class, a draft, and another park's need.
    await openNeed(t3.token, parkId, '2410');
    await createNeed(rt, t1.token, needBody(parkId, { category: '2420' }));
    await openNeed(outsider.token, other.parkId, '2420');

    const { expoId, pavilions } = await expoWithHalls(operator.token, parkId, [
      { name: 'Metals', themes: ['24'] },
      { name: 'Fabricated metal', themes: ['25'] },
      { name: 'Food', themes: ['10'] },
      { name: 'Textiles', themes: ['13'] },
    ]);
    await addSlot(rt, operator.token, pavilions.Metals!, 0);

    const res = await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, {
      token: supplier.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.booths).toEqual([]);
    expect(
      res.body.pavilions.map((p: any) => [p.name, p.demand.openNeeds, p.demand.tenants, p.categories]),
    ).toEqual([
      ['Fabricated metal', 3, 1, ['2511']],
      ['Metals', 2, 2, ['2420']],
      ['Food', 0, 0, ['1050']],
    ]);
    const metals = res.body.pavilions[1];
    expect(metals.slots).toEqual({ total: 1, available: 1 });
    expect(metals.reasons.map((r: { code: string }) => r.code)).toEqual([
      'theme.match',
      'demand.open_needs',
      'slots.available',
    ]);
    expect(metals.reasons[0].detail).toContain('Copper pipe');
    expect(res.body.pavilions[2].reasons.map((r: { code: string }) => r.code)).toContain('demand.none');
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${t1.orgId}|${t2.orgId}|${t3.orgId}`));
  });

  it('ranks, for a tenant, the booked booths of suppliers matched to its open needs, best match first', async () => {
    const { parkId, operator } = await rt.park();
    const approved = (
      kinds: ('tenant' | 'supplier')[],
      location: { lat: number; lon: number },
      name?: string,
    ) => rt.firm({ kinds, location, name, approvedIn: { parkId, operatorToken: operator.token } });
    const near = await approved(['supplier'], ESHTEHARD, 'Near exact supplier');
    const far = await approved(['supplier'], FAR_SOUTH, 'Far division supplier');
    const dairy = await approved(['supplier'], ESHTEHARD, 'Dairy supplier');
    const held = await approved(['supplier'], ESHTEHARD, 'Exact but only holding');
    const tenant = await approved(['tenant'], ESHTEHARD);

    const listings = [
      await createListing(
        rt,
        near.token,
        listingBody({ category: '2420', serviceArea: { scope: 'national' } }),
      ),
      await createListing(rt, far.token, listingBody({ category: '24', serviceArea: { scope: 'national' } })),
      await createListing(rt, dairy.token, listingBody({ category: '1050', title: 'Milk powder' })),
      await createListing(rt, held.token, listingBody({ category: '2420' })),
    ];
    for (const l of listings) await matchListing(rt, l.listingId);
    const need = await createNeed(
      rt,
      tenant.token,
      needBody(parkId, { category: '2420', title: 'Seamless pipe' }),
    );
    await publishAndMatch(rt, tenant.token, need.needId);

    const { expoId, pavilions } = await expoWithHalls(operator.token, parkId, [
      { name: 'Metals', themes: ['24'] },
      { name: 'Food', themes: ['10'] },
    ]);
    const book = async (token: string, pavilionId: string, n: number, approve = true) => {
      const slot = await addSlot(rt, operator.token, pavilionId, n);
      const h = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token });
      if (!approve) return;
      await rt.call('POST', `/v1/bookings/${h.body.bookingId}/submit`, { token, body: exhibitor() });
      await rt.call('POST', `/v1/bookings/${h.body.bookingId}/approve`, { token: operator.token });
    };
    await book(far.token, pavilions.Metals!, 0);
    await book(near.token, pavilions.Metals!, 1);
    await book(dairy.token, pavilions.Food!, 0);
    await book(held.token, pavilions.Metals!, 2, false);

    const res = await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, {
      token: tenant.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.pavilions).toEqual([]);
    const booths = res.body.booths;
    expect(booths.map((b: any) => b.exhibitor.name)).toEqual([
      'Near exact supplier',
      'Far division supplier',
    ]);
    expect(booths[0].score).toBeGreaterThan(booths[1].score);
    expect(booths[0].needs).toMatchObject([{ needId: need.needId, title: 'Seamless pipe' }]);
    expect(booths[0].reasons[0].code).toBe('need.match');
    expect(booths[0].reasons.map((r: { code: string }) => r.code)).toContain('category.exact');
  });
});
