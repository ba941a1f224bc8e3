import { dealKey } from './deal.keys';

/** A deal's messages live in the deal's partition, in the order they were written. */
export const MESSAGE_PREFIX = 'MSG#';
export const dealMessageKey = (dealId: string, createdAt: string, messageId: string) => ({
  pk: dealKey(dealId).pk,
  sk: `${MESSAGE_PREFIX}${createdAt}#${messageId}`,
});

/** Each buyer's purchase order counter: the last number it gave. */
export const purchaseOrderCounterKey = (buyerOrgId: string) => ({
  pk: `ORG#${buyerOrgId}`,
  sk: 'PO#COUNTER',
});

/** A deal's purchase order number, beside the deal (not on it: the deal's own writes replace it whole). */
export const purchaseOrderKey = (dealId: string) => ({ pk: dealKey(dealId).pk, sk: 'PO' });
