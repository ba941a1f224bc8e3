import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstOperator, ensureFirstOperator } from '../../infra/ops/first-operator';
import { freshTable } from '../functions/fixtures/dynamo-table';

let table: Awaited<ReturnType<typeof freshTable>>;
beforeAll(async () => {
  table = await freshTable();
});
afterAll(() => table.close());

describe('creating the first operator after deployment', () => {
  it('founds an operator organisation for a user who has signed in once, with an audit record', async () => {
    const userId = randomUUID();
    await table.container.repos.users.createOrGet({
      userId,
      email: 'ops@authority.example.org',
      name: 'Ops',
      orgId: null,
      createdAt: new Date().toISOString(),
    });
    const { orgId } = await createFirstOperator(table.container, {
      email: 'OPS@authority.example.org',
      name: 'Eshtehard Industrial Town Authority',
      country: 'IR',
    });
    expect(await table.container.repos.orgs.get(orgId)).toMatchObject({ kinds: ['operator'], country: 'IR' });
    expect((await table.container.repos.users.get(userId))?.orgId).toBe(orgId);
    const trail = await table.container.repos.audit.list(orgId, { limit: 10 });
    expect(trail.items.map((r: { action: string }) => r.action)).toEqual(['org.created']);
  });

  it('refuses an e-mail that has never signed in, and a user who already has an organisation', async () => {
    await expect(
      createFirstOperator(table.container, {
        email: 'nobody@authority.example.org',
        name: 'X Authority',
        country: 'MN',
      }),
    ).rejects.toThrow(/sign in once/);
    const userId = randomUUID();
    await table.container.repos.users.createOrGet({
      userId,
      email: 'twice@authority.example.org',
      name: 'Ops',
      orgId: null,
      createdAt: new Date().toISOString(),
    });
    await createFirstOperator(table.container, {
      email: 'twice@authority.example.org',
      name: 'A Authority',
      country: 'VN',
    });
    await expect(
      createFirstOperator(table.container, {
        email: 'twice@authority.example.org',
        name: 'B Authority',
        country: 'VN',
      }),
    ).rejects.toThrow(/already belongs/);
  });

  it('is ensured by every deploy: waits for the first sign-in, creates once, then confirms', async () => {
    const email = 'deploy@authority.example.org';
    const input = { email, name: 'Darkhan Park Authority', country: 'MN' };
    expect(await ensureFirstOperator(table.container, input)).toEqual({ status: 'awaiting-sign-in' });
    const userId = randomUUID();
    await table.container.repos.users.createOrGet({
      userId,
      email,
      name: 'Ops',
      orgId: null,
      createdAt: new Date().toISOString(),
    });
    const created = await ensureFirstOperator(table.container, input);
    expect(created).toMatchObject({ status: 'created', userId });
    const again = await ensureFirstOperator(table.container, { ...input, name: 'Another name' });
    expect(again).toEqual({ ...created, status: 'confirmed' });
    const trail = await table.container.repos.audit.list((created as { orgId: string }).orgId, { limit: 10 });
    expect(trail.items).toHaveLength(1);
  });
});
