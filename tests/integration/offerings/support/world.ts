import type { TestRuntime } from '../../../support/test-runtime';

export interface Party {
  token: string;
  orgId: string;
}

/**
 * A park with its operator and `investors` organisations that are not members of it (any
 * organisation may bid on park space). Firms are made in parallel (it is slow).
 */
export async function offeringWorld(rt: TestRuntime, opts: { investors: number }) {
  const { parkId, operator } = await rt.park();
  const investors = await Promise.all(
    Array.from({ length: opts.investors }, (_, i) =>
      rt.firm({ kinds: i % 2 ? ['supplier'] : ['tenant'], name: `Investor ${i + 1}` }),
    ),
  );
  return { parkId, operator, investors };
}

export const offeringBody = (closesAt: Date | string, extra: Record<string, unknown> = {}) => ({
  kind: 'idle_unit',
  title: 'Former dairy line, hall B',
  description: 'A dormant dairy line with cold rooms, ready for a food producer.',
  area: 2400,
  utilities: { powerKw: 800, waterM3PerDay: 120, gas: true },
  allowedCategories: ['10'],
  terms: 'lease',
  leaseYears: 20,
  reservePrice: { amount: 1_000_000, currency: 'IRR' },
  minIncrement: { amount: 50_000, currency: 'IRR' },
  mode: 'sealed',
  closesAt: typeof closesAt === 'string' ? closesAt : closesAt.toISOString(),
  ...extra,
});

export const bidOn = (amount: number, extra: Record<string, unknown> = {}) => ({
  price: { amount, currency: 'IRR' },
  plan: {
    category: '1050',
    investment: { amount: 9_000_000, currency: 'IRR' },
    jobs: 40,
    startWithinMonths: 6,
  },
  ...extra,
});

/** A published offering of the world's park, straight through the API as its operator. */
export async function openOffering(
  rt: TestRuntime,
  world: { parkId: string; operator: Party },
  closesAt: Date | string,
  extra: Record<string, unknown> = {},
) {
  const created = await rt.call('POST', `/v1/parks/${world.parkId}/offerings`, {
    token: world.operator.token,
    body: offeringBody(closesAt, extra),
  });
  if (created.status !== 201) throw new Error(`offering failed: ${JSON.stringify(created.body)}`);
  const published = await rt.call('POST', `/v1/offerings/${created.body.offeringId}/publish`, {
    token: world.operator.token,
  });
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return published.body as { offeringId: string; closesAt: string; status: string };
}
