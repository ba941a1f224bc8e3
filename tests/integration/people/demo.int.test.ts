import {
  DEMO_FIRMS,
  DEMO_FOUR_EYES,
  DEMO_LOGINS,
  DEMO_PENDING_INVITATION,
  type DemoWorld,
} from '@parkbridge/seed';
import { seedBidding } from '@parkbridge/seed/bidding.seed';
import { seedFoundation } from '@parkbridge/seed/foundation.seed';
import { seedMarket } from '@parkbridge/seed/market.seed';
import { seedPeople } from '@parkbridge/seed/people.seed';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let world: DemoWorld;

beforeAll(async () => {
  rt = await startTestRuntime();
  world = await seedFoundation(rt.container);
  await seedPeople(rt.container, world);
  const market = await seedMarket(rt.container, world);
  await seedBidding(rt.container, world, market);
}, 300_000);
afterAll(() => rt?.stop());

describe('the demo organisations’ people', () => {
  it('gives every demo firm three or four people of different roles, each a login the README lists', async () => {
    for (const f of DEMO_FIRMS) {
      const { orgId } = world.firms[f.slug]!.caller;
      const people = (await rt.container.repos.members.list(orgId, { limit: 100 })).items;
      const roles = people.map((p) => p.role);
      expect(people.length, f.slug).toBeGreaterThanOrEqual(3);
      expect(people.length, f.slug).toBeLessThanOrEqual(4);
      expect(new Set(roles).size, f.slug).toBe(roles.length);
      expect(roles).toContain('admin');
      const login = DEMO_LOGINS.find((l) => l.email === f.email)!;
      expect(login.people.map((p) => p.role).sort()).toEqual(roles.filter((r) => r !== 'admin').sort());
    }
  });

  it('signs each colleague in with their role, and the park authority’s staff as staff', async () => {
    for (const login of DEMO_LOGINS) {
      for (const person of login.people) {
        const claims = decodeJwt(await rt.login(person.email));
        expect(claims.role, person.email).toBe(person.role);
        expect(typeof claims.org).toBe('string');
      }
    }
  });

  it('leaves one invitation pending, found by its address', async () => {
    const token = await rt.login(DEMO_PENDING_INVITATION.email);
    const mine = await rt.call('GET', '/v1/invitations/mine', { token });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ role: DEMO_PENDING_INVITATION.role, status: 'pending' }),
    ]);
  });

  it('has a firm with an approval threshold and a buyer’s award waiting for its admins', async () => {
    const firm = world.firms[DEMO_FOUR_EYES.firm]!;
    const org = await rt.container.repos.orgs.get(firm.caller.orgId);
    expect(org?.awardApprovalAbove).toEqual(DEMO_FOUR_EYES.above);
    const waiting = await rt.container.bidding.awards.listPending(firm.caller, firm.caller.orgId, {
      limit: 10,
    });
    expect(waiting.items).toEqual([
      expect.objectContaining({ status: 'pending', requestedBy: firm.people?.buyer?.userId }),
    ]);
    expect(waiting.items[0]!.total.amount).toBeGreaterThan(DEMO_FOUR_EYES.above.amount);
  });
});
