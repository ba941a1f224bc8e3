import { z } from 'zod';
import { IsoDate, Text } from './locale';

/** How the goods reach the buyer: collected at the seller's, or delivered (by a date, to a place). */
export const DeliveryTerms = z
  .strictObject({
    terms: z.enum(['pickup', 'delivered']),
    by: IsoDate.optional(),
    place: Text(300).optional(),
  })
  .meta({ id: 'DeliveryTerms' });
export type DeliveryTerms = z.infer<typeof DeliveryTerms>;

/** When the buyer pays: this many days after the delivery is accepted (0: on delivery). */
export const PaymentTerms = z
  .strictObject({ daysAfterDelivery: z.int().min(0).max(365) })
  .meta({ id: 'PaymentTerms' });
export type PaymentTerms = z.infer<typeof PaymentTerms>;
