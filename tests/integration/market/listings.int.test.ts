import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { createListing, ESHTEHARD, listingBody, parkWithBuyer } from './market-fixtures';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

async function world() {
  const w = await parkWithBuyer(rt);
  const supplier = await rt.firm({
    kinds: ['supplier'],
    location: ESHTEHARD,
    approvedIn: { parkId: w.parkId, operatorToken: w.operator.token },
  });
  return { ...w, supplier };
}

const idle = (parkId: string) =>
  listingBody({
    kind: 'capacity',
    title: 'Idle 5-axis CNC machining centre',
    description: 'Second shift free: aluminium and steel parts up to 600 mm.',
    category: '2592',
    unit: 'h',
    capacityPerPeriod: 160,
    period: 'month',
    machineClass: '5-axis CNC machining centre, 600 mm',
    availableFrom: '2030-01-01',
    availableUntil: '2030-12-31',
    indicativePrice: { amount: 2_500_000, currency: 'IRR' },
    parkId,
  });

describe('listings', () => {
  it('publishes idle capacity with its machine, free hours and dates, active at once', async () => {
    const { parkId, supplier, buyer } = await world();
    const res = await rt.call('POST', '/v1/listings', { token: supplier.token, body: idle(parkId) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'active',
      kind: 'capacity',
      supplierOrgId: supplier.orgId,
      parkId,
      location: ESHTEHARD,
      country: 'IR',
      certificates: [],
      indicativePrice: { amount: 2_500_000, currency: 'IRR' },
    });
    expect(res.body).not.toHaveProperty('searchText');
    expect((await rt.call('GET', `/v1/listings/${res.body.listingId}`, { token: buyer.token })).status).toBe(
      200,
    );
  });

  it('refuses inconsistent listings, naming the fields', async () => {
    const { parkId, supplier, buyer } = await world();
    const { machineClass: _m, capacityPerPeriod: _c, ...noMachine } = idle(parkId) as Record<string, unknown>;
    const res = await rt.call('POST', '/v1/listings', { token: supplier.token, body: noMachine });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['capacityPerPeriod', 'machineClass']);
    const radius = await rt.call('POST', '/v1/listings', {
      token: supplier.token,
      body: listingBody({ serviceArea: { scope: 'radius' } }),
    });
    expect(radius.status).toBe(400);
    const float = await rt.call('POST', '/v1/listings', {
      token: supplier.token,
      body: listingBody({ indicativePrice: { amount: 10.5, currency: 'IRR' } }),
    });
    expect(float.status).toBe(400);
    const parkOnly = await rt.call('POST', '/v1/listings', {
      token: supplier.token,
      body: listingBody({ serviceArea: { scope: 'park' } }),
    });
    expect(parkOnly.body.errors).toEqual([
      { path: 'parkId', message: 'A listing that serves its own park names that park.' },
    ]);
    const notMine = await rt.park();
    const foreign = await rt.call('POST', '/v1/listings', {
      token: supplier.token,
      body: listingBody({ parkId: notMine.parkId }),
    });
    expect(foreign.status).toBe(422);
    expect((await rt.call('POST', '/v1/listings', { token: buyer.token, body: listingBody() })).status).toBe(
      403,
    );
  });

  it('changes under If-Match, pauses and resumes, and lets no other supplier touch it', async () => {
    const { parkId, supplier, operator, buyer } = await world();
    const listing = await createListing(rt, supplier.token, listingBody({ parkId }));
    const rival = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    expect(
      (
        await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
          token: rival.token,
          body: { leadTimeDays: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await rt.call('DELETE', `/v1/listings/${listing.listingId}`, { token: rival.token })).status,
    ).toBe(404);
    const stale = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      headers: { 'if-match': '"v5"' },
      body: { leadTimeDays: 3 },
    });
    expect(stale.status).toBe(412);
    const paused = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      headers: { 'if-match': '"v1"' },
      body: { leadTimeDays: 3, status: 'paused' },
    });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ leadTimeDays: 3, status: 'paused', version: 2 });
    expect(paused.headers.get('etag')).toBe('"v2"');
    expect((await rt.call('GET', `/v1/listings/${listing.listingId}`, { token: buyer.token })).status).toBe(
      404,
    );
    expect(
      (await rt.call('GET', `/v1/listings?parkId=${parkId}`, { token: buyer.token })).body.items,
    ).toEqual([]);
    const mine = await rt.call('GET', '/v1/listings?mine=true', { token: supplier.token });
    expect(mine.body.items.map((l: any) => l.listingId)).toEqual([listing.listingId]);
    const inconsistent = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      body: { minOrder: 1000 },
    });
    expect(inconsistent.status).toBe(400);
    const resumed = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      body: { status: 'active' },
    });
    expect(resumed.body.status).toBe('active');
    expect(
      (await rt.call('GET', `/v1/listings?parkId=${parkId}`, { token: buyer.token })).body.items,
    ).toHaveLength(1);
  });

  it('withdraws on DELETE: gone from reads and search, kept in the audit trail', async () => {
    const { parkId, supplier, operator, buyer } = await world();
    const listing = await createListing(rt, supplier.token, listingBody({ parkId }));
    expect(
      (await rt.call('DELETE', `/v1/listings/${listing.listingId}`, { token: supplier.token })).status,
    ).toBe(204);
    expect(
      (await rt.call('GET', `/v1/listings/${listing.listingId}`, { token: supplier.token })).status,
    ).toBe(404);
    expect(
      (await rt.call('DELETE', `/v1/listings/${listing.listingId}`, { token: supplier.token })).status,
    ).toBe(404);
    expect(
      (await rt.call('GET', `/v1/listings?parkId=${parkId}`, { token: buyer.token })).body.items,
    ).toEqual([]);
    expect((await rt.call('GET', '/v1/listings?mine=true', { token: supplier.token })).body.items).toEqual(
      [],
    );
    const audit = await rt.call('GET', `/v1/audit?entityId=${listing.listingId}`, { token: operator.token });
    expect(audit.body.items.map((r: any) => r.action)).toEqual(['listing.created', 'listing.withdrawn']);
  });
});
