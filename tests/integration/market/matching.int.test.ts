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
  parkWithBuyer,
  publishAndMatch,
  rawItem,
  supplierNear,
} from './market-fixtures';

// Each test works in its own ISIC division, so candidates of one test never reach another's needs.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const matchesOf = async (token: string, needId: string) => {
  const res = await rt.call('GET', `/v1/needs/${needId}/matches`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
};

const notificationsOf = async (token: string, kind: string) => {
  const res = await rt.call('GET', '/v1/notifications?limit=100', { token });
  expect(res.status).toBe(200);
  return (res.body.items as any[]).filter((n) => n.kind === kind);
};

describe('ranking', () => {
  it('puts an exact-class, in-park, certified listing above a division-only listing 500 km away', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const local = await rt.firm({
      kinds: ['tenant', 'supplier'],
      location: ESHTEHARD,
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const far = await rt.firm({
      kinds: ['supplier'],
      location: FAR_SOUTH,
      approvedIn: { parkId, operatorToken: operator.token },
    });
    await rt.verifiedCertificate(local.token, local.orgId, operator.token, 'iso_9001');
    await rt.verifiedCertificate(far.token, far.orgId, operator.token, 'iso_9001');
    const farListing = await createListing(
      rt,
      far.token,
      listingBody({ category: '2410', title: 'Steel billets' }),
    );
    const localListing = await createListing(
      rt,
      local.token,
      listingBody({ category: '2420', parkId, serviceArea: { scope: 'park' }, certificates: ['iso_9001'] }),
    );
    const need = await createNeed(rt, buyer.token, needBody(parkId, { requiredCertificates: ['iso_9001'] }));
    await publishAndMatch(rt, buyer.token, need.needId);

    const matches = await matchesOf(buyer.token, need.needId);
    expect(matches.map((m) => m.listingId)).toEqual([localListing.listingId, farListing.listingId]);
    const [first, second] = matches;
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.score).toBeGreaterThanOrEqual(80);
    expect(first.reasons.map((r: any) => r.code)).toEqual(
      expect.arrayContaining(['category.exact', 'distance.same_park', 'certificates.required_held']),
    );
    expect(second.reasons.map((r: any) => r.code)).toEqual(
      expect.arrayContaining(['category.same_division', 'distance.km']),
    );
    expect(second.distanceKm).toBeGreaterThan(480);
    expect(second.distanceKm).toBeLessThan(520);
    for (const m of matches) {
      expect(m).toMatchObject({ needId: need.needId, supplierOrgId: expect.any(String) });
      for (const r of m.reasons)
        expect(r).toMatchObject({ code: expect.any(String), detail: expect.any(String) });
    }
    expect(first.supplierOrgId).toBe(local.orgId);
    expect(first.listingTitle).toBe(localListing.title);
  });

  it('never lets an unverified or expired certificate satisfy a requirement', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const supplier = () => supplierNear(rt, { parkId, operator });
    const [unverified, expired, valid] = [await supplier(), await supplier(), await supplier()];
    const claimed = await rt.call('POST', `/v1/orgs/${unverified.orgId}/certificates`, {
      token: unverified.token,
      body: { kind: 'iso_9001', number: 'U-1', issuer: 'Self', validUntil: '2099-12-31' },
    });
    expect(claimed.status).toBe(201);
    await rt.verifiedCertificate(expired.token, expired.orgId, operator.token, 'iso_9001', '2020-01-01');
    await rt.verifiedCertificate(valid.token, valid.orgId, operator.token, 'iso_9001');
    for (const s of [unverified, expired, valid]) {
      await createListing(
        rt,
        s.token,
        listingBody({ category: '2592', title: 'CNC machining', unit: 'pcs' }),
      );
    }
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2592', unit: 'pcs', quantity: 500, requiredCertificates: ['iso_9001'] }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    const matches = await matchesOf(buyer.token, need.needId);
    expect(matches.map((m) => m.supplierOrgId)).toEqual([valid.orgId]);
  });

  it('leaves out listings whose service area does not reach the delivery park', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const other = await rt.park({ name: 'Other park', location: FAR_SOUTH });
    const firm = (
      location: { lat: number; lon: number },
      country = 'IR',
      inPark = parkId,
      operatorToken = operator.token,
    ) => rt.firm({ kinds: ['supplier'], location, country, approvedIn: { parkId: inPark, operatorToken } });
    const shortRadius = await firm(FAR_SOUTH);
    const otherParkOnly = await firm(FAR_SOUTH, 'IR', other.parkId, other.operator.token);
    const abroad = await firm(FAR_SOUTH, 'TR');
    const longRadius = await firm(FAR_SOUTH);
    const body = (over: Record<string, unknown>) =>
      listingBody({ category: '2220', title: 'Injection moulding', ...over });
    await createListing(rt, shortRadius.token, body({ serviceArea: { scope: 'radius', radiusKm: 300 } }));
    await createListing(
      rt,
      otherParkOnly.token,
      body({ parkId: other.parkId, serviceArea: { scope: 'park' } }),
    );
    await createListing(rt, abroad.token, body({ serviceArea: { scope: 'national' } }));
    const reaching = await createListing(
      rt,
      longRadius.token,
      body({ serviceArea: { scope: 'radius', radiusKm: 600 } }),
    );
    const need = await createNeed(rt, buyer.token, needBody(parkId, { category: '2220' }));
    await publishAndMatch(rt, buyer.token, need.needId);
    const matches = await matchesOf(buyer.token, need.needId);
    expect(matches.map((m) => m.listingId)).toEqual([reaching.listingId]);
  });

  it('matches a park-only need only with approved suppliers of that park', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const other = await rt.park({ name: 'Other park' });
    const member = await supplierNear(rt, { parkId, operator });
    const outsider = await rt.firm({
      kinds: ['supplier'],
      location: ESHTEHARD,
      approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
    });
    const unapproved = await rt.firm({ kinds: ['supplier'], location: ESHTEHARD });
    const body = listingBody({ category: '2610', unit: 'pcs', title: 'PCB assembly' });
    const mine = await createListing(rt, member.token, body);
    await createListing(rt, outsider.token, body);
    await createListing(rt, unapproved.token, body);
    const parkOnly = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2610', unit: 'pcs', visibility: 'park' }),
    );
    await publishAndMatch(rt, buyer.token, parkOnly.needId);
    expect((await matchesOf(buyer.token, parkOnly.needId)).map((m) => m.listingId)).toEqual([mine.listingId]);

    const open = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2610', unit: 'pcs', title: 'PCB, public' }),
    );
    await publishAndMatch(rt, buyer.token, open.needId);
    const suppliers = (await matchesOf(buyer.token, open.needId)).map((m) => m.supplierOrgId).sort();
    expect(suppliers).toEqual([member.orgId, outsider.orgId].sort());
  });
});

