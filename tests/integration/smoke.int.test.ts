import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

describe('the foundation, end to end through HTTP', () => {
  it('answers health', async () => {
    const res = await rt.call('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('lets an operator create a park and a firm apply and be approved', async () => {
    const { parkId, operator } = await rt.park();
    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const list = await rt.call('GET', `/v1/parks/${parkId}/memberships?status=approved`, {
      token: operator.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { orgId: string }) => m.orgId)).toEqual([tenant.orgId]);
  });
});
