import type { QuotaCharge } from '@parkbridge/domain/quotas';

/**
 * A quota counter: one item per person or organisation, action and window. The subject leads the
 * partition, so one firm's counters never share a partition with another's. Expired windows are
 * deleted by TTL (a day after their end); nothing reads them.
 */
export const quotaKey = (c: Pick<QuotaCharge, 'scope' | 'subject' | 'action' | 'windowStartMs'>) => ({
  pk: `QUOTA#${c.scope}#${c.subject}`,
  sk: `${c.action}#${c.windowStartMs}`,
});