describe('the supplier inbox', () => {
  it('holds the open needs its listings match, best first, paginated, and drops cancelled ones', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const supplier = await supplierNear(rt, { parkId, operator });
    await createListing(
      rt,
      supplier.token,
      listingBody({ category: '1702', title: 'Corrugated boxes', unit: 'pcs', capacityPerPeriod: 50_000 }),
    );
    const post = async (over: Record<string, unknown>, publish = true) => {
      const need = await createNeed(
        rt,
        buyer.token,
        needBody(parkId, { unit: 'pcs', quantity: 10_000, ...over }),
      );
      if (publish) await publishAndMatch(rt, buyer.token, need.needId);
      return need;
    };
    const exact = await post({ category: '1702', title: 'Export cartons' });
    const tooBig = await post({ category: '1702', title: 'Cartons, a whole year', quantity: 400_000 });
    const sameGroup = await post({ category: '1701', title: 'Kraft paper' });
    const otherDivision = await post({ category: '1811', title: 'Printed manuals' });
    const draft = await post({ category: '1702', title: 'Draft cartons' }, false);
    const cancelled = await post({ category: '1702', title: 'Cancelled cartons' });

    const before = await rawItem(rt, `NEED#${cancelled.needId}`, 'NEED');
    const res = await rt.call('POST', `/v1/needs/${cancelled.needId}/cancel`, {
      token: buyer.token,
      body: { reason: 'Bought elsewhere' },
    });
    expect(res.status).toBe(200);
    await deliver(
      rt,
      'market.matching',
      changeOf(before, await rawItem(rt, `NEED#${cancelled.needId}`, 'NEED')),
    );

    const page1 = await rt.call('GET', '/v1/matches?limit=2', { token: supplier.token });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await rt.call(
      'GET',
      `/v1/matches?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      {
        token: supplier.token,
      },
    );
    const inbox = [...page1.body.items, ...page2.body.items];
    expect(inbox.map((i) => i.needId)).toEqual([exact.needId, tooBig.needId, sameGroup.needId]);
    const scores = inbox.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(inbox[0]).toMatchObject({
      need: { title: 'Export cartons', category: '1702', parkId },
      bestListingId: expect.any(String),
    });
    expect(inbox[1].reasons.map((r: any) => r.code)).toContain('capacity.partial');
    expect(inbox[2].reasons.map((r: any) => r.code)).toContain('category.same_group');
    for (const absent of [otherDivision, draft, cancelled])
      expect(inbox.map((i) => i.needId)).not.toContain(absent.needId);
  });

  it('is for suppliers only', async () => {
    const { buyer } = await parkWithBuyer(rt);
    expect((await rt.call('GET', '/v1/matches', { token: buyer.token })).status).toBe(403);
  });
});

describe('matching from the listing side', () => {
  it('adds a listing published after the need, and removes it when withdrawn', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '1311', unit: 'kg', title: 'Cashmere yarn' }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    expect(await matchesOf(buyer.token, need.needId)).toEqual([]);

    const supplier = await supplierNear(rt, { parkId, operator });
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '1311', unit: 'kg', title: 'Spun yarn' }),
    );
    await matchListing(rt, listing.listingId);
    expect((await matchesOf(buyer.token, need.needId)).map((m) => m.listingId)).toEqual([listing.listingId]);
    const inbox = await rt.call('GET', '/v1/matches', { token: supplier.token });
    expect(inbox.body.items.map((i: any) => i.needId)).toEqual([need.needId]);
    expect(await notificationsOf(supplier.token, 'need.matched')).toHaveLength(1);

    const before = await rawItem(rt, `LISTING#${listing.listingId}`, 'LISTING');
    expect(
      (await rt.call('DELETE', `/v1/listings/${listing.listingId}`, { token: supplier.token })).status,
    ).toBe(204);
    await deliver(
      rt,
      'market.matching',
      changeOf(before, await rawItem(rt, `LISTING#${listing.listingId}`, 'LISTING')),
    );
    expect(await matchesOf(buyer.token, need.needId)).toEqual([]);
    expect((await rt.call('GET', '/v1/matches', { token: supplier.token })).body.items).toEqual([]);
  });

  it('matches a supplier once the operator approves it', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '1512', unit: 'pcs', title: 'Leather bags' }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    const supplier = await rt.firm({ kinds: ['supplier'], location: ESHTEHARD });
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '1512', unit: 'pcs', title: 'Handbags' }),
    );
    await matchListing(rt, listing.listingId);
    expect(await matchesOf(buyer.token, need.needId)).toEqual([]);

    expect(
      (await rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: supplier.token, body: {} })).status,
    ).toBe(201);
    const before = await rawItem(rt, `PARK#${parkId}`, `MEMBER#${supplier.orgId}`);
    const approved = await rt.call('POST', `/v1/parks/${parkId}/memberships/${supplier.orgId}/approve`, {
      token: operator.token,
    });
    expect(approved.status).toBe(200);
    await deliver(
      rt,
      'market.matching',
      changeOf(before, await rawItem(rt, `PARK#${parkId}`, `MEMBER#${supplier.orgId}`)),
    );
    expect((await matchesOf(buyer.token, need.needId)).map((m) => m.listingId)).toEqual([listing.listingId]);
  });
});

