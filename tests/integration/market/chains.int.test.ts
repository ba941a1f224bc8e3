import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { inDays, parkWithBuyer } from './market-fixtures';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const chainBody = (over: Record<string, unknown> = {}) => ({
  output: { category: '2930', name: 'Brake discs' },
  inputs: [
    {
      category: '2410',
      name: 'Grey cast iron',
      quantity: 40,
      unit: 't',
      period: 'month',
      source: 'in_country',
    },
    {
      category: '2220',
      name: 'Plastic caps',
      quantity: 20_000,
      unit: 'pcs',
      period: 'month',
      source: 'imported',
    },
  ],
  ...over,
});

async function declare(token: string, body: Record<string, unknown> = chainBody()) {
  const res = await rt.call('POST', '/v1/chains', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('production chains', () => {
  it('records a tenant’s output and inputs, each input with an id, in its park', async () => {
    const { parkId, buyer } = await parkWithBuyer(rt);
    const chain = await declare(buyer.token);
    expect(chain).toMatchObject({
      ownerOrgId: buyer.orgId,
      parkId,
      output: { category: '2930', name: 'Brake discs' },
    });
    expect(chain.inputs).toHaveLength(2);
    expect(chain.inputs[0]).toMatchObject({
      inputId: expect.stringMatching(/^inp_/),
      source: 'in_country',
      quantity: 40,
    });
    const mine = await rt.call('GET', '/v1/chains?mine=true', { token: buyer.token });
    expect(mine.body.items.map((c: any) => c.chainId)).toEqual([chain.chainId]);
  });

  it('lets the owner and the park’s operator read a chain, and nobody else', async () => {
    const { parkId, operator, buyer } = await parkWithBuyer(rt);
    const chain = await declare(buyer.token);
    const rival = await rt.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } });
    const otherOperator = (await rt.park()).operator;
    expect((await rt.call('GET', `/v1/chains/${chain.chainId}`, { token: operator.token })).status).toBe(200);
    for (const token of [rival.token, otherOperator.token]) {
      expect((await rt.call('GET', `/v1/chains/${chain.chainId}`, { token })).status).toBe(404);
    }
    const parkChains = await rt.call('GET', `/v1/chains?parkId=${parkId}`, { token: operator.token });
    expect(parkChains.body.items.map((c: any) => c.chainId)).toEqual([chain.chainId]);
    expect((await rt.call('GET', `/v1/chains?parkId=${parkId}`, { token: otherOperator.token })).status).toBe(
      403,
    );
    expect((await rt.call('GET', `/v1/chains?parkId=${parkId}`, { token: rival.token })).body.items).toEqual(
      [],
    );
  });

  it('replaces inputs under If-Match, keeping the ids sent back', async () => {
    const { buyer } = await parkWithBuyer(rt);
    const chain = await declare(buyer.token);
    const [iron] = chain.inputs;
    const inputs = [
      { ...iron, quantity: 55, source: 'in_park' },
      {
        category: '2029',
        name: 'Friction binder',
        quantity: 2,
        unit: 't',
        period: 'month',
        source: 'imported',
      },
    ];
    const stale = await rt.call('PATCH', `/v1/chains/${chain.chainId}`, {
      token: buyer.token,
      headers: { 'if-match': '"v9"' },
      body: { inputs },
    });
    expect(stale.status).toBe(412);
    const res = await rt.call('PATCH', `/v1/chains/${chain.chainId}`, {
      token: buyer.token,
      headers: { 'if-match': '"v1"' },
      body: { inputs },
    });
    expect(res.status).toBe(200);
    expect(res.body.inputs[0]).toMatchObject({ inputId: iron.inputId, quantity: 55, source: 'in_park' });
    expect(res.body.inputs[1].inputId).not.toBe(chain.inputs[1].inputId);
    const bogus = await rt.call('PATCH', `/v1/chains/${chain.chainId}`, {
      token: buyer.token,
      body: { inputs: [{ ...iron, inputId: 'inp_NOT_MINE' }] },
    });
    expect(bogus.status).toBe(400);
    expect(bogus.body.errors[0].path).toBe('inputs.0.inputId');
  });

  it('turns an input into a need in one call, and the need remembers the input', async () => {
    const { parkId, buyer } = await parkWithBuyer(rt);
    const chain = await declare(buyer.token);
    const iron = chain.inputs[0];
    const res = await rt.call('POST', `/v1/chains/${chain.chainId}/inputs/${iron.inputId}/need`, {
      token: buyer.token,
      body: { closesAt: inDays(7), publish: true },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      title: 'Grey cast iron',
      category: '2410',
      quantity: 40,
      unit: 't',
      recurrence: { every: 'month' },
      parkId,
      currency: 'IRR',
      mode: 'sealed',
      chainInputRef: { chainId: chain.chainId, inputId: iron.inputId },
    });
    const unknown = await rt.call('POST', `/v1/chains/${chain.chainId}/inputs/inp_missing/need`, {
      token: buyer.token,
      body: { closesAt: inDays(7) },
    });
    expect(unknown.status).toBe(404);
    const rival = await rt.firm({ kinds: ['tenant'] });
    const foreign = await rt.call('POST', `/v1/chains/${chain.chainId}/inputs/${iron.inputId}/need`, {
      token: rival.token,
      body: { closesAt: inDays(7) },
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses chains from non-tenants, outside the firm’s parks, or with unknown categories', async () => {
    const { parkId, operator } = await parkWithBuyer(rt);
    const supplier = await rt.firm({
      kinds: ['supplier'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    expect((await rt.call('POST', '/v1/chains', { token: supplier.token, body: chainBody() })).status).toBe(
      403,
    );
    const homeless = await rt.firm({ kinds: ['tenant'] });
    const noPark = await rt.call('POST', '/v1/chains', { token: homeless.token, body: chainBody() });
    expect(noPark.status).toBe(422);
    expect(noPark.body.code).toBe('chain.park_required');
    const elsewhere = await rt.call('POST', '/v1/chains', {
      token: homeless.token,
      body: chainBody({ parkId }),
    });
    expect(elsewhere.body.code).toBe('chain.not_a_tenant');
    const tenant = await rt.firm({
      kinds: ['tenant'],
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const bad = await rt.call('POST', '/v1/chains', {
      token: tenant.token,
      body: chainBody({ output: { category: '9999', name: 'x' } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'output.category', message: 'Unknown ISIC code 9999.' }]);
  });
});
