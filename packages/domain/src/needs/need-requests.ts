import { z } from 'zod';
import { AttachmentIds } from '../documents/upload';
import { IsoDateTime, Text } from '../shared/locale';
import { DeliveryTerms, PaymentTerms } from '../shared/terms';
import { Quantity } from '../shared/units';
import { AuctionRules, NeedInput, NeedMode, type NeedStatus, Recurrence } from './need';

const s = NeedInput.shape;

/**
 * Changes to a draft. Written out rather than NeedInput.partial(): defaults must not fill in
 * fields the caller left alone. `null` clears an optional field.
 */
export const NeedDraftPatch = z
  .strictObject({
    title: s.title.optional(),
    description: s.description.optional(),
    category: s.category.optional(),
    quantity: s.quantity.optional(),
    unit: s.unit.optional(),
    recurrence: Recurrence.nullable().optional(),
    parkId: s.parkId.optional(),
    currency: s.currency.optional(),
    closesAt: s.closesAt.optional(),
    mode: s.mode.optional(),
    auction: AuctionRules.nullable().optional(),
    requiredCertificates: s.requiredCertificates.unwrap().optional(),
    parkFirstHours: s.parkFirstHours.unwrap().optional(),
    visibility: s.visibility.unwrap().optional(),
    delivery: DeliveryTerms.nullable().optional(),
    paymentTerms: PaymentTerms.nullable().optional(),
    /** The draft's files after the change: ids it has keep, new upload ids join, the rest leave. */
    attachments: AttachmentIds.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Change at least one field.');
export type NeedDraftPatch = z.infer<typeof NeedDraftPatch>;

/** The material fields of an open need, which change only through an amendment. */
export const AMENDABLE_FIELDS = [
  'title',
  'description',
  'category',
  'quantity',
  'unit',
  'requiredCertificates',
  'delivery',
  'paymentTerms',
  'attachments',
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

export const NeedAmendmentInput = z
  .strictObject({
    title: s.title.optional(),
    description: s.description.optional(),
    category: s.category.optional(),
    quantity: s.quantity.optional(),
    unit: s.unit.optional(),
    requiredCertificates: s.requiredCertificates.unwrap().optional(),
    delivery: DeliveryTerms.optional(),
    paymentTerms: PaymentTerms.optional(),
    /** The need's files after the amendment; a file added or taken off is recorded like any change. */
    attachments: AttachmentIds.optional(),
    /** Told to every bidder with the changes. */
    reason: Text(1000),
  })
  .refine((a) => AMENDABLE_FIELDS.some((f) => a[f] !== undefined), 'Amend at least one field.');
export type NeedAmendmentInput = z.infer<typeof NeedAmendmentInput>;

export const NeedCancel = z.strictObject({ reason: Text(1000) });
export const NeedExtend = z.strictObject({ closesAt: IsoDateTime });

/** A need from a chain input: category, quantity, unit, park and period come from the input. */
export const NeedFromInput = z.strictObject({
  title: Text(200).optional(),
  description: Text(8000).optional(),
  quantity: Quantity.optional(),
  closesAt: IsoDateTime,
  mode: NeedMode.default('sealed'),
  auction: AuctionRules.optional(),
  currency: s.currency.optional(),
  requiredCertificates: s.requiredCertificates,
  parkFirstHours: s.parkFirstHours,
  visibility: s.visibility,
  /** Ask for the input's quantity every period (default) or once. */
  recurring: z.boolean().default(true),
  /** Publish at once instead of leaving a draft. */
  publish: z.boolean().default(false),
  delivery: DeliveryTerms.optional(),
  paymentTerms: PaymentTerms.optional(),
  attachments: AttachmentIds.optional(),
});
export type NeedFromInput = z.infer<typeof NeedFromInput>;

export interface NeedListFilter {
  status?: NeedStatus | undefined;
  category?: string | undefined;
  parkId?: string | undefined;
  q?: string | undefined;
  mine?: boolean | undefined;
}