describe('notifications', () => {
  it('tells each matched supplier once per need, whatever is retried or redelivered', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const a = await supplierNear(rt, { parkId, operator });
    const b = await supplierNear(rt, { parkId, operator });
    await createListing(rt, a.token, listingBody({ category: '1050', unit: 'kg', title: 'Milk powder' }));
    await createListing(rt, b.token, listingBody({ category: '1050', unit: 'kg', title: 'Butter' }));
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '1050', unit: 'kg', title: 'Skimmed milk powder' }),
    );
    const { change } = await publishAndMatch(rt, buyer.token, need.needId);

    // The same stream record delivered again, and the job retried directly.
    await deliver(rt, 'market.matching', change);
    await rt.container.market.matching.matchNeed(need.needId);
    // A crash after notifying but before the inbox row was written: the rerun notifies no one twice.
    await rt.db.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).DeleteCommand({
        TableName: rt.db.tableName,
        Key: { pk: `INBOX#${a.orgId}`, sk: `NEED#${need.needId}` },
      }),
    );
    await deliver(rt, 'market.matching', change);
    // Another listing of the same supplier matching the same need.
    const second = await createListing(
      rt,
      a.token,
      listingBody({ category: '1050', unit: 'kg', title: 'Whey powder' }),
    );
    await matchListing(rt, second.listingId);

    for (const s of [a, b]) {
      const notes = await notificationsOf(s.token, 'need.matched');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        entityId: need.needId,
        data: { needId: need.needId, title: 'Skimmed milk powder' },
      });
    }
    const inboxA = await rt.call('GET', '/v1/matches', { token: a.token });
    expect(inboxA.body.items).toHaveLength(1);
    expect(inboxA.body.items[0].listingIds).toHaveLength(2);
    expect(await notificationsOf(buyer.token, 'need.matched')).toHaveLength(0);
  });
});

