import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  changeOf,
  createListing,
  createNeed,
  deliver,
  ESHTEHARD,
  FAR_SOUTH,
  listingBody,
  matchListing,
  needBody,
  publish,
  publishAndMatch,
  rawItem,
} from '../market/market-fixtures';
import { addSlot, exhibitor } from './expo-fixture';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const DAY = 86_400_000;

type Park = { parkId: string; operator: { token: string } };

/** A firm approved in the park, located by default beside it (Eshtehard). */
const approvedIn = (
  park: Park,
  kinds: ('tenant' | 'supplier')[],
  over: { location?: { lat: number; lon: number }; name?: string } = {},
) =>
  rt.firm({
    kinds,
    location: ESHTEHARD,
    ...over,
    approvedIn: { parkId: park.parkId, operatorToken: park.operator.token },
  });

/** Holds a new booth in the pavilion and, unless `approve` is false, has it submitted and approved. */
async function bookBooth(park: Park, token: string, pavilionId: string, n: number, approve = true) {
  const slot = await addSlot(rt, park.operator.token, pavilionId, n);
  const hold = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token });
  expect(hold.status).toBe(201);
  if (!approve) return;
  const submitted = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/submit`, {
    token,
    body: exhibitor(),
  });
  expect(submitted.status).toBe(200);
  const approved = await rt.call('POST', `/v1/bookings/${hold.body.bookingId}/approve`, {
    token: park.operator.token,
  });
  expect(approved.status).toBe(200);
}

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
    const approved = (kinds: ('tenant' | 'supplier')[]) => approvedIn({ parkId, operator }, kinds);
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
    ) => approvedIn({ parkId, operator }, kinds, { location, ...(name ? { name } : {}) });
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
    const book = (token: string, pavilionId: string, n: number, approve = true) =>
      bookBooth({ parkId, operator }, token, pavilionId, n, approve);
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

  it('keeps a supplier’s supply and a park’s demand in step with every change of its listings and needs', async () => {
    const { parkId, operator } = await rt.park();
    const approved = (kinds: ('tenant' | 'supplier')[]) => approvedIn({ parkId, operator }, kinds);
    const supplier = await approved(['supplier']);
    const [t1, t2] = [await approved(['tenant']), await approved(['tenant'])];
    const { expoId } = await expoWithHalls(operator.token, parkId, [
      { name: 'Chemicals', themes: ['20'] },
      { name: 'Plastics', themes: ['22'] },
    ]);
    const seen = async () =>
      (
        await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, { token: supplier.token })
      ).body.pavilions.map((p: any) => [
        p.name,
        p.demand.openNeeds,
        p.demand.tenants,
        p.matchedListingIds.length,
      ]);
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2011', title: 'Caustic soda' }),
    );
    const need = await createNeed(rt, t1.token, needBody(parkId, { category: '2011' }));
    expect(await seen()).toEqual([['Chemicals', 0, 0, 1]]); // a draft is no demand
    await publish(rt, t1.token, need.needId);
    const other = await createNeed(rt, t2.token, needBody(parkId, { category: '2011' }));
    await publish(rt, t2.token, other.needId);
    expect(await seen()).toEqual([['Chemicals', 2, 2, 1]]);

    // An amendment moves a need to another division; a cancellation takes it out.
    const amended = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: t1.token,
      body: { category: '2220', reason: 'Plastic parts after all.' },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    expect(await seen()).toEqual([['Chemicals', 1, 1, 1]]);
    const plastic = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2220', title: 'Moulded parts' }),
    );
    expect(await seen()).toEqual([
      ['Chemicals', 1, 1, 1],
      ['Plastics', 1, 1, 1],
    ]);
    await rt.call('POST', `/v1/needs/${other.needId}/cancel`, { token: t2.token, body: { reason: 'Done.' } });
    expect(await seen()).toEqual([
      ['Plastics', 1, 1, 1],
      ['Chemicals', 0, 0, 1],
    ]);

    // Another context closes the need in place (as bidding does at the deadline): the index consumer
    // takes it out of the demand too, once however often the change comes.
    const before = await rawItem(rt, `NEED#${need.needId}`, 'NEED');
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.db.tableName,
        Key: { pk: `NEED#${need.needId}`, sk: 'NEED' },
        UpdateExpression: 'SET #s = :closed, #v = #v + :one',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
        ExpressionAttributeValues: { ':closed': 'closed', ':one': 1 },
      }),
    );
    const closed = changeOf(before, await rawItem(rt, `NEED#${need.needId}`, 'NEED'));
    await deliver(rt, 'market.need-index', closed);
    await deliver(rt, 'market.need-index', closed);
    expect(await rt.container.market.repos.needs.refreshIndex(need.needId)).toBe(false);
    expect(await seen()).toEqual([
      ['Chemicals', 0, 0, 1],
      ['Plastics', 0, 0, 1],
    ]);

    // Listings: a new title is quoted; paused or withdrawn, a listing no longer fits a pavilion.
    const etag = (
      await rt.call('GET', `/v1/listings/${listing.listingId}`, { token: supplier.token })
    ).headers.get('etag')!;
    await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      headers: { 'if-match': etag },
      body: { title: 'Caustic soda flakes' },
    });
    const chemicals = async () =>
      (
        await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, { token: supplier.token })
      ).body.pavilions.find((p: any) => p.name === 'Chemicals');
    expect((await chemicals()).reasons[0].detail).toContain('Caustic soda flakes');
    await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      body: { status: 'paused' },
    });
    expect(await chemicals()).toBeUndefined();
    await rt.call('DELETE', `/v1/listings/${plastic.listingId}`, { token: supplier.token });
    expect(await seen()).toEqual([]);
  });

  it('still publishes a need when its park’s demand roster is full, leaving it out of the counts', async () => {
    const { parkId, operator } = await rt.park();
    const approved = (kinds: ('tenant' | 'supplier')[]) => approvedIn({ parkId, operator }, kinds);
    const [supplier, tenant] = [await approved(['supplier']), await approved(['tenant'])];
    await createListing(rt, supplier.token, listingBody({ category: '1311', title: 'Cotton yarn' }));
    // Fill the park's textiles roster to within a few bytes of DynamoDB's 400 KB item limit.
    for (let size = 10_240; ; size -= 1) {
      const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, 'x'.repeat(size)]));
      try {
        await rt.db.doc.send(
          new PutCommand({
            TableName: rt.db.tableName,
            Item: { pk: `DEMAND#${parkId}`, sk: 'DIV#13', type: 'park-demand', ...filler },
          }),
        );
        break;
      } catch (err) {
        if ((err as Error).name !== 'ValidationException') throw err;
      }
    }
    const need = await createNeed(rt, tenant.token, needBody(parkId, { category: '1311' }));
    const published = await rt.call('POST', `/v1/needs/${need.needId}/publish`, { token: tenant.token });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('open');
    const { expoId } = await expoWithHalls(operator.token, parkId, [{ name: 'Textiles', themes: ['13'] }]);
    const res = await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, {
      token: supplier.token,
    });
    expect(res.body.pavilions.map((p: any) => [p.name, p.demand.openNeeds])).toEqual([['Textiles', 0]]);
  });

  it('recommends booths for a tenant’s open needs under their current titles, and none for a need that left', async () => {
    const { parkId, operator } = await rt.park();
    const approved = (kinds: ('tenant' | 'supplier')[], name?: string) =>
      approvedIn({ parkId, operator }, kinds, name ? { name } : {});
    const supplier = await approved(['supplier'], 'Glass works');
    const tenant = await approved(['tenant']);
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2310', serviceArea: { scope: 'national' } }),
    );
    await matchListing(rt, listing.listingId);
    const need = await createNeed(
      rt,
      tenant.token,
      needBody(parkId, { category: '2310', title: 'Float glass' }),
    );
    await publishAndMatch(rt, tenant.token, need.needId);
    const { expoId, pavilions } = await expoWithHalls(operator.token, parkId, [
      { name: 'Glass', themes: ['23'] },
    ]);
    await bookBooth({ parkId, operator }, supplier.token, pavilions.Glass!, 0);
    const booths = async () =>
      (
        await rt.call('GET', `/v1/pavilion-recommendations?expoId=${expoId}`, { token: tenant.token })
      ).body.booths.map((b: any) => [b.exhibitor.name, b.needs.map((n: any) => n.title)]);
    expect(await booths()).toEqual([['Glass works', ['Float glass']]]);

    const before = await rawItem(rt, `NEED#${need.needId}`, 'NEED');
    const amended = await rt.call('POST', `/v1/needs/${need.needId}/amend`, {
      token: tenant.token,
      body: { title: 'Tempered float glass', reason: 'Safety glass.' },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    await deliver(rt, 'market.matching', changeOf(before, await rawItem(rt, `NEED#${need.needId}`, 'NEED')));
    expect(await booths()).toEqual([['Glass works', ['Tempered float glass']]]);

    const open = await rawItem(rt, `NEED#${need.needId}`, 'NEED');
    await rt.call('POST', `/v1/needs/${need.needId}/cancel`, {
      token: tenant.token,
      body: { reason: 'No.' },
    });
    await deliver(rt, 'market.matching', changeOf(open, await rawItem(rt, `NEED#${need.needId}`, 'NEED')));
    expect(await booths()).toEqual([]);
  });
});
