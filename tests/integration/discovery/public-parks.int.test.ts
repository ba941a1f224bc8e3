import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { addSlot, expoWithPavilion } from '../expos/expo-fixture';
import { createListing, createNeed, listingBody, needBody, publish } from '../market/market-fixtures';

// The real stream poller runs the chain-map consumer, whose counters the public page shows.
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ jobs: true });
}, 60_000);
afterAll(() => rt?.stop());

const SECRETS = {
  openNeedText: 'Pipe for the secret extrusion line',
  draftTitle: 'Draft nobody may read',
  hiddenFirm: 'Quiet Castings Co',
  holder: 'Holder Secret Booth',
};

/** A park with an expo, a public tenant, a hidden one, an open need, a draft and a held booth. */
async function busyPark() {
  const { parkId, operator, expoId, pavilionId } = await expoWithPavilion(rt);
  const approvedIn = { parkId, operatorToken: operator.token };
  const shown = await rt.firm({ kinds: ['tenant'], name: 'Open Foundry Co', approvedIn });
  const patched = await rt.call('PATCH', `/v1/orgs/${shown.orgId}`, {
    token: shown.token,
    body: { publicProfile: true },
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const hidden = await rt.firm({ kinds: ['tenant'], name: SECRETS.hiddenFirm, approvedIn });
  const need = await createNeed(
    rt,
    hidden.token,
    needBody(parkId, { description: SECRETS.openNeedText, title: 'Seamless steel pipe' }),
  );
  await publish(rt, hidden.token, need.needId);
  await createNeed(rt, shown.token, needBody(parkId, { title: SECRETS.draftTitle }));
  const supplier = await rt.firm({ kinds: ['tenant', 'supplier'], name: 'In-park Mill', approvedIn });
  await createListing(rt, supplier.token, listingBody({ category: '2410', parkId }));
  const slot = await addSlot(rt, operator.token, pavilionId, 0);
  const holder = await rt.firm({ kinds: ['supplier'], name: SECRETS.holder });
  const held = await rt.call('POST', `/v1/slots/${slot.slotId}/hold`, { token: holder.token });
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  return { parkId, expoId, shown, hidden, supplier };
}

describe('public park pages, without a token', { timeout: 120_000 }, () => {
  it('shows a park’s counts, sectors and open expos, cacheable, and nothing private', async () => {
    const { parkId, expoId } = await busyPark();
    const { value: page } = await eventually(
      () => rt.call('GET', `/v1/public/parks/${parkId}`),
      (r) => r.status === 200 && r.body.openNeeds === 1 && r.body.memberFirms === 3,
      60_000,
    );
    expect(page.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(page.body).toMatchObject({
      parkId,
      name: 'Eshtehard Industrial Town',
      country: 'IR',
      timeZone: 'Asia/Tehran',
      openNeeds: 1,
      memberFirms: 3,
      openExpos: [{ expoId, name: 'Industrial supply expo', venue: 'Park exhibition centre' }],
    });
    expect(page.body.sectors).toContainEqual({
      division: '24',
      titles: expect.objectContaining({ en: 'Manufacture of basic metals', fa: expect.any(String) }),
      inParkListings: 1,
      declaredInputs: 0,
      openNeeds: 1,
    });
    const text = JSON.stringify(page.body);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(Object.keys(page.body)).not.toEqual(expect.arrayContaining(['operatorOrgId']));
    expect(page.body).not.toHaveProperty('operatorOrgId');
    expect(page.body).not.toHaveProperty('version');
  });

  it('lists only the members that chose to be shown, with what they are in the park', async () => {
    const { parkId, shown } = await busyPark();
    const firms = await rt.call('GET', `/v1/public/parks/${parkId}/firms?limit=100`);
    expect(firms.status).toBe(200);
    expect(firms.headers.get('cache-control')).toContain('public');
    expect(firms.body.items).toEqual([
      { orgId: shown.orgId, name: 'Open Foundry Co', country: 'IR', as: ['tenant'] },
    ]);
    expect(JSON.stringify(firms.body)).not.toContain(SECRETS.hiddenFirm);
  });

  it('lists parks in the directory, and answers 404 problem+json for an unknown park', async () => {
    const { parkId } = await busyPark();
    const all = await rt.call('GET', '/v1/public/parks?country=IR&limit=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((p: { parkId: string }) => p.parkId)).toContain(parkId);
    expect(all.body.items[0]).not.toHaveProperty('operatorOrgId');
    const missing = await rt.call('GET', '/v1/public/parks/park_nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bad = await rt.call('GET', '/v1/public/parks?country=iran');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.country');
  });

  it('answers the same with a token, and ignores a bad one', async () => {
    const { parkId, shown } = await busyPark();
    const anonymous = await rt.call('GET', `/v1/public/parks/${parkId}/firms`);
    const signedIn = await rt.call('GET', `/v1/public/parks/${parkId}/firms`, { token: shown.token });
    const forged = await rt.call('GET', `/v1/public/parks/${parkId}/firms`, { token: 'not-a-jwt' });
    expect(signedIn.body).toEqual(anonymous.body);
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual(anonymous.body);
  });
});