describe('who sees matches', () => {
  it('shows a need’s matches to its owner only', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const supplier = await supplierNear(rt, { parkId, operator });
    const otherBuyer = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2011', unit: 't', title: 'Caustic soda' }),
    );
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2011', title: 'Caustic soda flakes' }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    expect(await matchesOf(buyer.token, need.needId)).toHaveLength(1);
    for (const token of [supplier.token, otherBuyer.token, operator.token]) {
      expect((await rt.call('GET', `/v1/needs/${need.needId}/matches`, { token })).status).toBe(404);
    }
    expect((await rt.call('GET', '/v1/needs/need_unknown/matches', { token: buyer.token })).status).toBe(404);
  });

  it('answers from the matches alone, and still 404 to others when a need has no match', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const otherBuyer = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '3100', title: 'Office chairs' }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    expect(await matchesOf(buyer.token, need.needId)).toEqual([]);
    expect(
      (await rt.call('GET', `/v1/needs/${need.needId}/matches`, { token: otherBuyer.token })).status,
    ).toBe(404);
  });
});

describe('what the owner’s list shows', () => {
  it('keeps the listing’s title and kind and the supplier’s name current through the stream', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const supplier = await supplierNear(rt, { parkId, operator }, { name: 'Paper Mill One' });
    const listing = await createListing(
      rt,
      supplier.token,
      listingBody({ category: '2310', unit: 't', title: 'Kraft paper rolls' }),
    );
    const need = await createNeed(
      rt,
      buyer.token,
      needBody(parkId, { category: '2310', title: 'Kraft paper' }),
    );
    await publishAndMatch(rt, buyer.token, need.needId);
    const shown = async () =>
      (await matchesOf(buyer.token, need.needId)).map((m) => [m.listingTitle, m.listingKind, m.supplierName]);
    expect(await shown()).toEqual([['Kraft paper rolls', 'product', 'Paper Mill One']]);
    const [match] = await matchesOf(buyer.token, need.needId);
    expect(match).not.toHaveProperty('needOwnerOrgId');

    const beforeListing = await rawItem(rt, `LISTING#${listing.listingId}`, 'LISTING');
    const renamed = await rt.call('PATCH', `/v1/listings/${listing.listingId}`, {
      token: supplier.token,
      body: { title: 'Kraft paper, 80 gsm' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await deliver(
      rt,
      'market.matching',
      changeOf(beforeListing, await rawItem(rt, `LISTING#${listing.listingId}`, 'LISTING')),
    );
    expect(await shown()).toEqual([['Kraft paper, 80 gsm', 'product', 'Paper Mill One']]);

    const beforeOrg = await rawItem(rt, `ORG#${supplier.orgId}`, 'ORG');
    const org = await rt.call('PATCH', `/v1/orgs/${supplier.orgId}`, {
      token: supplier.token,
      body: { name: 'Paper Mill Two' },
    });
    expect(org.status, JSON.stringify(org.body)).toBe(200);
    const change = changeOf(beforeOrg, await rawItem(rt, `ORG#${supplier.orgId}`, 'ORG'));
    await deliver(rt, 'market.matching', change);
    await deliver(rt, 'market.matching', change);
    expect(await shown()).toEqual([['Kraft paper, 80 gsm', 'product', 'Paper Mill Two']]);
  });
});
