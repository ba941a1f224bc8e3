import type { Deal } from '@parkbridge/domain/deals';

/** A deal under its own id; gsi1 lists a buyer's deals, gsi2 a seller's, newest last by award time. */
export const dealKeys = (d: Pick<Deal, 'dealId' | 'buyerOrgId' | 'sellerOrgId' | 'awardedAt'>) => ({
  pk: `DEAL#${d.dealId}`,
  sk: 'DEAL',
  gsi1pk: `ORG#${d.buyerOrgId}#DEALS#buyer`,
  gsi1sk: `${d.awardedAt}#${d.dealId}`,
  gsi2pk: `ORG#${d.sellerOrgId}#DEALS#seller`,
  gsi2sk: `${d.awardedAt}#${d.dealId}`,
});

export const dealKey = (dealId: string) => ({ pk: `DEAL#${dealId}`, sk: 'DEAL' });
