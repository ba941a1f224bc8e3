import type { TestRuntime } from '../../../support/test-runtime';

export interface Party {
  token: string;
  orgId: string;
}

/**
 * A park with its operator, a tenant that posts needs, and `suppliers` approved suppliers of the
 * park, each optionally holding verified certificates. Firms are made in parallel (it is slow).
 */
export async function biddingWorld(
  rt: TestRuntime,
  opts: { suppliers: number; certificates?: string[] } = { suppliers: 2 },
) {
  const { parkId, operator } = await rt.park();
  const approvedIn = { parkId, operatorToken: operator.token };
  const [owner, ...suppliers] = await Promise.all([
    rt.firm({ kinds: ['tenant'], approvedIn }),
    ...Array.from({ length: opts.suppliers }, () => rt.firm({ kinds: ['supplier'], approvedIn })),
  ]);
  for (const kind of opts.certificates ?? []) {
    await Promise.all(suppliers.map((s) => rt.verifiedCertificate(s.token, s.orgId, operator.token, kind)));
  }
  return { parkId, operator, owner: owner!, suppliers };
}

export const inHours = (rt: TestRuntime, h: number) =>
  new Date(rt.container.clock.now().getTime() + h * 3600_000);

export const bidBody = (amount: number, extra: Record<string, unknown> = {}) => ({
  unitPrice: { amount, currency: 'IRR' },
  quantity: 100,
  leadTimeDays: 14,
  validUntil: '2099-01-01T00:00:00Z',
  ...extra,
});
