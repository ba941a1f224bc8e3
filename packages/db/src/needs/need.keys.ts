/**
 * The need item's main key. The bidding context's transactions ConditionCheck this item on
 * `status`, `closesAtMs`, `parkFirstUntilMs` (and read `requiredCertificates`, `parkId`,
 * `currency`, `mode`) so that no bid lands after the effective close. Index keys of needs are
 * the market context's, beside its repository.
 */
export const needKey = (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' });
