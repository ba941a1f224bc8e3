import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
/** One park for the lifecycle tests: each test has its own firm, so their memberships are apart. */
let shared: { parkId: string; op: string };

beforeAll(async () => {
  rt = await startTestRuntime();
  const { parkId, operator } = await rt.park();
  shared = { parkId, op: operator.token };
});
afterAll(() => rt.stop());

type Firm = Awaited<ReturnType<TestRuntime['firm']>>;

async function setup(kinds: ('tenant' | 'supplier')[] = ['tenant']) {
  return { ...shared, firm: await rt.firm({ kinds }) };
}

const apply = (parkId: string, firm: Firm, body?: unknown) =>
  rt.call('POST', `/v1/parks/${parkId}/memberships`, { token: firm.token, body });
const decide = (parkId: string, orgId: string, action: string, op: string, body?: unknown) =>
  rt.call('POST', `/v1/parks/${parkId}/memberships/${orgId}/${action}`, { token: op, body });
const actions = (res: CallResult) => res.body.history.map((h: { action: string }) => h.action);

describe('membership lifecycle', () => {
  it('applies as pending with all of the org’s kinds when the body is empty', async () => {
    const { parkId, firm } = await setup(['tenant', 'supplier']);
    const res = await apply(parkId, firm);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      parkId,
      orgId: firm.orgId,
      status: 'pending',
      as: ['tenant', 'supplier'],
      suspended: false,
      decidedAt: null,
    });
    expect(actions(res)).toEqual(['applied']);
    expect(res.headers.get('etag')).toBe('"v1"');
  });

  it('applies as only the kinds asked for', async () => {
    const { parkId, firm } = await setup(['tenant', 'supplier']);
    expect((await apply(parkId, firm, { as: ['supplier'] })).body.as).toEqual(['supplier']);
  });

  it('approves with decidedAt, the reason and the history', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    const res = await decide(parkId, firm.orgId, 'approve', op, { reason: 'Lease signed for plot 14' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      reason: 'Lease signed for plot 14',
      suspended: false,
    });
    expect(res.body.decidedAt).toEqual(expect.stringMatching(/Z$/));
    expect(actions(res)).toEqual(['applied', 'approved']);
    expect(res.body.history[1]).toMatchObject({
      reason: 'Lease signed for plot 14',
      byUserId: expect.any(String),
    });
    expect(await rt.container.memberships.isActive(parkId, firm.orgId, 'tenant')).toBe(true);
  });

  it('requires a reason to suspend (400 without a body or with an empty one), changing nothing', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    await decide(parkId, firm.orgId, 'approve', op);
    for (const body of [undefined, {}, { reason: '' }]) {
      const res = await decide(parkId, firm.orgId, 'suspend', op, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    }
    expect(await rt.container.repos.memberships.get(parkId, firm.orgId)).toMatchObject({
      suspended: false,
      version: 2,
    });
  });

  it('suspends an approved member: still approved on record, but no longer active', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    const approved = await decide(parkId, firm.orgId, 'approve', op);
    const res = await decide(parkId, firm.orgId, 'suspend', op, { reason: 'Fire safety inspection failed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      suspended: true,
      reason: 'Fire safety inspection failed',
    });
    expect(res.body.decidedAt).toBe(approved.body.decidedAt);
    expect(actions(res)).toEqual(['applied', 'approved', 'suspended']);
    expect(await rt.container.memberships.isActive(parkId, firm.orgId, 'tenant')).toBe(false);
    const listed = await rt.call('GET', `/v1/parks/${parkId}/memberships?status=approved&limit=100`, {
      token: op,
    });
    expect(listed.body.items.map((m: { orgId: string }) => m.orgId)).toContain(firm.orgId);
    expect((await decide(parkId, firm.orgId, 'suspend', op, { reason: 'again' })).status).toBe(409);
  });

  it('reinstates a suspended member, keeping the whole history', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    await decide(parkId, firm.orgId, 'approve', op);
    await decide(parkId, firm.orgId, 'suspend', op, { reason: 'Unpaid charges' });
    const res = await decide(parkId, firm.orgId, 'reinstate', op, { reason: 'Paid' });
    expect(res.body).toMatchObject({ status: 'approved', suspended: false });
    expect(actions(res)).toEqual(['applied', 'approved', 'suspended', 'reinstated']);
    expect(await rt.container.memberships.isActive(parkId, firm.orgId, 'tenant')).toBe(true);
    expect((await decide(parkId, firm.orgId, 'reinstate', op)).status).toBe(409);
  });

  it('rejects an application with its reason', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    const res = await decide(parkId, firm.orgId, 'reject', op, { reason: 'Zoning does not allow smelting' });
    expect(res.body).toMatchObject({ status: 'rejected', reason: 'Zoning does not allow smelting' });
    expect(res.body.decidedAt).toEqual(expect.any(String));
    expect(actions(res)).toEqual(['applied', 'rejected']);
    expect(await rt.container.memberships.isActive(parkId, firm.orgId, 'tenant')).toBe(false);
  });

  it('refuses to approve a rejected application or a second time (409)', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    await decide(parkId, firm.orgId, 'approve', op);
    expect((await decide(parkId, firm.orgId, 'approve', op)).status).toBe(409);
    await decide(parkId, firm.orgId, 'reject', op, { reason: 'Ended' });
    const res = await decide(parkId, firm.orgId, 'approve', op);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('membership.invalid_transition');
  });

  it('lets a rejected firm apply again, as pending, with the earlier history kept', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    await decide(parkId, firm.orgId, 'reject', op, { reason: 'Incomplete documents' });
    const again = await apply(parkId, firm);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'pending', decidedAt: null, version: 3 });
    expect(actions(again)).toEqual(['applied', 'rejected', 'applied']);
    const pending = await rt.call('GET', `/v1/parks/${parkId}/memberships?status=pending&limit=100`, {
      token: op,
    });
    const rejected = await rt.call('GET', `/v1/parks/${parkId}/memberships?status=rejected&limit=100`, {
      token: op,
    });
    expect(pending.body.items.map((m: { orgId: string }) => m.orgId)).toContain(firm.orgId);
    expect(rejected.body.items.map((m: { orgId: string }) => m.orgId)).not.toContain(firm.orgId);
  });

  it('refuses an application as a kind the org does not declare (422, naming as)', async () => {
    const { parkId, firm } = await setup(['tenant']);
    const res = await apply(parkId, firm, { as: ['supplier'] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('membership.kind_not_declared');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['as']);
    expect(await rt.container.repos.memberships.get(parkId, firm.orgId)).toBeNull();
  });

  it('refuses an application as operator (400): not a kind a firm can apply as', async () => {
    const { parkId, firm } = await setup(['tenant']);
    expect((await apply(parkId, firm, { as: ['operator'] })).status).toBe(400);
  });

  it('refuses a duplicate application while one is pending or approved (409)', async () => {
    const { parkId, op, firm } = await setup();
    await apply(parkId, firm);
    const dup = await apply(parkId, firm);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('membership.exists');
    await decide(parkId, firm.orgId, 'approve', op);
    expect((await apply(parkId, firm)).status).toBe(409);
    expect((await rt.container.repos.memberships.get(parkId, firm.orgId))?.history).toHaveLength(2);
  });

  it('lets only one of two simultaneous applications through', async () => {
    const { parkId, firm } = await setup();
    const results = await Promise.all([apply(parkId, firm), apply(parkId, firm)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('answers 404 to an application to an unknown park', async () => {
    const { firm } = await setup();
    expect((await apply('park_unknown', firm)).status).toBe(404);
  });
});

describe('membership lists', () => {
  it("lists a park's applications by status: pending lists only pending", async () => {
    const { parkId, operator } = await rt.park();
    const op = operator.token;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => rt.firm({ kinds: ['tenant'] })));
    for (const f of [a!, b!, c!]) await apply(parkId, f);
    await decide(parkId, b!.orgId, 'approve', op);
    await decide(parkId, c!.orgId, 'reject', op, { reason: 'No' });
    const ids = async (q: string) =>
      (await rt.call('GET', `/v1/parks/${parkId}/memberships${q}`, { token: op })).body.items
        .map((m: { orgId: string }) => m.orgId)
        .sort();
    expect(await ids('?status=pending')).toEqual([a!.orgId]);
    expect(await ids('?status=approved')).toEqual([b!.orgId]);
    expect(await ids('?status=rejected')).toEqual([c!.orgId]);
    expect(await ids('')).toEqual([a!.orgId, b!.orgId, c!.orgId].sort());
    expect(
      (await rt.call('GET', `/v1/parks/${parkId}/memberships?status=suspended`, { token: op })).status,
    ).toBe(400);
  });

  it("lists the caller's own memberships across parks, and no one else's", async () => {
    const [p1, p2] = await Promise.all([rt.park(), rt.park()]);
    const firm = await rt.firm({ kinds: ['supplier'] });
    const other = await rt.firm({ kinds: ['supplier'] });
    await apply(p1.parkId, firm);
    await apply(p2.parkId, firm);
    await apply(p1.parkId, other);
    const mine = await rt.call('GET', '/v1/memberships', { token: firm.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((m: { parkId: string }) => m.parkId).sort()).toEqual(
      [p1.parkId, p2.parkId].sort(),
    );
    expect(mine.body.items.every((m: { orgId: string }) => m.orgId === firm.orgId)).toBe(true);
  });
});
