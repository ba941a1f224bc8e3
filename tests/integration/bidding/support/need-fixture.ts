import { writeVersioned } from '@parkbridge/db';
import { newId, type Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import { needKey } from '../../../../packages/db/src/needs/need.keys';
import type { TestRuntime } from '../../../support/test-runtime';

export interface NeedOptions {
  parkId: string;
  ownerOrgId: string;
  closesAt: Date | string;
  mode?: 'sealed' | 'auction';
  auction?: { minDecrementBps: number; maxExtensions: number };
  requiredCertificates?: string[];
  parkFirstUntil?: Date | string | null;
  visibility?: 'park' | 'public';
  currency?: string;
  quantity?: number;
  status?: Need['status'];
  title?: string;
}

/**
 * Writes an open need item exactly in the shape of the need contract (packages/domain/src/needs),
 * as the market context's publish will: the bidding tests need needs before the market's
 * repository exists. Written with writeVersioned, so it has a version and an audit chain.
 */
export async function openNeed(rt: TestRuntime, o: NeedOptions): Promise<Stored<Need>> {
  const now = rt.container.clock.now();
  const closesAt = new Date(o.closesAt);
  const parkFirst = o.parkFirstUntil ? new Date(o.parkFirstUntil) : null;
  const need: Need = {
    needId: newId('need'),
    ownerOrgId: o.ownerOrgId,
    title: o.title ?? 'Cold-rolled steel coil, 2 mm',
    description: 'Monthly supply for the pipe mill.',
    category: '2410',
    quantity: o.quantity ?? 100,
    unit: 't',
    parkId: o.parkId,
    currency: o.currency ?? 'IRR',
    closesAt: closesAt.toISOString(),
    closesAtMs: closesAt.getTime(),
    originalClosesAt: closesAt.toISOString(),
    mode: o.mode ?? 'sealed',
    ...(o.mode === 'auction' ? { auction: o.auction ?? { minDecrementBps: 100, maxExtensions: 3 } } : {}),
    requiredCertificates: (o.requiredCertificates ?? []) as Need['requiredCertificates'],
    parkFirstHours: 0,
    visibility: o.visibility ?? 'public',
    status: o.status ?? 'open',
    extensionCount: 0,
    publishedAt: now.toISOString(),
    parkFirstUntil: parkFirst?.toISOString() ?? null,
    parkFirstUntilMs: parkFirst?.getTime() ?? 0,
    amendmentCount: 0,
    cancelReason: null,
    awardedBidId: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 0,
  };
  return writeVersioned(rt.db, {
    keys: needKey(need.needId),
    entityId: need.needId,
    next: need as Stored<Need>,
    prev: null,
    audit: {
      action: 'need.published',
      actor: { userId: 'fixture', orgId: o.ownerOrgId },
      before: null,
      after: need,
      parkId: o.parkId,
    },
    extra: { type: 'need' },
  });
}

/** Changes the need as the market context would (amend, cancel, extend): a versioned write. */
export async function changeNeed(
  rt: TestRuntime,
  needId: string,
  patch: Partial<Need>,
  action = 'need.amended',
) {
  const prev = await rt.container.bidding.repos.needs.get(needId);
  if (!prev) throw new Error(`no need ${needId}`);
  const next = { ...prev, ...patch, updatedAt: rt.container.clock.now().toISOString() };
  return writeVersioned(rt.db, {
    keys: needKey(needId),
    entityId: needId,
    next,
    prev,
    audit: {
      action,
      actor: { userId: 'fixture', orgId: prev.ownerOrgId },
      before: prev,
      after: next,
      parkId: prev.parkId,
    },
    extra: { type: 'need' },
  });
}

export const amendNeed = (rt: TestRuntime, needId: string, patch: Partial<Need> = {}) =>
  rt.container.bidding.repos.needs
    .get(needId)
    .then((n) => changeNeed(rt, needId, { ...patch, amendmentCount: (n?.amendmentCount ?? 0) + 1 }));

export const cancelNeed = (rt: TestRuntime, needId: string, reason: string) =>
  changeNeed(rt, needId, { status: 'cancelled', cancelReason: reason }, 'need.cancelled');
