import type { Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import type { TestRuntime } from '../../../support/test-runtime';

export interface Owner {
  token: string;
  orgId: string;
}

export interface NeedOptions {
  parkId: string;
  owner: Owner;
  closesAt: Date | string | number;
  mode?: 'sealed' | 'auction';
  auction?: { minDecrementBps: number; maxExtensions: number };
  requiredCertificates?: string[];
  parkFirstHours?: number;
  visibility?: 'park' | 'public';
  currency?: string;
  quantity?: number;
  /** Leave it a draft instead of publishing it. */
  draft?: boolean;
  title?: string;
  description?: string;
}

const ok = (what: string, res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
};

/**
 * Posts and publishes a need through the market context's API (POST /v1/needs, then /publish),
 * as a tenant would, and returns the stored need as the bidding context reads it.
 */
export async function openNeed(rt: TestRuntime, o: NeedOptions): Promise<Stored<Need>> {
  const created = await rt.call('POST', '/v1/needs', {
    token: o.owner.token,
    body: {
      title: o.title ?? 'Cold-rolled steel coil, 2 mm',
      description: o.description ?? 'Monthly supply for the pipe mill.',
      category: '2410',
      quantity: o.quantity ?? 100,
      unit: 't',
      parkId: o.parkId,
      currency: o.currency ?? 'IRR',
      closesAt: new Date(o.closesAt).toISOString(),
      mode: o.mode ?? 'sealed',
      ...(o.mode === 'auction' ? { auction: o.auction ?? { minDecrementBps: 100, maxExtensions: 3 } } : {}),
      requiredCertificates: o.requiredCertificates ?? [],
      parkFirstHours: o.parkFirstHours ?? 0,
      visibility: o.visibility ?? 'public',
    },
  });
  ok('need', created, 201);
  const needId = created.body.needId as string;
  if (!o.draft)
    ok('publish', await rt.call('POST', `/v1/needs/${needId}/publish`, { token: o.owner.token }), 200);
  return (await rt.container.bidding.repos.needs.get(needId)) as Stored<Need>;
}

/** A material change through the market's amendment (bids under the old terms need reconfirmation). */
export async function amendNeed(
  rt: TestRuntime,
  owner: Owner,
  needId: string,
  description = 'Now 2.5 mm coil.',
) {
  ok(
    'amend',
    await rt.call('POST', `/v1/needs/${needId}/amend`, {
      token: owner.token,
      body: { description, reason: 'Thicker coil.' },
    }),
    200,
  );
}

export async function cancelNeed(rt: TestRuntime, owner: Owner, needId: string, reason: string) {
  ok(
    'cancel',
    await rt.call('POST', `/v1/needs/${needId}/cancel`, { token: owner.token, body: { reason } }),
    200,
  );
}

export async function extendNeed(rt: TestRuntime, owner: Owner, needId: string, closesAt: string) {
  ok(
    'extend',
    await rt.call('POST', `/v1/needs/${needId}/extend`, { token: owner.token, body: { closesAt } }),
    200,
  );
}
