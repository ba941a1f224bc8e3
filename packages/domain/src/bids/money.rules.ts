import { invalid } from '../core/errors';
import type { Money } from '../core/money';

/** unit price × quantity in minor units; the quantity has at most three decimals, so this is exact before rounding. */
export function lineTotal(unitPrice: Money, quantity: number): Money {
  const milli = BigInt(Math.round(quantity * 1000));
  const total = (BigInt(unitPrice.amount) * milli + 500n) / 1000n;
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid('bid.total_too_large', 'Unit price times quantity is too large.', [
      { path: 'quantity', message: 'The total does not fit.' },
    ]);
  }
  return { amount: Number(total), currency: unitPrice.currency };
}
