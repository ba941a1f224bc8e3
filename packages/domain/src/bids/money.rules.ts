import { invalid, ruleBroken } from '../core/errors';
import { exactFraction, type Money, roundHalfEven } from '../core/money';

/**
 * unit price × quantity, exactly: the quantity as the decimal the client wrote (at most three
 * decimals), multiplied in integer arithmetic and rounded half to even to whole minor units.
 */
export function lineTotal(unitPrice: Money, quantity: number): Money {
  const { numerator, denominator } = exactFraction(quantity);
  const total = roundHalfEven(BigInt(unitPrice.amount) * numerator, denominator);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid('bid.total_too_large', 'Unit price times quantity is too large.', [
      { path: 'quantity', message: 'The total does not fit.' },
    ]);
  }
  return { amount: Number(total), currency: unitPrice.currency };
}

/** A bid's total in whole minor units; one that rounds to nothing is no offer (422). */
export function billableTotal(unitPrice: Money, quantity: number): Money {
  const total = lineTotal(unitPrice, quantity);
  if (total.amount === 0) {
    throw ruleBroken(
      'bid.total_zero',
      `${quantity} × ${unitPrice.amount} minor units of ${unitPrice.currency} rounds to nothing: no deal can be worth 0.`,
      [
        { path: 'unitPrice.amount', message: 'The total would round to zero minor units.' },
        { path: 'quantity', message: 'The total would round to zero minor units.' },
      ],
    );
  }
  return total;
}
